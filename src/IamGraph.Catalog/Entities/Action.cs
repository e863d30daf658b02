namespace IamGraph.Catalog.Entities;

/// <summary>An action string as policies write it: a concrete action (<c>ecr:BatchGetImage</c>) or a pattern (<c>ecr:BatchGet*</c>, <c>*</c>).</summary>
public class Action : ICaseVariant
{
    public int Id { get; set; }

    /// <summary>Exactly as written; case variants are distinct rows.</summary>
    public required string Name { get; set; }

    /// <summary>Lower-cased name: IAM compares action names case-insensitively.</summary>
    public required string NameKey { get; set; }

    public int ServiceId { get; set; }
    public Service Service { get; set; } = null!;

    /// <summary>True when the name holds <c>*</c> or <c>?</c>, i.e. it is a pattern rather than one action.</summary>
    public bool IsWildcard { get; set; }

    /// <summary>From AWS's action catalogue; <see cref="AccessLevels.None"/> for an action the catalogue does not know.</summary>
    public AccessLevels AccessLevel { get; set; }

    /// <summary>AWS's description of the action, from the action catalogue.</summary>
    public string? Description { get; set; }

    /// <summary>AWS's action catalogue lists this action (ignoring case).</summary>
    public bool InCatalog { get; set; }

    /// <summary>The case variant most policies use (ties: ordinal smallest); its own id for that variant.</summary>
    public int CanonicalId { get; set; }
    public Action Canonical { get; set; } = null!;

    // Collection navigations are created on first read, not per row: Q1 materializes 1,223 actions and services and reads none.
    /// <summary>Every action whose name differs from this canonical one only in case (itself included).</summary>
    public ICollection<Action> Variants { get => field ??= []; set; }

    public int PolicyCount { get; set; }
    public int RoleCount { get; set; }

    /// <summary>Policies that grant this (canonical, concrete) action by IAM's matching rules.</summary>
    public int GrantedByCount { get; set; }

    /// <summary>For a pattern: how many canonical concrete actions it covers.</summary>
    public int MatchCount { get; set; }

    public ICollection<Policy> Policies { get => field ??= []; set; }
    public ICollection<Role> Roles { get => field ??= []; set; }

    /// <summary>Policies that grant this action by IAM's rules (see <see cref="EffectiveGrant"/>).</summary>
    public ICollection<Policy> GrantedBy { get => field ??= []; set; }

    /// <summary>For a pattern (or a literal), the canonical concrete actions it covers.</summary>
    public ICollection<Action> Matches { get => field ??= []; set; }

    /// <summary>The patterns (and literals) that cover this canonical concrete action.</summary>
    public ICollection<Action> MatchedBy { get => field ??= []; set; }

    public ICollection<ResourceType> ResourceTypes { get => field ??= []; set; }
    public ICollection<ConditionKey> ConditionKeys { get => field ??= []; set; }

    /// <summary>Actions AWS says a call of this one also needs permission for.</summary>
    public ICollection<Action> DependentActions { get => field ??= []; set; }
}

/// <summary>IAM's access levels; the newer catalogue gives some actions two ("Tagging, Write").</summary>
[Flags]
public enum AccessLevels
{
    None = 0,
    List = 1,
    Read = 2,
    Write = 4,
    Tagging = 8,
    PermissionsManagement = 16,
}
