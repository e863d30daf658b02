namespace IamGraph.Catalog.Entities;

// AWS's service authorization reference, as an action catalogue gives it: per service, the resource types its
// actions act on and the condition keys a policy may test.

/// <summary>A resource type of a service (<c>s3</c>'s <c>bucket</c>) and the ARN template its resources follow.</summary>
public class ResourceType
{
    public int Id { get; set; }
    public int ServiceId { get; set; }
    public Service Service { get; set; } = null!;

    /// <summary>AWS's name for it, unique within the service (<c>bucket</c>, <c>object</c>).</summary>
    public required string Name { get; set; }

    /// <summary>The ARN template, e.g. <c>arn:${Partition}:s3:::${BucketName}</c>.</summary>
    public required string Arn { get; set; }

    /// <summary>Condition keys that apply to resources of this type, as a JSON array.</summary>
    public required string ConditionKeys { get; set; }

    public ICollection<Action> Actions { get; set; } = [];
}

/// <summary>A condition key (<c>s3:prefix</c>, <c>aws:RequestTag/${TagKey}</c>) with its description and type.</summary>
public class ConditionKey
{
    public int Id { get; set; }

    /// <summary>As AWS writes it; unique.</summary>
    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary><c>String</c>, <c>ArrayOfString</c>, <c>Bool</c>, <c>Date</c>, <c>Numeric</c>, <c>ARN</c>…</summary>
    public string? Type { get; set; }

    public ICollection<Action> Actions { get; set; } = [];
}
