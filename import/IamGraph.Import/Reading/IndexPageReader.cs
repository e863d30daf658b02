using System.Globalization;

using IamGraph.Import.Model;

namespace IamGraph.Import.Reading;

/// <summary>
/// A folder's <c>README.md</c>: one table row per entity, a name linking to its page and the counts the generator
/// declares (<c># Roles</c>, <c># By roles</c>, ...). Empty cells are unknown counts, not zero.
/// </summary>
internal static class IndexPageReader
{
    public static List<IndexEntry> Read(PageReading reading, EntityKind kind)
    {
        var topic = kind switch
        {
            EntityKind.Policy => Topic.Policies,
            EntityKind.Action => Topic.Actions,
            EntityKind.Service => Topic.Services,
            _ => Topic.Roles,
        };
        var entries = new List<IndexEntry>();
        var tables = reading.Page.TopTables.Concat(reading.Page.Sections.SelectMany(s => s.Tables));
        foreach (var table in tables)
        {
            var nameColumn = table.NameColumn(topic) is var c and >= 0 ? c : table.FirstNameColumn();
            if (nameColumn < 0)
            {
                continue;
            }

            var roles = table.CountColumn(Topic.Roles);
            var policies = table.CountColumn(Topic.Policies);
            var actions = table.CountColumn(Topic.Actions);
            var services = table.CountColumn(Topic.Services);
            foreach (var row in table.Rows)
            {
                var cell = row[nameColumn];
                if (cell.Value.Length == 0)
                {
                    reading.Note(ReaderNoteKinds.EmptyCell, "index row without a name", row.Line);
                    continue;
                }

                reading.Link(cell.LinkUrl, row.Line);
                entries.Add(new IndexEntry(
                    kind,
                    cell.Value,
                    PageLink.Parse(cell.LinkUrl)?.Slug,
                    Count(reading, table, row, roles),
                    Count(reading, table, row, policies),
                    Count(reading, table, row, actions),
                    Count(reading, table, row, services),
                    reading.At(row.Line)));
            }
        }

        return entries;
    }

    private static int? Count(PageReading reading, MarkdownTable table, MarkdownRow row, int column)
    {
        if (column < 0)
        {
            return null;
        }

        var text = row[column].Text;
        if (text.Length == 0)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : throw new ImportException($"'{text}' in column '{table.Header[column]}' is not a count; expected a whole number or nothing", reading.Page.File, row.Line);
    }
}
