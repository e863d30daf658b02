namespace IamGraph.Import.Model;

// The catalogue as it will be stored: entities with their ids, every relation as id pairs, counts derived.
// Built from a DocsCatalog by CatalogBuilder; persisted whole by a catalogue writer.

public sealed record ServiceRow(int Id, string Name, int ActionCount, int PolicyCount, int RoleCount)
{
    /// <summary>The case variant most policies use; its own id when it is that variant.</summary>
    public int CanonicalId { get; init; } = Id;
}

public sealed record ActionRow(int Id, string Name, int ServiceId, bool IsWildcard, int PolicyCount, int RoleCount)
{
    public int CanonicalId { get; init; } = Id;
    public int GrantedByCount { get; init; }
    public int MatchCount { get; init; }
}

public sealed record PolicyRow(int Id, string Name, string Arn, string Path, bool AwsManaged, int ActionCount, int ServiceCount, int RoleCount)
{
    public int EffectiveActionCount { get; init; }
}

public sealed record RoleRow(int Id, string Name, string Arn, string Path, int PolicyCount, int ActionCount, int ServiceCount)
{
    public int EffectiveActionCount { get; init; }
}

/// <summary>The policy grants the canonical concrete action; <paramref name="Via"/> are the policy's own action strings that matched.</summary>
public sealed record Grant(int PolicyId, int ActionId, IReadOnlyList<string> Via);

/// <summary>One row of a join table: left id, right id (e.g. policy id, action id).</summary>
public readonly record struct Link(int LeftId, int RightId);

public enum FindingCategory
{
    /// <summary>The docs disagree with themselves (an index count against its detail page).</summary>
    Discrepancy,

    /// <summary>Something odd but harmless (a duplicate row, a link to no page).</summary>
    Warning,
}

/// <summary>What the import noticed and kept going: see <see cref="FindingKinds"/>.</summary>
public sealed record Finding(
    FindingCategory Category,
    string Kind,
    string? Entity,
    string? File,
    int? Line,
    long? Declared,
    long? Actual,
    string Message);

public sealed record CatalogSnapshot(
    string Source,
    DocsLayout Layout,
    IReadOnlyList<ServiceRow> Services,
    IReadOnlyList<ActionRow> Actions,
    IReadOnlyList<PolicyRow> Policies,
    IReadOnlyList<RoleRow> Roles,
    IReadOnlyList<Link> PolicyActions,
    IReadOnlyList<Link> PolicyServices,
    IReadOnlyList<Link> RolePolicies,
    IReadOnlyList<Link> RoleActions,
    IReadOnlyList<Link> RoleServices,
    IReadOnlyList<Finding> Findings)
{
    /// <summary>(pattern or literal action id, canonical concrete action id) for every action string.</summary>
    public IReadOnlyList<Link> ActionMatches { get; init; } = [];

    public IReadOnlyList<Grant> EffectiveGrants { get; init; } = [];
}

/// <summary>The finding kinds, one name each, so reports and queries can filter on them.</summary>
public static class FindingKinds
{
    public const string IndexCountMismatch = "index-count-mismatch";
    public const string DetailPageMismatch = "detail-page-mismatch";
    public const string PageLostToSlugCollision = "page-lost-to-slug-collision";
    public const string DuplicateRow = "duplicate-row";
    public const string MissingFromIndex = "missing-from-index";
    public const string IndexEntryWithoutData = "index-entry-without-data";
    public const string UnknownPolicyArn = "unknown-policy-arn";
    public const string DuplicatePolicyName = "duplicate-policy-name";

    /// <summary>A policy's Action/NotAction string matches no action of the universe (catalogue plus every policy's literals).</summary>
    public const string PatternMatchesNothing = "pattern-matches-nothing";

    /// <summary>A policy names an action (no wildcard) that AWS's action catalogue does not list, ignoring case.</summary>
    public const string ActionNotInCatalog = "action-not-in-catalog";
}
