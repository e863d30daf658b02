namespace IamGraph.Import.Model;

/// <summary>What one import reads: the docs, a managed-policies package, an action catalogue, accounts' authorization details; at least one.</summary>
public sealed record CatalogSources(
    DocsCatalog? Docs, ManagedPolicySource? ManagedPolicies = null, ActionCatalogSource? ActionCatalog = null, IReadOnlyList<AccountSource>? Accounts = null)
{
    /// <summary>The sources' paths, for the import run and the report.</summary>
    public string Describe() =>
        string.Join("; ", new[] { Docs?.Root, ManagedPolicies?.Source, ActionCatalog?.Source }.Concat(Accounts?.Select(a => a.Source) ?? []).Where(s => s is not null));
}
