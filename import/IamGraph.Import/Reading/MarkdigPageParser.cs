using System.Text;

using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace IamGraph.Import.Reading;

/// <summary>
/// Reads a page with Markdig (CommonMark, pipe table rows, YAML front matter) and walks its syntax tree into a
/// <see cref="MarkdownPage"/>. Markdig gets the text exactly as read; the generator's table quirks are handled on the
/// tree (<see cref="BlankLineTableRows"/>). Lines are Markdig's, which count from the top of the file, front matter
/// included, from 0: one is added for people and editors.
/// </summary>
internal static class MarkdigPageParser
{
    // Tables are read by our own block parser (PipeTableRows: Markdig's pipe tables cost as much as the rest of the
    // parse); a table without a header separator has no header row: that is how the rows the generator separates by
    // blank lines come back as rows for BlankLineTableRows to join. Emphasis stays on, so cell text writes emphasis
    // delimiters back. Headings and links are read by their source spans and lines, which need precise source locations
    // (Markdig's pipe tables switched them on).
    private static readonly MarkdownPipeline Pipeline = CreatePipeline(readPlainCells: true);

    internal static MarkdownPipeline CreatePipeline(bool readPlainCells) => CreatePipelineBuilder(readPlainCells).Build();

    /// <param name="readPlainCells">See <see cref="PipeTableRows"/>; the importer reads them directly.</param>
    internal static MarkdownPipelineBuilder CreatePipelineBuilder(bool readPlainCells) => new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UseYamlFrontMatter()
        .Use(new PipeTableRows(readPlainCells))
        .Use<BlankLineTableRows>();

    /// <param name="file">Docs-relative path with forward slashes, for the page and its errors.</param>
    public static MarkdownPage Parse(string text, string file) => Parse(text, file, Pipeline);

    internal static MarkdownPage Parse(string text, string file, MarkdownPipeline pipeline)
    {
        var document = Markdown.Parse(text, pipeline);

        // Markdig reads a '---' that is never closed as a thematic break, not as front matter.
        if (document.Count > 0 && document[0] is ThematicBreakBlock { Line: 0 } rule && Source(text, rule.Span).Trim() is "---")
        {
            throw new ImportException("YAML front matter opened with '---' is never closed; expected YAML lines, then a closing '---' line", file, 1);
        }

        var walk = new PageWalk(text);
        foreach (var block in document)
        {
            walk.Add(block);
        }

        var hasFrontMatter = document.Count > 0 && document[0] is YamlFrontMatterBlock;
        return walk.ToPage(file, hasFrontMatter);
    }

    private static ReadOnlySpan<char> Source(string text, SourceSpan span) =>
        span.Length > 0 ? text.AsSpan(span.Start, span.Length) : [];

    /// <summary>The top-level blocks in order: a title, the lines under it, then <c>##</c> sections of tables and links.</summary>
    private sealed class PageWalk(string text)
    {
        private readonly List<PageSection> sections = [];
        private readonly List<MarkdownTable> topTables = [];
        private readonly List<(string, int)> preamble = [];
        private (string? Kind, string? Name) title;
        private int titleLine;
        private string? heading;
        private int headingLine;
        private List<MarkdownTable> tables = [];
        private List<LooseLink> links = [];

        public void Add(Block block)
        {
            switch (block)
            {
                case HeadingBlock h when h.Level == 1 && titleLine == 0 && heading is null:
                    title = MarkdownPage.SplitTitle(HeadingText(h));
                    titleLine = h.Line + 1;
                    break;
                case HeadingBlock h:
                    EndSection();
                    heading = HeadingText(h);
                    headingLine = h.Line + 1;
                    break;
                case Table table when table.Count > 0 && table[0] is TableRow { IsHeader: true }:
                    (heading is null ? topTables : tables).Add(ReadTable(table));
                    break;
                case ParagraphBlock paragraph when heading is null:
                    if (titleLine > 0)
                    {
                        AddPreamble(paragraph);
                    }

                    break;
                default:
                    // Links outside tables (a bare link under "## Associated Services"); a headerless table that follows
                    // no table is a paragraph of pipes to CommonMark, so its links count as loose too.
                    if (heading is not null)
                    {
                        AddLinks(block);
                    }

                    break;
            }
        }

        public MarkdownPage ToPage(string file, bool hasFrontMatter)
        {
            EndSection();
            return new MarkdownPage(file, hasFrontMatter, title.Kind, title.Name, titleLine, preamble, sections, topTables);
        }

        private void EndSection()
        {
            if (heading is not null)
            {
                sections.Add(new PageSection(heading, Topics.Of(heading), headingLine, tables, links));
                tables = [];
                links = [];
            }
        }

