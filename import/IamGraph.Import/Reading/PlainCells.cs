using Markdig.Extensions.Tables;
using Markdig.Parsers;

namespace IamGraph.Import.Reading;

/// <summary>A table cell read without Markdig's inline parse (see <see cref="PlainCells"/>); it holds no paragraph.</summary>
internal sealed class PlainTableCell(BlockParser parser, MarkdownCell value) : TableCell(parser)
{
    public MarkdownCell Value { get; } = value;
}

/// <summary>
/// The cells the docs are made of, read directly: one literal (<c>ecr</c>, <c>12</c>), one code span (an ARN) or one
/// link with plain text (<c>[ecr:BatchGetImage](../actions.md#ecr:batchgetimage)</c>). Markdig's inline parse of 400,000
/// such cells was most of the cost of reading the docs. Only characters that start no inline in the pipeline (no
/// emphasis, escape, entity, autolink, HTML or nested link) are taken, so Markdig would read the cell as exactly that one
/// inline; anything else is left to it (<c>null</c>).
/// </summary>
internal static class PlainCells
{
    /// <summary>The cell over text[start..end] (trimmed, not empty) as Markdig and the page walk would read it, or null.</summary>
    public static MarkdownCell? TryRead(string text, int start, int end)
    {
        var cell = text.AsSpan(start, end - start + 1);
        if (IsPlain(cell, allowSpace: true))
        {
            return new MarkdownCell(cell.ToString(), null, null);
        }

        // `code`: no backtick inside, no space at either end (CommonMark strips one there).
        if (cell is ['`', .. var code, '`'] && code.Length > 0 && code[0] != ' ' && code[^1] != ' ' && IsPlainCode(code))
        {
            var value = code.ToString();
            return new MarkdownCell(value, null, value);
        }

        // [label](url): a label of plain words, a destination with no space, parenthesis or quote.
        if (cell is ['[', .., ')'])
        {
            var close = cell.IndexOf(']');
            if (close > 1 && close + 2 < cell.Length - 1 && cell[close + 1] == '(')
            {
                var label = cell[1..close];
                var url = cell[(close + 2)..^1];
                if (label[0] != ' ' && label[^1] != ' ' && IsPlain(label, allowSpace: true) && IsPlain(url, allowSpace: false) && url.IndexOfAny("()'\"") < 0)
                {
                    return new MarkdownCell(label.ToString(), url.ToString(), null);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Characters no inline parser of the pipeline opens on (a test checks them against the pipeline's parsers): ASCII
    /// letters and digits and some punctuation; not <c>* _ ` \ &amp; &lt; [ ] !</c> nor any other.
    /// </summary>
    public const string Punctuation = "-.:/,#=+@%?$;'\"()";

    // By ASCII code: a table lookup per character (these loops run over every character of 400,000 cells).
    private static readonly bool[] PlainAscii = AsciiTable(Punctuation);

    // Nothing is parsed inside a code span, so emphasis characters are plain there (ARNs and patterns hold '*').
    private static readonly bool[] PlainCodeAscii = AsciiTable(Punctuation + " *_");

    private static bool[] AsciiTable(string punctuation)
    {
        var table = new bool[128];
        for (var c = 0; c < table.Length; c++)
        {
            table[c] = char.IsAsciiLetterOrDigit((char)c) || punctuation.Contains((char)c);
        }

        return table;
    }

    private static bool IsPlain(ReadOnlySpan<char> span, bool allowSpace)
    {
        foreach (var c in span)
        {
            if (c >= 128 || !(PlainAscii[c] || (allowSpace && c == ' ')))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPlainCode(ReadOnlySpan<char> code)
    {
        foreach (var c in code)
        {
            if (c >= 128 || !PlainCodeAscii[c])
            {
                return false;
            }
        }

        return true;
    }
}
