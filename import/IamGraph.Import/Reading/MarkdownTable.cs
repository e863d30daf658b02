namespace IamGraph.Import.Reading;

/// <summary>One cell of a table: its plain text, and the first link or code span in it (the docs put names in those).</summary>
internal sealed record MarkdownCell(string Text, string? LinkUrl, string? Code)
{
    public static readonly MarkdownCell Empty = new("", null, null);

    /// <summary>The value a cell names: code span text (ARNs are written in backticks), else the whole text (a link's text).</summary>
    public string Value => Code is { Length: > 0 } code && Text.Trim('`', ' ') == code.Trim() ? code.Trim() : Text;
}

/// <summary>One body row, with its 1-based line in the original file.</summary>
internal sealed record MarkdownRow(IReadOnlyList<MarkdownCell> Cells, int Line)
{
    public MarkdownCell this[int column] => column >= 0 && column < Cells.Count ? Cells[column] : MarkdownCell.Empty;
}

/// <summary>A pipe table under some heading. Columns are found by what their header says, never by position.</summary>
internal sealed record MarkdownTable(IReadOnlyList<string> Header, IReadOnlyList<MarkdownRow> Rows, int Line)
{
    /// <summary>A column holding names of <paramref name="topic"/> ("Action", "Actions", "Policy Name"), not a count ("# Actions") nor an ARN.</summary>
    public int NameColumn(Topic topic) =>
        FindColumn(h => !IsCount(h) && !IsArn(h) && Topics.Of(h) == topic);

    /// <summary>A column of ARNs ("Policy ARN", "ARN").</summary>
    public int ArnColumn() => FindColumn(h => !IsCount(h) && IsArn(h));

    /// <summary>A column of counts about <paramref name="topic"/> ("# By roles", "# Services").</summary>
    public int CountColumn(Topic topic) => FindColumn(h => IsCount(h) && Topics.Of(h) == topic);

    /// <summary>The first column that is neither a count nor an ARN: the name column of a table whose header says nothing useful.</summary>
    public int FirstNameColumn() => FindColumn(h => !IsCount(h) && !IsArn(h));

    public int FindColumn(Func<string, bool> meaning)
    {
        for (var i = 0; i < Header.Count; i++)
        {
            if (meaning(Header[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsCount(string header) => header.TrimStart().StartsWith('#') || header.Contains("count", StringComparison.OrdinalIgnoreCase);

    // Word by word over spans: headers are checked for every table of every page, and a Split allocated each time.
    private static bool IsArn(string header)
    {
        var text = header.AsSpan();
        foreach (var word in text.SplitAny(" \t_-"))
        {
            if (text[word].Equals("arn", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
