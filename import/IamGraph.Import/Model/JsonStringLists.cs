using System.Buffers;
using System.Text;
using System.Text.Json;

namespace IamGraph.Import.Model;

/// <summary>
/// JSON arrays of strings as the catalogue stores them (a statement's resources, a grant's <c>via</c>), each serialized once:
/// most lists are one string repeated tens of thousands of times ("*", one action pattern), and grants through several strings
/// share one list object within a policy. One instance per table being built: it is not thread-safe.
/// </summary>
internal sealed class JsonStringLists
{
    private readonly Dictionary<string, string> _single = new(StringComparer.Ordinal);
    private readonly Dictionary<IReadOnlyList<string>, string> _shared = new(ReferenceEqualityComparer.Instance);
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private Utf8JsonWriter? _writer;

    /// <summary>The list's JSON; a one-string list is looked up by its string.</summary>
    public string Of(IReadOnlyList<string> list) =>
        list is [var only] ? _single.TryGetValue(only, out var json) ? json : _single[only] = Serialize(list) : Serialize(list);

    /// <summary>As <see cref="Of"/>, and a longer list is looked up by reference, for lists shared between rows.</summary>
    public string OfShared(IReadOnlyList<string> list) =>
        list.Count == 1 ? Of(list) : _shared.TryGetValue(list, out var json) ? json : _shared[list] = Serialize(list);

    // What JsonSerializer.Serialize gives for a list of strings (the same default encoder), written directly: the
    // serializer's reflection metadata cost a cold import tens of JIT-compiled methods for this one shape.
    private string Serialize(IReadOnlyList<string> list)
    {
        _buffer.ResetWrittenCount();
        // One writer for all lists (thousands of grants' lists in a docs import), reset for each.
        var writer = _writer ??= new Utf8JsonWriter(_buffer);
        writer.Reset();
        writer.WriteStartArray();
        foreach (var item in list)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
        writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }
}
