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

    /// <summary>
    /// Some Allow statement grants it with no Condition, no NotResource and <c>Resource: "*"</c>; null for a policy
    /// known only from the docs, which do not say.
    /// </summary>
    public bool? Unrestricted { get; set; }

    /// <summary>What limits the grant when it is not unrestricted (and whether a conditional Deny may take it away).</summary>
    public GrantLimits Limits { get; set; }
}

/// <summary>
/// What limits a grant. An Allow statement is unrestricted when it has no <c>Condition</c>, no <c>NotResource</c>, and
/// its <c>Resource</c> holds <c>"*"</c>; any other Allow statement is limited by what it has.
/// </summary>
[Flags]
public enum GrantLimits
{
    None = 0,

    /// <summary>Granted only on the resources some Allow statement lists (not <c>"*"</c>).</summary>
    Resource = 1,

    /// <summary>Granted only under some Allow statement's <c>Condition</c>.</summary>
    Condition = 2,

    /// <summary>Granted on all resources but those some Allow statement's <c>NotResource</c> lists.</summary>
    NotResource = 4,

    /// <summary>
    /// A Deny statement that does not remove the action (it has a <c>Condition</c>, names specific resources, or has a
    /// <c>NotResource</c>) matches it: the action may be denied in some requests. Says nothing about unrestrictedness.
    /// </summary>
    PossiblyDenied = 8,
}

/// <summary>The action acts on the resource type; <see cref="Required"/> when every call names one.</summary>
public sealed class ActionResourceType
{
    public int ActionId { get; set; }
    public int ResourceTypeId { get; set; }
    public bool Required { get; set; }

    /// <summary>Condition keys that apply with this resource type, as a JSON array.</summary>
    public required string ConditionKeys { get; set; }
}

/// <summary>The condition key applies to the action (AWS's action-level keys).</summary>
public sealed class ActionConditionKey
{
    public int ActionId { get; set; }
    public int ConditionKeyId { get; set; }
}

/// <summary>A call of the action also needs permission for the dependent action.</summary>
public sealed class ActionDependency
{
    public int ActionId { get; set; }
    public int DependentActionId { get; set; }
}

/// <summary>A pattern (or literal) covers a canonical concrete action.</summary>
public sealed class ActionMatch
{
    public int PatternId { get; set; }
    public int ActionId { get; set; }
}
