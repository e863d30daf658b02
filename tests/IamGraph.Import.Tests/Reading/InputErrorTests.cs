using System.Text;

using IamGraph.Import.Reading;

namespace IamGraph.Import.Tests.Reading;

/// <summary>One test per input the reader must refuse: each message names the file (and line where there is one) and what was expected.</summary>
public sealed class InputErrorTests
{
    [Fact]
    public void Missing_folder()
    {
        var path = Path.Combine(Path.GetTempPath(), "iamgraph-missing-" + Guid.NewGuid().ToString("N"));

        var ex = Assert.Throws<ImportException>(() => DocsReader.Read(path));

        Assert.Equal(path, ex.File);
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
        Assert.Contains("policies/", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_folder()
    {
        using var docs = new DocsFixture();

        var ex = Assert.Throws<ImportException>(() => DocsReader.Read(docs.Root));

        Assert.Equal(docs.Root, ex.File);
        Assert.Contains("empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Folder_that_is_not_iam_docs()
    {
        using var docs = new DocsFixture(("README.md", "# My notes\n"), ("notes/today.md", "# Today\n"));

        var ex = Assert.Throws<ImportException>(() => DocsReader.Read(docs.Root));

        Assert.Equal(docs.Root, ex.File);
        Assert.Contains("not IAM policy docs", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith(docs.Root + ": ", ex.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Policies_folder_without_pages()
    {
        using var docs = new DocsFixture(("policies/README.md", DocsFixture.PolicyIndex));

        var ex = Assert.Throws<ImportException>(() => DocsReader.Read(docs.Root));

        Assert.Contains("no policy pages", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_without_kind_title()
    {
        using var docs = DocsFixture.Minimal(("services/ecr.md", "\nSome text first.\n\n# ecr\n\n## Attached Policies\n"));

        var ex = Assert.Throws<ImportException>(() => DocsReader.Read(docs.Root));

        Assert.Equal(("services/ecr.md", 4), (ex.File, ex.Line));
        Assert.Contains("'# Service: NAME'", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("services/ecr.md:4: ", ex.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Page_whose_title_names_another_kind()
    {
        using var docs = DocsFixture.Minimal(("services/ecr.md", "# Action: ecr\n"));

        var ex = Assert.Throws<ImportException>(() => DocsReader.Read(docs.Root));

        Assert.Equal(("services/ecr.md", 1), (ex.File, ex.Line));
        Assert.Contains("expected '# Service: NAME'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_page_without_arn()
    {
        using var docs = DocsFixture.Minimal(("policies/noarn.md", "\n# Policy: NoArn\n\n## Allowed Actions\n\nARN: `arn:aws:iam::aws:policy/TooLate`\n"));

        var ex = Assert.Throws<ImportException>(() => DocsReader.Read(docs.Root));

        Assert.Equal(("policies/noarn.md", 2), (ex.File, ex.Line));
        Assert.Contains("no ARN", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ARN: `arn:aws:iam::", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_page_with_something_else_than_an_arn()
    {
        using var docs = DocsFixture.Minimal(("policies/badarn.md", "# Policy: BadArn\n\nARN: `BadArn`\n"));

        var ex = Assert.Throws<ImportException>(() => DocsReader.Read(docs.Root));

        Assert.Equal(("policies/badarn.md", 3), (ex.File, ex.Line));
        Assert.Contains("not an IAM ARN", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_that_is_not_utf8()
    {
        using var docs = DocsFixture.Minimal();
        var latin1 = Encoding.Latin1.GetBytes("# Policy: Caf\u00e9\n\nARN: `arn:aws:iam::aws:policy/Cafe`\n");
        latin1 = [.. Encoding.UTF8.GetBytes("\n\n"), .. latin1];
        docs.WriteBytes("policies/cafe.md", latin1);

        var ex = Assert.Throws<ImportException>(() => DocsReader.Read(docs.Root));

        Assert.Equal(("policies/cafe.md", 3), (ex.File, ex.Line));
        Assert.Contains("not valid UTF-8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_with_nul_bytes()
    {
        using var docs = DocsFixture.Minimal();
        docs.WriteBytes("policies/binary.md", [.. "# Policy: X\n"u8, 0, 1, 2]);

        var ex = Assert.Throws<ImportException>(() => DocsReader.Read(docs.Root));

        Assert.Equal(("policies/binary.md", 2), (ex.File, ex.Line));
        Assert.Contains("NUL", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_over_the_size_limit()
    {
        using var docs = DocsFixture.Minimal(("policies/big.md", DocsFixture.DenyAllPolicy + new string(' ', 5000)));

        var ex = Assert.Throws<ImportException>(() => DocsReader.Read(docs.Root, new DocsReaderOptions { MaxFileBytes = 4096 }));

        Assert.Equal("policies/big.md", ex.File);
        Assert.Contains("at most 4,096", ex.Message, StringComparison.Ordinal);
        Assert.Equal("AWSDenyAll", Assert.Single(DocsReader.Read(docs.Root).Policies, p => p.Source.File == "policies/awsdenyall.md").Name);
    }

    [NonRootFact]
    public void Unreadable_file_permission_denied()
    {
        using var docs = DocsFixture.Minimal();
        var path = docs.Write("policies/locked.md", DocsFixture.DenyAllPolicy);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.None);
        }

        var ex = Assert.Throws<ImportException>(() => DocsReader.Read(docs.Root));

        Assert.Equal("policies/locked.md", ex.File);
        Assert.Contains("permission denied", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_file_dangling_link()
    {
        using var docs = DocsFixture.Minimal();
        File.CreateSymbolicLink(Path.Combine(docs.Root, "policies", "dangling.md"), Path.Combine(docs.Root, "nowhere.md"));

        var ex = Assert.Throws<ImportException>(() => DocsReader.Read(docs.Root));

        Assert.Equal("policies/dangling.md", ex.File);
        Assert.Contains("cannot read the file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_count_that_is_not_a_number()
    {
        using var docs = DocsFixture.Minimal(("policies/README.md", DocsFixture.PolicyIndex.Replace("| 1 | 1", "| one | 1", StringComparison.Ordinal)));

        var ex = Assert.Throws<ImportException>(() => DocsReader.Read(docs.Root));

        Assert.Equal(("policies/README.md", 5), (ex.File, ex.Line));
        Assert.Contains("'one' in column '# Services' is not a count", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Front_matter_never_closed()
    {
        using var docs = DocsFixture.Minimal(("policies/README.md", "---\ntitle: x\n# AWS IAM Policies\n"));

        var ex = Assert.Throws<ImportException>(() => DocsReader.Read(docs.Root));

        Assert.Equal(("policies/README.md", 1), (ex.File, ex.Line));
        Assert.Contains("never closed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_read_stops_with_OperationCanceledException()
    {
        using var docs = DocsFixture.Minimal();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => DocsReader.Read(docs.Root, cancelled.Token));
    }

    [Fact]
    public void The_first_bad_file_in_name_order_is_reported_whatever_the_parallelism()
    {
        using var docs = DocsFixture.Minimal(("policies/a-bad.md", "no title\n"), ("policies/z-bad.md", "no title\n"));

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("policies/a-bad.md", Assert.Throws<ImportException>(() => DocsReader.Read(docs.Root)).File);
        }
    }
}

/// <summary>Permission tests mean nothing as root (root reads any file): skip there, with the reason.</summary>
public sealed class NonRootFactAttribute : FactAttribute
{
    public NonRootFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix file modes only.";
        }
        else if (Environment.UserName == "root")
        {
            Skip = "Running as root, which can read a file with mode 000; the permission-denied path is covered when tests run as a normal user.";
        }
    }
}
