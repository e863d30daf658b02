using IamGraph.Catalog.Entities;

namespace IamGraph.Import.Model;

// The catalogue as it will be stored: entities with their ids, every relation as id pairs, counts derived.
// Built from a DocsCatalog by CatalogBuilder; persisted whole by a catalogue writer.

public sealed record ServiceRow(int Id, string Name, int ActionCount, int PolicyCount, int RoleCount)
{
    /// <summary>The service's name in AWS's action catalogue ("Amazon S3").</summary>
    public string? Title { get; init; }

    /// <summary>The case variant most policies use; its own id when it is that variant.</summary>
    public int CanonicalId { get; init; } = Id;
}

public sealed record ActionRow(int Id, string Name, int ServiceId, bool IsWildcard, int PolicyCount, int RoleCount)
{
    public int CanonicalId { get; init; } = Id;
    public int GrantedByCount { get; init; }
    public int MatchCount { get; init; }
    public AccessLevels AccessLevel { get; init; }
    public string? Description { get; init; }
    public bool InCatalog { get; init; }
}

public sealed record PolicyRow(int Id, string Name, string Arn, string Path, bool AwsManaged, int ActionCount, int ServiceCount, int RoleCount)
{
    public int EffectiveActionCount { get; init; }
    public string? DefaultVersionId { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public PolicySources Sources { get; init; } = PolicySources.Docs;
    public PolicyKind Kind { get; init; }
    public string? AccountId { get; init; }
}

public sealed record RoleRow(int Id, string Name, string Arn, string Path, int PolicyCount, int ActionCount, int ServiceCount)
{
    public int EffectiveActionCount { get; init; }

    /// <summary>An account's role (issue 10); null for a docs role.</summary>
    public PrincipalRow? Account { get; init; }
}

/// <summary>The policy grants the canonical concrete action; <paramref name="Via"/> are the policy's own action strings that matched.</summary>
public sealed record Grant(int PolicyId, int ActionId, IReadOnlyList<string> Via)
{
    /// <summary>Null for a docs-only policy: the docs do not say what limits a grant.</summary>
    public bool? Unrestricted { get; init; }

    public GrantLimits Limits { get; init; }
}

/// <summary>One stored version of a policy's document.</summary>
public sealed record PolicyVersionRow(int Id, int PolicyId, string VersionId, bool IsDefault, DateTimeOffset? CreatedAt, string Document);

/// <summary>One statement of a version; <paramref name="Resource"/> is the Resource (or NotResource) list as a JSON array.</summary>
public sealed record StatementRow(int Id, int PolicyVersionId, int Ordinal, string? Sid, StatementEffect Effect, string? Resource, bool IsNotResource, string? Condition);

/// <summary>A statement names an action string under Action, or under NotAction.</summary>
public readonly record struct StatementActionRow(int StatementId, int ActionId, bool IsNotAction);

/// <summary>A resource type of a service; <paramref name="ConditionKeys"/> as a JSON array.</summary>
public sealed record ResourceTypeRow(int Id, int ServiceId, string Name, string Arn, string ConditionKeys);

public sealed record ConditionKeyRow(int Id, string Name, string? Description, string? Type);

/// <summary>An action acts on a resource type; <paramref name="ConditionKeys"/> as a JSON array.</summary>
public sealed record ActionResourceTypeRow(int ActionId, int ResourceTypeId, bool Required, string ConditionKeys);

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
    string Message)
{
    /// <summary>The account it is about (its file, its principals or policies), seen only by callers who see the account; null: public.</summary>
    public string? AccountId { get; init; }
}

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

    public IReadOnlyList<PolicyVersionRow> PolicyVersions { get; init; } = [];
    public IReadOnlyList<StatementRow> Statements { get; init; } = [];
    public IReadOnlyList<StatementActionRow> StatementActions { get; init; } = [];
    public IReadOnlyList<ResourceTypeRow> ResourceTypes { get; init; } = [];
    public IReadOnlyList<ConditionKeyRow> ConditionKeys { get; init; } = [];
    public IReadOnlyList<ActionResourceTypeRow> ActionResourceTypes { get; init; } = [];

    /// <summary>(action id, condition key id).</summary>
    public IReadOnlyList<Link> ActionConditionKeys { get; init; } = [];

    /// <summary>(action id, dependent action id).</summary>
    public IReadOnlyList<Link> ActionDependencies { get; init; } = [];

    /// <summary>The accounts' users, groups, how principals hold policies, trust (issue 10).</summary>
    public AccountRows Accounts { get; init; } = AccountRows.Empty;
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

    /// <summary>The docs' action list of a policy differs from its default version's document (often: the docs show an older version).</summary>
    public const string DocsDifferFromDocument = "docs-differ-from-document";

    /// <summary>A policy's Action/NotAction string matches no action of the universe (catalogue plus every policy's literals).</summary>
    public const string PatternMatchesNothing = "pattern-matches-nothing";

    /// <summary>A policy names an action (no wildcard) that AWS's action catalogue does not list, ignoring case.</summary>
    public const string ActionNotInCatalog = "action-not-in-catalog";

    /// <summary>
    /// An account's policy writes an action string no public source writes (its own service, a new case spelling, a
    /// pattern): accounts do not extend the catalogue, so the string stays in the document and is read over the public actions.
    /// </summary>
    public const string ActionUnknownToCatalogue = "action-unknown-to-catalogue";
}
