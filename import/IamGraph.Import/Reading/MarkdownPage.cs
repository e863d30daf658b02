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

    /// <summary>
    /// Parses with <see cref="LinePageParser"/>. Measured on the shared docs (12k files, one thread, same run):
    /// Markdig alone took 0.3-0.45 s and the Markdig page parse in all 0.7-0.9 s, the line parser 0.22-0.25 s; the
    /// docs use nothing beyond headings, pipe tables, links and code spans. <see cref="MarkdigPageParser"/> stays as
    /// the reference: a test checks both give the same page for every shared file.
    /// </summary>
    public static MarkdownPage Parse(string text, string file) => LinePageParser.Parse(text, file);

    public static string[] SplitLines(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = lines[i].TrimEnd('\r');
        }

        return lines;
    }

    /// <summary>Index of the first line after a YAML front-matter block (<c>---</c> ... <c>---</c>) at the top; 0 when there is none.</summary>
    public static int FrontMatterEnd(string[] lines, string file)
    {
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            return 0;
        }

        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim() is "---" or "...")
            {
                return i + 1;
            }
        }

        throw new ImportException("YAML front matter opened with '---' is never closed; expected a closing '---' line", file, 1);
    }

    /// <summary>"Policy: NAME" into its kind and name; a heading without ':' has neither.</summary>
    public static (string? Kind, string? Name) SplitTitle(string title)
    {
        var colon = title.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? (title[..colon].Trim(), title[(colon + 1)..].Trim().Trim('`')) : (null, null);
    }
}
