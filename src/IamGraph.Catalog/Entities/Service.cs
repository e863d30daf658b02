namespace IamGraph.Catalog.Entities;

/// <summary>An AWS service prefix as written before the first ':' of an action (<c>s3</c>, <c>S3</c>, <c>all</c> for <c>*</c>).</summary>
public class Service : ICaseVariant
{
    public int Id { get; set; }

    /// <summary>Exactly as written: <c>S3</c> and <c>s3</c> are two services in the docs.</summary>
    public required string Name { get; set; }

    /// <summary>Lower-cased name for case-insensitive lookups.</summary>
    public required string NameKey { get; set; }

    /// <summary>Human name from an action catalogue (e.g. "Amazon S3"); the docs do not carry it.</summary>
    public string? Title { get; set; }

    /// <summary>The case variant most policies use (ties: ordinal smallest); its own id for that variant.</summary>
    public int CanonicalId { get; set; }
    public Service Canonical { get; set; } = null!;
    // Collection navigations are created on first read, not per row: Q1 materializes 1,223 actions and services and reads none.
    public ICollection<Service> Variants { get => field ??= []; set; }

    public int ActionCount { get; set; }
    public int PolicyCount { get; set; }
    public int RoleCount { get; set; }

    public ICollection<Action> Actions { get => field ??= []; set; }
    public ICollection<Policy> Policies { get => field ??= []; set; }
    public ICollection<Role> Roles { get => field ??= []; set; }
}
