namespace IamGraph.Catalog.Entities;

/// <summary>An action string as policies write it: a concrete action (<c>ecr:BatchGetImage</c>) or a pattern (<c>ecr:BatchGet*</c>, <c>*</c>).</summary>
public class Action
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

    /// <summary>From an action catalogue (Read, Write, List, Tagging, Permissions management); null while only the docs are loaded.</summary>
    public string? AccessLevel { get; set; }

    public string? Description { get; set; }

    public int PolicyCount { get; set; }
    public int RoleCount { get; set; }

    public ICollection<Policy> Policies { get; set; } = [];
    public ICollection<Role> Roles { get; set; } = [];
}
