using System.Text;
using System.Text.Json;

namespace IamGraph.Querying;

/// <summary>
/// The first list in a GraphQL result, flattened to rows for CSV or a console table: nested objects become
/// dotted columns (<c>service.name</c>), nested lists their items joined with <c>; </c>.
/// </summary>
public sealed record ResultTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>The table of the first array met depth-first under <c>data</c>, or null when the result holds none.</summary>
    public static ResultTable? FromResult(JsonElement data)
    {
        if (FirstArray(data) is not { } list)
        {
            return null;
        }
        var rows = list.EnumerateArray().Select(item =>
        {
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            Flatten(item, "", cells);
            return cells;
        }).ToList();
        var columns = rows.SelectMany(r => r.Keys).Distinct(StringComparer.Ordinal).ToList();
        return new ResultTable(columns, [.. rows.Select(r => (IReadOnlyList<string>)[.. columns.Select(c => r.GetValueOrDefault(c, ""))])]);
    }

    public string ToCsv()
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', Columns.Select(Quote)).Append('\n');
        foreach (var row in Rows)
        {
            csv.AppendJoin(',', row.Select(Quote)).Append('\n');
        }
        return csv.ToString();
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;

    private static JsonElement? FirstArray(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                return element;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (FirstArray(property.Value) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            default:
                return null;
        }
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, string> cells)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}", cells);
                }
                break;
            case JsonValueKind.Array:
                cells[prefix] = string.Join("; ", element.EnumerateArray().Select(Leaves));
                break;
            default:
                cells[prefix.Length == 0 ? "value" : prefix] = Scalar(element);
                break;
        }
    }

    /// <summary>An item of a nested list as text: its scalar leaves, space-separated (<c>{ name: "s3:*" }</c> is <c>s3:*</c>).</summary>
    private static string Leaves(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => string.Join(" ", element.EnumerateObject().Select(p => Leaves(p.Value)).Where(t => t.Length > 0)),
        JsonValueKind.Array => string.Join(", ", element.EnumerateArray().Select(Leaves)),
        _ => Scalar(element),
    };

    private static string Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Null => "",
        _ => element.GetRawText(),
    };
}
