using System.Text;

using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace IamGraph.Import.Reading;

/// <summary>
/// The Markdig reading of a page: Markdig finds the structure after a small pre-pass repairs the two ways the
/// generator's tables break strict pipe-table parsing (keeping original line numbers). Kept as the reference the
/// faster <see cref="LinePageParser"/> is checked against (tests compare both on every shared page); see
/// <see cref="MarkdownPage.Parse"/> for why the line parser is the one used.
/// </summary>
internal sealed class MarkdigPageParser
{
    // Pipe tables only. Emphasis cannot be switched off (Markdig's pipe tables need its delimiter pass), so text
    // extraction writes emphasis delimiters back: "s3:*Object*" stays "s3:*Object*".
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    private MarkdigPageParser(string file) => File = file;

    /// <summary>Docs-relative path with forward slashes.</summary>
    public string File { get; }

    public bool HasFrontMatter { get; private set; }

    /// <summary>The word before ':' in the title ("Policy"), or null when the page has no such title.</summary>
    public string? TitleKind { get; private set; }

    public string? TitleName { get; private set; }

    public int TitleLine { get; private set; }

    /// <summary>Lines between the title and the first section, trimmed, with their original line numbers.</summary>
    public IReadOnlyList<(string Text, int Line)> Preamble { get; private set; } = [];

    public IReadOnlyList<PageSection> Sections { get; private set; } = [];

    /// <summary>Tables that come before any <c>##</c> heading (index pages have no sections).</summary>
    public IReadOnlyList<MarkdownTable> TopTables { get; private set; } = [];

    public static MarkdownPage Parse(string text, string file)
    {
        var page = new MarkdigPageParser(file);
        var lines = MarkdownPage.SplitLines(text);
        var bodyStart = MarkdownPage.FrontMatterEnd(lines, file);
        page.HasFrontMatter = bodyStart > 0;
        var (prepared, lineOf) = RepairTables(lines, bodyStart);
        var document = Markdown.Parse(string.Join('\n', prepared), Pipeline);
        page.ReadBlocks(document, prepared, lineOf);
        return new MarkdownPage(file, page.HasFrontMatter, page.TitleKind, page.TitleName, page.TitleLine, page.Preamble, page.Sections, page.TopTables);
    }

    /// <summary>
    /// Joins table rows separated by blank lines (Markdig would read each as a paragraph) and widens a separator row
    /// that has fewer columns than its header (Markdig would not see a table at all). Returns the repaired lines and,
    /// for each, its 1-based line in the file.
    /// </summary>
    internal static (List<string> Lines, List<int> LineOf) RepairTables(string[] lines, int start)
    {
        var kept = new List<string>(lines.Length);
        var lineOf = new List<int>(lines.Length);
        var lastNonBlankIsRow = false;
        for (var i = start; i < lines.Length; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line))
            {
                if (lastNonBlankIsRow && NextNonBlankIsRow(lines, i + 1))
                {
                    continue;
                }
            }
            else if (IsSeparatorRow(line) && kept.Count > 0 && IsRow(kept[^1]))
            {
                var headerCells = CellCount(kept[^1]);
                if (CellCount(line) < headerCells)
                {
                    line = "|" + string.Join('|', Enumerable.Repeat("---", headerCells)) + "|";
                }
            }

            if (!string.IsNullOrWhiteSpace(line))
            {
                lastNonBlankIsRow = IsRow(line);
            }

