namespace IamGraph.Catalog.Entities;

// Issue 10: an account's users, groups and roles (roles share the Role table with the docs' roles), how each holds its
// policies, group membership and role trust. Storage stays proportional to the input: principals link to policies, and
// a principal's effective actions are answered from the policies' stored grants at query time.

/// <summary>
/// Something that belongs to one AWS account (<see cref="AccountId"/>), or to the public catalogue when that is null. The
/// one marker every account-owned entity carries, so a single query filter can hide the accounts a caller may not see.
/// </summary>
public interface IAccountOwned
{
    /// <summary>The 12-digit account id; null for the public catalogue (AWS-managed policies, the docs' roles).</summary>
    string? AccountId { get; }
}

/// <summary>What users, groups and roles share as IAM principals.</summary>
public interface IPrincipal : IArnIdentified, IAccountOwned
{
    PrincipalKind Kind { get; }
    string Path { get; }
    DateTimeOffset? CreatedAt { get; }

    /// <summary>Tags as a JSON array of <c>{"Key":…,"Value":…}</c>.</summary>
    string? Tags { get; }

    int? PermissionsBoundaryId { get; }

    /// <summary>Some policy it is attached to is in no imported source: its answers are incomplete.</summary>
    bool Incomplete { get; }

    /// <summary>How many canonical concrete actions it may perform (computed at import, the same rules as the query).</summary>
    int EffectiveActionCount { get; }
}

public enum PrincipalKind
{
    User = 0,
    Group = 1,
    Role = 2,
}

/// <summary>How a principal holds a policy.</summary>
public enum PolicyAttachment
{
    /// <summary>The managed policy is attached to the principal itself.</summary>
    Attached = 0,

    /// <summary>The policy is one of the principal's inline policies.</summary>
    Inline = 1,

    /// <summary>The user holds it through a group (<see cref="PrincipalPolicy.GroupId"/>), attached or inline there.</summary>
    Group = 2,
}

/// <summary>Which of IAM's policy kinds a policy is.</summary>
public enum PolicyKind
{
    AwsManaged = 0,
    CustomerManaged = 1,
    Inline = 2,
}

/// <summary>The kinds of principal a trust policy names.</summary>
public enum TrustedEntityType
{
    Service = 0,
    Aws = 1,
    Federated = 2,
    CanonicalUser = 3,
}

/// <summary>An IAM user of an account.</summary>
public class User : IPrincipal
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string NameKey { get; set; }
    public required string Arn { get; set; }
    public required string Path { get; set; }
    public string? AccountId { get; set; }
    public string? UniqueId { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public string? Tags { get; set; }
    public int? PermissionsBoundaryId { get; set; }
    public Policy? PermissionsBoundary { get; set; }
    public bool Incomplete { get; set; }
    public int PolicyCount { get; set; }
    public int GroupCount { get; set; }
    public int EffectiveActionCount { get; set; }

    public PrincipalKind Kind => PrincipalKind.User;

    public ICollection<Group> Groups { get; set; } = [];
}

/// <summary>An IAM group of an account.</summary>
public class Group : IPrincipal
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string NameKey { get; set; }
    public required string Arn { get; set; }
    public required string Path { get; set; }
    public string? AccountId { get; set; }
    public string? UniqueId { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public string? Tags { get; set; }
    public bool Incomplete { get; set; }
    public int PolicyCount { get; set; }
    public int UserCount { get; set; }
    public int EffectiveActionCount { get; set; }

    public PrincipalKind Kind => PrincipalKind.Group;

    /// <summary>Groups have no permissions boundary.</summary>
    public int? PermissionsBoundaryId => null;

    public ICollection<User> Users { get; set; } = [];
}

/// <summary>
/// A principal holds a policy: attached, inline, or (a user) through a group. One row per way, so a user holding a
/// policy itself and through two groups has three; a user's group rows are stored so one join answers its policies.
/// </summary>
public class PrincipalPolicy : IAccountOwned
{
    public int Id { get; set; }
    public PrincipalKind PrincipalKind { get; set; }
    public int PrincipalId { get; set; }
    public int PolicyId { get; set; }
    public PolicyAttachment Attachment { get; set; }

    /// <summary>The group it comes through, for <see cref="PolicyAttachment.Group"/>.</summary>
    public int? GroupId { get; set; }
    public string? AccountId { get; set; }
}

/// <summary>The user is a member of the group.</summary>
public sealed class UserGroup : IAccountOwned
{
    public int UserId { get; set; }
    public int GroupId { get; set; }
    public string? AccountId { get; set; }
}

/// <summary>A principal a role's trust policy lets assume it (an Allow statement's <c>Principal</c>).</summary>
public class RoleTrust : IAccountOwned
{
    public int Id { get; set; }
    public int RoleId { get; set; }
    public TrustedEntityType Type { get; set; }
    public required string Value { get; set; }
    public string? AccountId { get; set; }
}

/// <summary>
/// The policy's default version removes the action by an unconditional Deny (no Condition, no NotResource,
/// <c>Resource: "*"</c>): it cancels any other policy's grant of it for a principal holding both.
/// </summary>
public sealed class PolicyDenial : IAccountOwned
{
    public int PolicyId { get; set; }
    public int ActionId { get; set; }
    public string? AccountId { get; set; }
}
