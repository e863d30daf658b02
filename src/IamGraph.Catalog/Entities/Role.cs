namespace IamGraph.Catalog.Entities;

/// <summary>An IAM role and the managed policies attached to it.</summary>
public class Role : IArnIdentified
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

    public ICollection<Policy> Policies { get; set; } = [];

    /// <summary>Union of the attached policies' actions (derived at import).</summary>
    public ICollection<Action> Actions { get; set; } = [];

    /// <summary>Services of <see cref="Actions"/> (derived at import).</summary>
    public ICollection<Service> Services { get; set; } = [];
}
