namespace IamGraph.Import.Model;

/// <summary>A policy's stored versions and their statements: final once the policies have their ids, before the actions do.</summary>
internal sealed record VersionRows(IReadOnlyList<PolicyVersionRow> PolicyVersions, IReadOnlyList<StatementRow> Statements);

/// <summary>The stored versions of the policies that have documents, their statements, and the strings each statement names.</summary>
internal static class PolicyDocumentRows
{
    /// <summary>The snapshot with the versions and statements of <see cref="Versions"/>, and the strings each statement names.</summary>
    public static CatalogSnapshot Add(CatalogSnapshot snapshot, VersionRows versions, IReadOnlyList<CatalogBuilder.PolicyDraft> policies, IReadOnlyDictionary<string, int> actionIds) =>
        snapshot with { PolicyVersions = versions.PolicyVersions, Statements = versions.Statements, StatementActions = StatementActions(policies, actionIds) };

    /// <summary>The versions and statements, numbered in the order <see cref="StatementActions"/> walks them.</summary>
    public static VersionRows Versions(IReadOnlyList<CatalogBuilder.PolicyDraft> policies)
    {
        var versions = new List<PolicyVersionRow>();
        var statements = new List<StatementRow>();
        // Most statements name one resource, mostly "*": its JSON is made once.
        var resourceJson = new JsonStringLists();
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
                        resource.Count > 0 ? resourceJson.Of(resource) : null, isNotResource, statement.Condition));
                }
            }
        }
        return new VersionRows(versions, statements);
    }

    /// <summary>The strings each statement names, by statement id (numbered as <see cref="Versions"/> numbers them).</summary>
    public static List<StatementActionRow> StatementActions(IReadOnlyList<CatalogBuilder.PolicyDraft> policies, IReadOnlyDictionary<string, int> actionIds)
    {
        var statementActions = new List<StatementActionRow>();
        var named = new List<long>(); // (action id << 1) | is NotAction, one statement's
        var statementId = 0;
        foreach (var policy in policies)
        {
            foreach (var version in (policy.Managed?.Versions ?? []).OrderBy(v => v.Number))
            {
                foreach (var statement in version.Statements)
                {
                    statementId++;
                    // A statement may repeat a string; it names it once. Rows go in key order (action, then NotAction),
                    // the order of the table's primary key, so the writer appends to its B-tree.
                    named.Clear();
                    Name(statement.Actions, isNotAction: false);
                    Name(statement.NotActions, isNotAction: true);
                    named.Sort();
                    for (var i = 0; i < named.Count; i++)
                    {
                        if (i == 0 || named[i] != named[i - 1])
                        {
                            statementActions.Add(new StatementActionRow(statementId, (int)(named[i] >> 1), (named[i] & 1) == 1));
                        }
                    }
                }
            }
        }
        return statementActions;

        void Name(IReadOnlyList<string> actions, bool isNotAction)
        {
            for (var i = 0; i < actions.Count; i++)
            {
                if (actionIds.TryGetValue(actions[i], out var actionId))
                {
                    named.Add(((long)actionId << 1) | (isNotAction ? 1L : 0L));
                }
            }
        }
    }
}
