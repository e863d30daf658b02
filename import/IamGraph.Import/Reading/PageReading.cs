using System.Text.RegularExpressions;

using IamGraph.Catalog;
using IamGraph.Import.Model;

namespace IamGraph.Import.Reading;

/// <summary>Names of the non-fatal oddities the readers report in <see cref="DocsCatalog.Notes"/> and the npm sources' notes.</summary>
public static class ReaderNoteKinds
{
    public const string MissingPage = "missing-page";
    public const string UnknownSection = "unknown-section";
    public const string UnknownColumn = "unknown-column";
    public const string EmptyCell = "empty-cell";
    public const string UnlistedPage = "unlisted-page";
    public const string MissingIndex = "missing-index";
    public const string MissingFolder = "missing-folder";
    public const string NotAnArn = "not-an-arn";

    // The npm packages (managed-policy documents, AWS's action catalogue).

    /// <summary>A document's <c>Statement</c> is one object, not an array: IAM accepts it, readers that expect an array see nothing.</summary>
    public const string StatementObject = "statement-object";

    /// <summary>A policy's stored version numbers skip some (ReadOnlyAccess stores 151 versions up to v188).</summary>
    public const string VersionGap = "version-gap";

    /// <summary>A policy's default version (<c>latestVersionId</c>) is not among its stored versions.</summary>
    public const string DefaultVersionMissing = "default-version-missing";

    /// <summary>A statement element IAM does not define for identity policies (<c>Principal</c>, a misspelling); kept in the document, otherwise ignored.</summary>
    public const string UnknownElement = "unknown-element";

    /// <summary>A catalogue action names a resource type its service does not define.</summary>
    public const string UnknownResourceType = "unknown-resource-type";

    /// <summary>A catalogue file for a service that <c>services.json</c> does not list; read all the same.</summary>
    public const string UnlistedService = "unlisted-service";
}

/// <summary>One page being read: the parsed page plus the notes and links it yields. One per file, so files read in parallel share nothing.</summary>
internal sealed partial class PageReading(MarkdownPage page)
{
    public MarkdownPage Page { get; } = page;

    public List<ReaderNote> Notes { get; } = [];

    /// <summary>Links to check once every page's slug is known.</summary>
    public List<(PageLink Target, SourceRef Source)> Links { get; } = [];

    public SourceRef At(int line) => Page.At(line);

    /// <summary>Where the page's title is: the source of the page as a whole.</summary>
    public SourceRef TitleSource => At(Page.TitleLine);

    public void Note(string kind, string message, int line, string? entity = null) =>
        Notes.Add(new ReaderNote(kind, message, At(line), entity));

    public void Link(string? url, int line)
    {
        if (PageLink.Parse(url) is { } target)
        {
            Links.Add((target, At(line)));
        }
    }

    /// <summary>The NAME of the <c># Kind: NAME</c> title; anything else is not a page of this folder.</summary>
    public string RequireTitle(string kind)
    {
        if (Page.TitleKind is null || string.IsNullOrEmpty(Page.TitleName))
        {
            throw new ImportException(
                $"expected a title '# {kind}: NAME' as the first heading", Page.File, Page.TitleLine > 0 ? Page.TitleLine : 1);
        }

        if (!Page.TitleKind.Equals(kind, StringComparison.OrdinalIgnoreCase))
        {
            throw new ImportException(
                $"title says '{Page.TitleKind}'; expected '# {kind}: NAME' for a page in this folder", Page.File, Page.TitleLine);
        }

        return Page.TitleName;
    }

