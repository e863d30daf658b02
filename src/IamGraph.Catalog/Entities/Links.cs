namespace IamGraph.Catalog.Entities;

// Join rows of the many-to-many relations. The docs' relations are policy->action and role->policy;
// the others are derived at import and stored, so every relation is one indexed join to read.

/// <summary>The policy names the action (literally) in its document.</summary>
public sealed class PolicyAction
{
    public int PolicyId { get; set; }
    public int ActionId { get; set; }
}

/// <summary>The policy names at least one action of the service.</summary>
public sealed class PolicyService
{
    public int PolicyId { get; set; }
    public int ServiceId { get; set; }
}

/// <summary>The managed policy is attached to the role.</summary>
public sealed class RolePolicy
{
    public int RoleId { get; set; }
    public int PolicyId { get; set; }
}

/// <summary>An attached policy of the role names the action.</summary>
public sealed class RoleAction
{
    public int RoleId { get; set; }
    public int ActionId { get; set; }
}

/// <summary>An attached policy of the role names an action of the service.</summary>
public sealed class RoleService
{
    public int RoleId { get; set; }
    public int ServiceId { get; set; }
}

/// <summary>
/// The policy grants a canonical concrete action by IAM's rules; <see cref="Via"/> holds the policy's own
/// action strings that matched it, as a JSON array (e.g. <c>["s3:Get*","s3:*"]</c>).
/// </summary>
public sealed class EffectiveGrant
{
    public int PolicyId { get; set; }
    public int ActionId { get; set; }
    public required string Via { get; set; }
}

/// <summary>A pattern (or literal) covers a canonical concrete action.</summary>
public sealed class ActionMatch
{
    public int PatternId { get; set; }
    public int ActionId { get; set; }
}
