using System.Text.Json;

using IamGraph.Import.Model;

namespace IamGraph.Import.Tests.Model;

/// <summary>The stored JSON of string lists is what JsonSerializer gives, escaping included.</summary>
public sealed class JsonStringListsTests
{
    public static TheoryData<string[]> Lists => new()
    {
        Array.Empty<string>(),
        new[] { "*" },
        new[] { "s3:GetObject", "s3:Get*" },
        new[] { "arn:aws:s3:::bucket/${aws:username}/*", "a\"b\\c", "<tag> & 'quote'", "tab\there\nnew line", "\u0001\u007f", "é ü 中文 😀", "+/=" },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public void A_list_is_written_as_the_serializer_writes_it(string[] list)
    {
        var lists = new JsonStringLists();

        Assert.Equal(JsonSerializer.Serialize<IReadOnlyList<string>>(list), lists.Of(list));
        Assert.Equal(JsonSerializer.Serialize<IReadOnlyList<string>>(list), lists.OfShared(list));
    }

    [Fact]
    public void Lists_in_turn_do_not_share_a_buffer()
    {
        var lists = new JsonStringLists();

        Assert.Equal("[\"a\",\"b\"]", lists.Of(["a", "b"]));
        Assert.Equal("[\"c\"]", lists.Of(["c"]));
        Assert.Equal("[]", lists.Of([]));
        Assert.Equal("[\"a\"]", lists.OfShared(["a"]));
    }
}