        // Heading text as written, from the span Markdig gives its content (without the #'s), so "*" stays "*".
        private string HeadingText(HeadingBlock heading) =>
            heading.Inline?.FirstChild is null ? "" : Source(text, heading.Inline.Span).Trim().ToString();

        private void AddPreamble(ParagraphBlock paragraph)
        {
            var line = paragraph.Line + 1;
            foreach (var range in Source(text, paragraph.Span).Split('\n'))
            {
                var source = Source(text, paragraph.Span)[range].Trim();
                if (!source.IsEmpty)
                {
                    preamble.Add((source.ToString(), line));
                }

                line++;
            }
        }

        // Block by block in document order; a plain cell was read already (a link cell is one link on its row's line).
        private void AddLinks(Block block)
        {
            switch (block)
            {
                case PlainTableCell { Value.LinkUrl: { } url } plain:
                    links.Add(new LooseLink(plain.Value.Text, url, plain.Line + 1));
                    break;
                case LeafBlock paragraph:
                    foreach (var link in paragraph.Inline?.Descendants<LinkInline>() ?? [])
                    {
                        if (!link.IsImage && link.Url is not null)
                        {
                            links.Add(new LooseLink(CellText.Of(link).Text, link.Url, link.Line + 1));
                        }
                    }

                    break;
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        AddLinks(child);
                    }

                    break;
            }
        }

        private static MarkdownTable ReadTable(Table table)
        {
            IReadOnlyList<string> header = [];
            var rows = new List<MarkdownRow>(table.Count);
            foreach (var rowBlock in table)
            {
                if (rowBlock is not TableRow row)
                {
                    continue;
                }

                // An array, not a list: 135,000 rows in the shared docs.
                var cells = new MarkdownCell[row.Count];
                for (var c = 0; c < cells.Length; c++)
                {
                    cells[c] = row[c] is TableCell cell ? CellText.Of(cell) : MarkdownCell.Empty;
                }

                if (row.IsHeader)
                {
                    header = Array.ConvertAll(cells, c => c.Text);
                }
                else
                {
                    rows.Add(new MarkdownRow(cells, row.Line + 1));
                }
            }

            return new MarkdownTable(header, rows, table.Line + 1);
        }
    }

    /// <summary>One walk over a cell's (or link's) inlines: its plain text, and the first link URL and code span on the way.</summary>
    private sealed class CellText
    {
        private readonly StringBuilder text = new();
        private string? firstUrl;
        private string? firstCode;

        public static MarkdownCell Of(TableCell cell)
        {
            if (cell is PlainTableCell plain)
            {
                return plain.Value;
            }

            // Most cells are one literal ("ecr", "12"), one code span (an ARN) or one link with plain text ("[name](url)"):
            // those need no builder.
            if (cell.Count == 1 && cell[0] is LeafBlock { Inline.FirstChild: { NextSibling: null } only })
            {
                switch (only)
                {
                    case LiteralInline literal:
                        return new MarkdownCell(literal.Content.AsSpan().Trim().ToString(), null, null);
                    case CodeInline code:
                        return new MarkdownCell(code.Content.Trim(), null, code.Content);
                    case LinkInline { IsImage: false, FirstChild: LiteralInline { NextSibling: null } label } link:
                        return new MarkdownCell(label.Content.AsSpan().Trim().ToString(), link.Url, null);
                }
            }

            var walk = new CellText();
            foreach (var block in cell)
            {
                if (block is LeafBlock { Inline: { } inline })
                {
                    walk.Append(inline);
                }
            }

            return walk.ToCell();
        }

        public static MarkdownCell Of(Inline inline)
        {
            var walk = new CellText();
            walk.Append(inline);
            return walk.ToCell();
        }

        private MarkdownCell ToCell() => new(text.ToString().Trim(), firstUrl, firstCode);

        private void Append(Inline inline)
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
                    // "s3:*Object*" is an IAM name, not emphasis: put the delimiters back.
                    text.Append(emphasis.DelimiterChar, emphasis.DelimiterCount);
                    AppendChildren(emphasis);
                    text.Append(emphasis.DelimiterChar, emphasis.DelimiterCount);
                    break;
                case LinkInline { IsImage: false } link:
                    firstUrl ??= link.Url;
                    AppendChildren(link);
                    break;
                case ContainerInline container:
                    AppendChildren(container);
                    break;
            }
        }

        private void AppendChildren(ContainerInline container)
        {
            foreach (var child in container)
            {
                Append(child);
            }
        }
    }
}
