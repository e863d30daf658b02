using System.Text.Json;

namespace IamGraph.Import.Model;

/// <summary>The stored versions of the policies that have documents, their statements, and the strings each statement names.</summary>
internal static class PolicyDocumentRows
{
    public static CatalogSnapshot Add(CatalogSnapshot snapshot, IReadOnlyList<CatalogBuilder.PolicyDraft> policies, IReadOnlyDictionary<string, int> actionIds)
    {
        var versions = new List<PolicyVersionRow>();
        var statements = new List<StatementRow>();
        var statementActions = new List<StatementActionRow>();
        foreach (var policy in policies)
        {
            foreach (var version in (policy.Managed?.Versions ?? []).OrderBy(v => v.Number))
            {
                var versionId = versions.Count + 1;
                versions.Add(new PolicyVersionRow(versionId, policy.Id, version.VersionId, version.VersionId == policy.Managed!.DefaultVersionId, version.CreatedAt, version.Document));
                foreach (var statement in version.Statements)
                {
                    var statementId = statements.Count + 1;
                    var isNotResource = statement.NotResources.Count > 0;
                    var resource = isNotResource ? statement.NotResources : statement.Resources;
                    statements.Add(new StatementRow(statementId, versionId, statement.Ordinal, statement.Sid, statement.Effect,
                        resource.Count > 0 ? JsonSerializer.Serialize(resource) : null, isNotResource, statement.Condition));

                    // A statement may repeat a string; it names it once.
                    var named = new HashSet<(int, bool)>();
                    foreach (var (action, isNotAction) in statement.Actions.Select(a => (Name: a, Not: false)).Concat(statement.NotActions.Select(a => (Name: a, Not: true))))
                    {
                        if (actionIds.TryGetValue(action, out var actionId) && named.Add((actionId, isNotAction)))
                        {
                            statementActions.Add(new StatementActionRow(statementId, actionId, isNotAction));
                        }
                    }
                }
            }
        }
        return snapshot with { PolicyVersions = versions, Statements = statements, StatementActions = statementActions };
    }
}
