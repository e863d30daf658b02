namespace IamGraph.Catalog.Entities;

/// <summary>A managed or inline policy, identified by its ARN (an inline policy's is its principal's ARN + <c>#inline/</c> + its name).</summary>
public class Policy : IArnIdentified, IAccountOwned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string NameKey { get; set; }
    public required string Arn { get; set; }

    /// <summary>The ARN's path between <c>policy/</c> and the name, e.g. <c>/service-role/</c>; <c>/</c> when there is none.</summary>
    public required string Path { get; set; }

    /// <summary>True for <c>arn:aws:iam::aws:policy/...</c>.</summary>
    public bool AwsManaged { get; set; }

    public PolicyKind Kind { get; set; }

    /// <summary>The account a customer-managed or inline policy belongs to; null for AWS-managed policies.</summary>
    public string? AccountId { get; set; }

    /// <summary>Version id of the default document (AWS's <c>latestVersionId</c>); null for a docs-only policy.</summary>
    public string? DefaultVersionId { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Which imported sources describe the policy.</summary>
    public PolicySources Sources { get; set; }

    public int ActionCount { get; set; }
    public int ServiceCount { get; set; }
    public int RoleCount { get; set; }

    /// <summary>How many canonical concrete actions the policy grants by IAM's rules.</summary>
    public int EffectiveActionCount { get; set; }

    // Collection navigations are created on first read, not per row: Q1 materializes 1,223 actions and services and reads none.
    /// <summary>The docs' "Allowed Actions": every action string the policy's statements name (Deny and NotAction are not told apart there).</summary>
    public ICollection<Action> Actions { get => field ??= []; set; }
    public ICollection<Service> Services { get => field ??= []; set; }

    /// <summary>Canonical concrete actions its patterns match (case-insensitive, wildcards expanded).</summary>
    public ICollection<Action> EffectiveActions { get => field ??= []; set; }
    public ICollection<Role> Roles { get => field ??= []; set; }
    public ICollection<PolicyVersion> Versions { get => field ??= []; set; }
}

/// <summary>The sources a policy was read from.</summary>
[Flags]
public enum PolicySources
{
    None = 0,

    /// <summary>The IAM docs' Markdown pages (the strings the policy names, no document).</summary>
    Docs = 1,

    /// <summary>A managed-policies package: the real documents with their versions.</summary>
    ManagedPolicies = 2,

    /// <summary>An account's authorization details (<c>get-account-authorization-details</c>).</summary>
    Account = 4,
}
