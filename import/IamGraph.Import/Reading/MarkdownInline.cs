using System.Text;

namespace IamGraph.Import.Reading;

/// <summary>
/// The inline Markdown the docs use inside a cell or paragraph: code spans (<c>`arn:...`</c>), links
/// (<c>[ecr:BatchGetImage](../actions.md#ecr:batchgetimage)</c>) and backslash escapes. Everything else is literal
/// text, which is what IAM names need: <c>s3:*Object*</c> and <c>AWSRoboMaker_FullAccess</c> are not emphasis.
/// </summary>
internal static class MarkdownInline
{
    // CommonMark: a backslash escapes ASCII punctuation only.
    private static readonly System.Buffers.SearchValues<char> MarkupStarts = System.Buffers.SearchValues.Create("`[\\");

    private const string Escapable = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    public static MarkdownCell ReadCell(string source)
    {
        // Most cells are plain ("ecr", "12"): no scan, no copy.
        if (source.AsSpan().IndexOfAny(MarkupStarts) < 0)
        {
            return new MarkdownCell(source.Trim(), null, null);
        }

        // The generator's usual shapes, "[name](url)" and "`arn`", without a general scan.
        var cell = source.AsSpan().Trim();
        if (cell.Length > 2 && cell[0] == '[' && Link(source, source.IndexOf('[', StringComparison.Ordinal)) is { } link
            && link.End == source.LastIndexOf(')') && cell[^1] == ')' && link.Label.AsSpan().IndexOfAny(MarkupStarts) < 0)
        {
            return new MarkdownCell(link.Label.Trim(), link.Url, null);
        }

        if (cell.Length > 2 && cell[0] == '`' && cell[^1] == '`' && cell[1..^1].IndexOf('`') < 0)
        {
            var code = cell[1..^1].ToString();
            return new MarkdownCell(code.Trim(), null, code);
        }

        var found = new Found(null);
        var text = Scan(source, ref found);
        return new MarkdownCell(text.Trim(), found.FirstUrl, found.FirstCode);
    }

    public static List<LooseLink> Links(string source, int line)
    {
        var found = new Found(new List<LooseLink>(), line);
        if (source.Contains('[', StringComparison.Ordinal))
        {
            Scan(source, ref found);
        }

        return found.Links!;
    }

    private static string Scan(string s, ref Found found)
    {
        var text = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '\\' && i + 1 < s.Length && Escapable.Contains(s[i + 1], StringComparison.Ordinal))
            {
                text.Append(s[++i]);
            }
            else if (c == '`' && CodeSpan(s, i) is { } span)
            {
                text.Append(span.Content);
                found.FirstCode ??= span.Content;
                i = span.End;
            }
            else if (c == '[' && Link(s, i) is { } link)
            {
                var inner = new Found(null);
                var label = link.Label.AsSpan().IndexOfAny(MarkupStarts) < 0 ? link.Label : Scan(link.Label, ref inner);
                text.Append(label);
                found.FirstUrl ??= link.Url;
                found.Links?.Add(new LooseLink(label.Trim(), link.Url, found.Line));
                i = link.End;
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    /// <summary>What a scan met on the way: the first link URL and code span, and every link when asked.</summary>
    private record struct Found(List<LooseLink>? Links, int Line = 0)
    {
        public string? FirstUrl { get; set; }

        public string? FirstCode { get; set; }
    }

    /// <summary>A code span opened by a run of backticks and closed by a run of the same length (CommonMark).</summary>
    private static (string Content, int End)? CodeSpan(string s, int start)
    {
        var run = 0;
        while (start + run < s.Length && s[start + run] == '`')
        {
            run++;
        }

        var fence = new string('`', run);
        var close = s.IndexOf(fence, start + run, StringComparison.Ordinal);
        while (close >= 0 && close + run < s.Length && s[close + run] == '`')
        {
            close = s.IndexOf(fence, close + run + 1, StringComparison.Ordinal);
        }

        if (close < 0)
        {
            return null;
        }

        var content = s[(start + run)..close];
        if (content.Length >= 2 && content[0] == ' ' && content[^1] == ' ' && content.Trim().Length > 0)
        {
            content = content[1..^1];
        }

        return (content, close + run - 1);
    }

    /// <summary><c>[label](url)</c>; the label may hold nested brackets, the URL ends at the matching ')'.</summary>
    private static (string Label, string Url, int End)? Link(string s, int start)
    {
        var depth = 0;
        var labelEnd = -1;
        for (var i = start; i < s.Length; i++)
        {
            if (s[i] == '\\')
            {
                i++;
            }
            else if (s[i] == '[')
            {
                depth++;
            }
            else if (s[i] == ']' && --depth == 0)
            {
                labelEnd = i;
                break;
            }
        }

        if (labelEnd < 0 || labelEnd + 1 >= s.Length || s[labelEnd + 1] != '(')
        {
            return null;
        }

        var parens = 0;
        for (var i = labelEnd + 2; i < s.Length; i++)
        {
            if (s[i] == '(')
            {
                parens++;
            }
            else if (s[i] == ')' && parens-- == 0)
            {
                var url = s[(labelEnd + 2)..i].Trim();
                if (url.StartsWith('<') && url.EndsWith('>'))
                {
                    url = url[1..^1];
                }

                return (s[(start + 1)..labelEnd], url, i);
            }
        }

        return null;
    }
}