            kept.Add(line);
            lineOf.Add(i + 1);
        }

        return (kept, lineOf);
    }

    private static bool NextNonBlankIsRow(string[] lines, int from)
    {
        for (var i = from; i < lines.Length; i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                return IsRow(lines[i]);
            }
        }

        return false;
    }

    private static bool IsRow(string line) => line.TrimStart().StartsWith('|');

    private static bool IsSeparatorRow(string line)
    {
        var trimmed = line.AsSpan().Trim();
        return trimmed.Contains('-') && trimmed.Contains('|') && !trimmed.ContainsAnyExcept("|:- \t");
    }

    private static int CellCount(string row) => row.Trim().Trim('|').Split('|').Length;

    private void ReadBlocks(MarkdownDocument document, List<string> prepared, List<int> lineOf)
    {
        int LineOf(int preparedLine) => preparedLine >= 0 && preparedLine < lineOf.Count ? lineOf[preparedLine] : 0;

        var sections = new List<PageSection>();
        var topTables = new List<MarkdownTable>();
        string? heading = null;
        var headingLine = 0;
        var tables = new List<MarkdownTable>();
        var links = new List<LooseLink>();
        var titleBlockLine = -1;
        var firstSectionBlockLine = prepared.Count;

        void CloseSection()
        {
            if (heading is not null)
            {
                sections.Add(new PageSection(heading, Topics.Of(heading), headingLine, tables, links));
                tables = [];
                links = [];
            }
        }

        foreach (var block in document)
        {
            switch (block)
            {
                case HeadingBlock h when h.Level == 1 && TitleLine == 0 && heading is null:
                    ReadTitle(HeadingText(prepared[h.Line]), LineOf(h.Line));
                    titleBlockLine = h.Line;
                    break;
                case HeadingBlock h:
                    CloseSection();
                    heading = HeadingText(prepared[h.Line]);
                    headingLine = LineOf(h.Line);
                    firstSectionBlockLine = Math.Min(firstSectionBlockLine, h.Line);
                    break;
                case Table t:
                    (heading is null ? topTables : tables).Add(ReadTable(t, LineOf));
                    break;
                default:
                    var leaves = block is LeafBlock leaf ? [leaf] : block.Descendants<LeafBlock>();
                    foreach (var paragraph in leaves)
                    {
                        foreach (var link in paragraph.Inline?.Descendants<LinkInline>() ?? [])
                        {
                            if (!link.IsImage && link.Url is not null)
                            {
                                links.Add(new LooseLink(InlineText(link).Trim(), link.Url, LineOf(link.Line)));
                            }
                        }
                    }

                    break;
            }
        }

        CloseSection();
        Sections = sections;
        TopTables = topTables;

        var preamble = new List<(string, int)>();
        for (var i = titleBlockLine + 1; i < firstSectionBlockLine; i++)
        {
            if (!string.IsNullOrWhiteSpace(prepared[i]) && !prepared[i].TrimStart().StartsWith('|'))
            {
                preamble.Add((prepared[i].Trim(), lineOf[i]));
            }
        }

        Preamble = preamble;
    }

    private void ReadTitle(string title, int line)
    {
        TitleLine = line;
        var colon = title.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            TitleKind = title[..colon].Trim();
            TitleName = title[(colon + 1)..].Trim().Trim('`');
        }
    }

    // Headings are read from the source line, not from inlines, so a name such as "*" comes back exactly as written.
    private static string HeadingText(string line) => line.Trim().TrimStart('#').TrimEnd('#').Trim();

    private static MarkdownTable ReadTable(Table table, Func<int, int> lineOf)
    {
        IReadOnlyList<string> header = [];
        var rows = new List<MarkdownRow>();
        foreach (var rowBlock in table)
        {
            if (rowBlock is not TableRow row)
            {
                continue;
            }

            var cells = new List<MarkdownCell>(row.Count);
            foreach (var cellBlock in row)
            {
                cells.Add(cellBlock is TableCell cell ? ReadCell(cell) : MarkdownCell.Empty);
            }

            if (row.IsHeader)
            {
                header = cells.Select(c => c.Text).ToList();
            }
            else
            {
                rows.Add(new MarkdownRow(cells, lineOf(row.Line)));
            }
        }

        return new MarkdownTable(header, rows, lineOf(table.Line));
    }

    private static MarkdownCell ReadCell(TableCell cell)
    {
        var text = new StringBuilder();
        string? url = null;
        string? code = null;
        foreach (var block in cell)
        {
            if (block is LeafBlock { Inline: { } inline })
            {
                AppendText(inline, text, ref url, ref code);
            }
        }

        return new MarkdownCell(text.ToString().Trim(), url, code);
    }

    private static string InlineText(Inline inline)
    {
        var text = new StringBuilder();
        string? url = null;
        string? code = null;
        AppendText(inline, text, ref url, ref code);
        return text.ToString();
    }

    /// <summary>One walk over a cell's inlines: its plain text, and the first link URL and code span on the way.</summary>
    private static void AppendText(Inline inline, StringBuilder text, ref string? firstUrl, ref string? firstCode)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                text.Append(code.Content);
                firstCode ??= code.Content;
                break;
            case LineBreakInline:
                text.Append(' ');
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.AsSpan());
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            case HtmlInline html:
                text.Append(html.Tag);
                break;
            case EmphasisInline emphasis:
                var delimiter = new string(emphasis.DelimiterChar, emphasis.DelimiterCount);
                text.Append(delimiter);
                foreach (var child in emphasis)
                {
                    AppendText(child, text, ref firstUrl, ref firstCode);
                }

                text.Append(delimiter);
                break;
            case ContainerInline container:
                if (container is LinkInline { IsImage: false } link)
                {
                    firstUrl ??= link.Url;
                }

                foreach (var child in container)
                {
                    AppendText(child, text, ref firstUrl, ref firstCode);
                }

                break;
        }
    }
}
