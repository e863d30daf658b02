namespace IamGraph.Import.Model;

// What the readers produce: the docs' pages as plain data, with where each fact came from.
// Nothing here knows Markdown; nothing after the readers sees a file's text.

/// <summary>Where a fact was read: a docs-relative path (forward slashes) and a 1-based line (0 when the whole file).</summary>
public readonly record struct SourceRef(string File, int Line)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}

/// <summary>A value read from one row of a table, with its row's position.</summary>
public readonly record struct Sourced<T>(T Value, SourceRef Source);

public enum EntityKind
{
    Policy,
    Action,
    Service,
    Role,
}

/// <summary>Which generation of the upstream generator wrote the docs.</summary>
public enum DocsLayout
{
    /// <summary>As published in badele/aws-policies-analyzer-docs (2025): links to <c>../actions.md#slug</c>, no roles.</summary>
    Published,

    /// <summary>The generator's current output: YAML front matter, <c>roles/</c> pages, links without <c>.md</c>.</summary>
    Current,
}

/// <summary><c>policies/&lt;slug&gt;.md</c>: the source of truth for policy -> action links.</summary>
public sealed record PolicyPage(
    string Name,
    string Arn,
    IReadOnlyList<Sourced<string>> Actions,
    IReadOnlyList<Sourced<string>> Roles,
    IReadOnlyList<Sourced<string>> Services,
    SourceRef Source);

/// <summary><c>roles/&lt;slug&gt;.md</c>: the source of truth for role -> policy links (by policy ARN).</summary>
public sealed record RolePage(
    string Name,
    string Arn,
    IReadOnlyList<Sourced<string>> PolicyArns,
    IReadOnlyList<Sourced<string>> Actions,
    SourceRef Source);

/// <summary><c>services/&lt;slug&gt;.md</c>: a cross-check (slugs are lower-cased, so case variants share one page).</summary>
public sealed record ServicePage(
    string Name,
    IReadOnlyList<Sourced<string>> PolicyArns,
    IReadOnlyList<Sourced<string>> Actions,
    IReadOnlyList<Sourced<string>> Roles,
    SourceRef Source);

/// <summary><c>actions/&lt;slug&gt;.md</c>: a cross-check, like <see cref="ServicePage"/>.</summary>
public sealed record ActionPage(
    string Name,
    IReadOnlyList<Sourced<string>> PolicyArns,
    IReadOnlyList<Sourced<string>> Roles,
    IReadOnlyList<Sourced<string>> Services,
    SourceRef Source);

/// <summary>A row of an index page (<c>policies/README.md</c> and the like): a name, the page it links to and the counts it declares.</summary>
public sealed record IndexEntry(
    EntityKind Kind,
    string Name,
    string? PageSlug,
    int? Roles,
    int? Policies,
    int? Actions,
    int? Services,
    SourceRef Source);

/// <summary>A link in some page to a page that does not exist, or a page that no index lists.</summary>
public sealed record ReaderNote(string Kind, string Message, SourceRef Source, string? Entity = null);

/// <summary>Everything the readers found in one docs folder.</summary>
public sealed record DocsCatalog(
    string Root,
    DocsLayout Layout,
    IReadOnlyList<PolicyPage> Policies,
    IReadOnlyList<RolePage> Roles,
    IReadOnlyList<ServicePage> ServicePages,
    IReadOnlyList<ActionPage> ActionPages,
    IReadOnlyList<IndexEntry> Index,
    IReadOnlyList<ReaderNote> Notes)
{
    /// <summary>No docs: an import of the npm packages alone.</summary>
    public static DocsCatalog Empty(string source) => new(source, DocsLayout.Published, [], [], [], [], [], []);
}
