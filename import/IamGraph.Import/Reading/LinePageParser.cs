namespace IamGraph.Import.Reading;

/// <summary>
/// Reads a page line by line, following the docs' grammar: ATX headings, pipe tables (a header row, a separator row,
/// body rows) and paragraph lines. Two generator quirks are part of the grammar here, not errors: body rows separated
/// by blank lines stay in one table, and a separator row need not have as many columns as its header.
/// </summary>
internal sealed class LinePageParser
{
    private readonly string file;
    private readonly List<PageSection> sections = [];
    private readonly List<MarkdownTable> topTables = [];
    private readonly List<(string, int)> preamble = [];
    private string? heading;
    private int headingLine;
    private List<MarkdownTable> tables = [];
    private List<LooseLink> links = [];
    private (string? Kind, string? Name) title;
    private int titleLine;

    // The table being read: its header, rows and first line; null when the last block was not a table.
    private List<string>? header;
    private List<MarkdownRow> rows = [];
    private int tableLine;

    private LinePageParser(string file) => this.file = file;

    public static MarkdownPage Parse(string text, string file)
    {
        var lines = MarkdownPage.SplitLines(text);
        var bodyStart = MarkdownPage.FrontMatterEnd(lines, file);
        var parser = new LinePageParser(file);
        parser.ReadLines(lines, bodyStart);
        return new MarkdownPage(file, bodyStart > 0, parser.title.Kind, parser.title.Name, parser.titleLine, parser.preamble, parser.sections, parser.topTables);
    }

    private void ReadLines(string[] lines, int start)
    {
        for (var i = start; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var lineNumber = i + 1;
            if (line.Length == 0)
            {
                continue; // Blank lines end nothing: the generator puts them between rows of one table.
            }

            if (HeadingLevel(line) is var level and > 0)
            {
                EndTable();
                var text = line.TrimStart('#').TrimEnd('#').Trim();
                if (level == 1 && titleLine == 0 && heading is null)
                {
                    title = MarkdownPage.SplitTitle(text);
                    titleLine = lineNumber;
                }
                else
                {
                    EndSection();
                    heading = text;
                    headingLine = lineNumber;
                }
            }
            else if (line[0] == '|')
            {
                if (header is not null)
                {
                    if (!IsSeparatorRow(line))
                    {
                        var cells = SplitRow(line).Select(MarkdownInline.ReadCell).ToList();
                        while (cells.Count < header.Count)
                        {
                            cells.Add(MarkdownCell.Empty); // "| a |  | 3" leaves its last cells unwritten: they are empty.
                        }

                        rows.Add(new MarkdownRow(cells, lineNumber));
                    }
                }
                else if (NextNonBlank(lines, i + 1) is var next and >= 0 && IsSeparatorRow(lines[next]))
                {
                    header = SplitRow(line).Select(c => MarkdownInline.ReadCell(c).Text).ToList();
                    tableLine = lineNumber;
                    i = next;
                }
                else
                {
                    Paragraph(line, lineNumber); // A pipe row with no separator under it is not a table (as in CommonMark).
                }
            }
            else
            {
                EndTable();
                Paragraph(line, lineNumber);
            }
        }

        EndTable();
        EndSection();
    }

    private void Paragraph(string line, int lineNumber)
    {
        if (heading is null)
        {
            if (titleLine > 0)
            {
                preamble.Add((line, lineNumber));
            }

            return;
        }

        links.AddRange(MarkdownInline.Links(line, lineNumber));
    }

    private void EndTable()
    {
        if (header is not null)
        {
            (heading is null ? topTables : tables).Add(new MarkdownTable(header, rows, tableLine));
            header = null;
            rows = [];
        }
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

    private static int HeadingLevel(string line)
    {
        var level = 0;
        while (level < line.Length && line[level] == '#')
        {
            level++;
        }

        return level is >= 1 and <= 6 && (level == line.Length || line[level] is ' ' or '\t') ? level : 0;
    }

    private static int NextNonBlank(string[] lines, int from)
    {
        for (var i = from; i < lines.Length; i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsSeparatorRow(string line)
    {
        var trimmed = line.AsSpan().Trim();
        return trimmed.Contains('-') && !trimmed.ContainsAnyExcept("|:- \t");
    }

    /// <summary>Cells between unescaped pipes outside code spans; the outer pipes are optional (rows often lack the last).</summary>
    private static List<string> SplitRow(string line)
    {
        var cells = new List<string>();
        var cellStart = 0;
        var inCode = false;
        for (var i = 0; i < line.Length; i++)
        {
            switch (line[i])
            {
                case '\\':
                    i++;
                    break;
                case '`':
                    inCode = !inCode;
                    break;
                case '|' when !inCode:
                    cells.Add(line[cellStart..i]);
                    cellStart = i + 1;
                    break;
            }
        }

        cells.Add(line[cellStart..]);
        if (cells.Count > 0 && cells[0].Trim().Length == 0 && line.StartsWith('|'))
        {
            cells.RemoveAt(0);
        }

        if (cells.Count > 0 && cells[^1].Trim().Length == 0)
        {
            cells.RemoveAt(cells.Count - 1);
        }

        for (var i = 0; i < cells.Count; i++)
        {
            cells[i] = cells[i].Trim();
        }

        return cells;
    }
}