    /// <summary>The <c>ARN: `...`</c> line between the title and the first section.</summary>
    public string RequireArn(string kind)
    {
        foreach (var (text, line) in Page.Preamble)
        {
            var match = ArnLine().Match(text);
            if (!match.Success)
            {
                continue;
            }

            var arn = match.Groups["arn"].Value.Trim().Trim('`').Trim();
            return PolicyArn.LooksLikeIamArn(arn)
                ? arn
                : throw new ImportException($"'{arn}' is not an IAM ARN; expected e.g. 'ARN: `arn:aws:iam::aws:policy/NAME`'", Page.File, line);
        }

        throw new ImportException(
            $"{kind} page has no ARN; expected a line 'ARN: `arn:aws:iam::...`' after the title", Page.File, Page.TitleLine > 0 ? Page.TitleLine : 1);
    }

    /// <summary>
    /// What the page lists about each of <paramref name="topics"/>, section by section in page order: policies by ARN,
    /// anything else by name. A section about another topic is noted and skipped.
    /// </summary>
    public Dictionary<Topic, List<Sourced<string>>> ListsIn(params Topic[] topics)
    {
        var lists = topics.ToDictionary(t => t, _ => new List<Sourced<string>>());
        foreach (var section in Page.Sections)
        {
            if (!lists.TryGetValue(section.Topic, out var list))
            {
                Note(ReaderNoteKinds.UnknownSection, $"section '## {section.Heading}' is not one this page kind has; skipped", section.Line);
            }
            else
            {
                list.AddRange(section.Topic == Topic.Policies ? ArnsIn(section) : NamesIn(section));
            }
        }

        return lists;
    }

    /// <summary>Names listed in a section: the table column about the section's topic, plus bare links under the heading.</summary>
    private List<Sourced<string>> NamesIn(PageSection section)
    {
        var topic = section.Topic;
        var names = new List<Sourced<string>>();
        foreach (var table in section.Tables)
        {
            var column = table.NameColumn(topic);
            if (column < 0 && table.Rows.Count > 0)
            {
                Note(ReaderNoteKinds.UnknownColumn, $"no column about {topic} under '## {section.Heading}' (header: {string.Join(" | ", table.Header)})", table.Line);
                continue;
            }

            foreach (var row in table.Rows)
            {
                CheckLinks(row);
                var cell = row[column];
                if (cell.Value.Length == 0)
                {
                    Note(ReaderNoteKinds.EmptyCell, $"empty {topic} cell under '## {section.Heading}'", row.Line);
                    continue;
                }

                names.Add(new Sourced<string>(cell.Value, At(row.Line)));
            }
        }

        foreach (var link in section.Links)
        {
            Link(link.Url, link.Line);
            if (link.Text.Length > 0)
            {
                names.Add(new Sourced<string>(link.Text, At(link.Line)));
            }
        }

        return names;
    }

    /// <summary>Policy ARNs listed in a section: the column whose header says ARN.</summary>
    private List<Sourced<string>> ArnsIn(PageSection section)
    {
        var arns = new List<Sourced<string>>();
        foreach (var table in section.Tables)
        {
            var column = table.ArnColumn();
            if (column < 0 && table.Rows.Count > 0)
            {
                Note(ReaderNoteKinds.UnknownColumn, $"no ARN column under '## {section.Heading}' (header: {string.Join(" | ", table.Header)})", table.Line);
                continue;
            }

            foreach (var row in table.Rows)
            {
                CheckLinks(row);
                var arn = row[column].Value.Trim('`');
                if (arn.Length == 0)
                {
                    Note(ReaderNoteKinds.EmptyCell, $"empty ARN cell under '## {section.Heading}'", row.Line);
                    continue;
                }

                if (!PolicyArn.LooksLikeIamArn(arn))
                {
                    Note(ReaderNoteKinds.NotAnArn, $"'{arn}' under '## {section.Heading}' is not an IAM ARN", row.Line, arn);
                }

                arns.Add(new Sourced<string>(arn, At(row.Line)));
            }
        }

        return arns;
    }

    private void CheckLinks(MarkdownRow row)
    {
        foreach (var cell in row.Cells)
        {
            Link(cell.LinkUrl, row.Line);
        }
    }

    [GeneratedRegex(@"^ARN\s*:\s*(?<arn>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArnLine();
}
