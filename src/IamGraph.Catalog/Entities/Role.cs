namespace IamGraph.Catalog.Entities;

/// <summary>An IAM role and the policies it holds: a docs role (public catalogue) or an account's role.</summary>
public class Role : IPrincipal
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string NameKey { get; set; }
    public required string Arn { get; set; }
    public required string Path { get; set; }

    public int PolicyCount { get; set; }
    public int ActionCount { get; set; }
    public int ServiceCount { get; set; }
    public int EffectiveActionCount { get; set; }

    /// <summary>The account it belongs to; null for a role of the docs.</summary>
    public string? AccountId { get; set; }

    /// <summary>AWS's unique id (<c>AROA…</c>).</summary>
    public string? UniqueId { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Tags as a JSON array of <c>{"Key":…,"Value":…}</c>.</summary>
    public string? Tags { get; set; }

    /// <summary>Its <c>AssumeRolePolicyDocument</c> (JSON); null for a docs role.</summary>
    public string? TrustPolicy { get; set; }

    public int? PermissionsBoundaryId { get; set; }
    public Policy? PermissionsBoundary { get; set; }

    /// <summary>Some policy attached to it is in no imported source.</summary>
    public bool Incomplete { get; set; }

    public PrincipalKind Kind => PrincipalKind.Role;

    public ICollection<RoleTrust> TrustedBy { get; set; } = [];

    public ICollection<Policy> Policies { get; set; } = [];

    /// <summary>Union of the attached policies' actions (derived at import).</summary>
    public ICollection<Action> Actions { get; set; } = [];

    /// <summary>Services of <see cref="Actions"/> (derived at import).</summary>
    public ICollection<Service> Services { get; set; } = [];
}
