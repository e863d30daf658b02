using IamGraph.Import.Model;

namespace IamGraph.Import.Reading;

/// <summary>A link written outside a table (e.g. a bare link under <c>## Associated Services</c>).</summary>
internal sealed record LooseLink(string Text, string Url, int Line);

/// <summary>A <c>##</c> section: its heading, what the heading is about, and the tables and loose links under it.</summary>
internal sealed record PageSection(string Heading, Topic Topic, int Line, IReadOnlyList<MarkdownTable> Tables, IReadOnlyList<LooseLink> Links);

/// <summary>
/// A docs page as structure: optional YAML front matter, a <c># Kind: NAME</c> title, the lines before the first
/// section (where <c>ARN: `...`</c> lives), tables before any section (index pages) and <c>##</c> sections.
/// </summary>
/// <param name="File">Docs-relative path with forward slashes.</param>
/// <param name="TitleKind">The word before ':' in the title ("Policy"), or null when the page has no such title.</param>
/// <param name="Preamble">Lines between the title and the first section, trimmed, with their 1-based line numbers.</param>
internal sealed record MarkdownPage(
    string File,
    bool HasFrontMatter,
    string? TitleKind,
    string? TitleName,
    int TitleLine,
    IReadOnlyList<(string Text, int Line)> Preamble,
    IReadOnlyList<PageSection> Sections,
    IReadOnlyList<MarkdownTable> TopTables)
{
    public SourceRef At(int line) => new(File, line);

    /// <summary>"Policy: NAME" into its kind and name; a heading without ':' has neither.</summary>
    public static (string? Kind, string? Name) SplitTitle(string title)
    {
        var colon = title.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? (title[..colon].Trim(), title[(colon + 1)..].Trim().Trim('`')) : (null, null);
    }
}
