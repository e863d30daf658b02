using IamGraph.Catalog.Entities;

namespace IamGraph.Import.Model;

// What the account reader produces (issue 10): one `aws iam get-account-authorization-details` file as plain data.
// Documents are already read into statements (StatementEntry) and kept whole as compact JSON.

/// <summary>One account's IAM configuration: its users, groups and roles, and the managed policies the file lists.</summary>
/// <param name="Policies">
/// The file's <c>Policies</c>: customer-managed policies of the account and the AWS-managed policies in use, each with
/// every version the file gives.
/// </param>
public sealed record AccountSource(
    string Source,
    string AccountId,
    IReadOnlyList<PrincipalEntry> Principals,
    IReadOnlyList<ManagedPolicyEntry> Policies,
    IReadOnlyList<ReaderNote> Notes);

/// <summary>A user, group or role of an account as the file describes it.</summary>
/// <param name="AttachedPolicyArns">Its attached managed policies, in the file's order, each once.</param>
/// <param name="InlinePolicies">Its inline policies (<c>UserPolicyList</c>, <c>GroupPolicyList</c>, <c>RolePolicyList</c>).</param>
/// <param name="Groups">For a user, the names of its groups (<c>GroupList</c>); empty otherwise.</param>
/// <param name="TrustPolicy">For a role, its <c>AssumeRolePolicyDocument</c> as compact JSON.</param>
/// <param name="TrustedBy">For a role, the principals its trust policy's Allow statements name.</param>
public sealed record PrincipalEntry(
    PrincipalKind Kind,
    string Name,
    string Arn,
    string? UniqueId,
    string Path,
    DateTimeOffset? CreatedAt,
    IReadOnlyList<KeyValuePair<string, string>> Tags,
    IReadOnlyList<string> AttachedPolicyArns,
    IReadOnlyList<InlinePolicyEntry> InlinePolicies,
    IReadOnlyList<string> Groups,
    string? PermissionsBoundaryArn,
    string? TrustPolicy,
    IReadOnlyList<TrustedEntity> TrustedBy,
    SourceRef Source)
{
    public string Entity => $"{Kind.ToString().ToLowerInvariant()}:{Arn}";
}

/// <summary>An inline policy: its name and its one document (read like a managed policy's version).</summary>
public sealed record InlinePolicyEntry(string Name, PolicyVersionEntry Document);

/// <summary>Someone a role's trust policy lets assume it: <c>Service</c>, <c>AWS</c>, <c>Federated</c> or <c>CanonicalUser</c>, and the value.</summary>
public sealed record TrustedEntity(TrustedEntityType Type, string Value);
