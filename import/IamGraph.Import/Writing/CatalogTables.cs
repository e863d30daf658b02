using System.Globalization;
using System.Text.Json;
using IamGraph.Catalog;
using IamGraph.Catalog.Entities;
using IamGraph.Import.Model;
using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Import.Writing;

/// <summary>The rows of one table: the entity it maps to, the properties written (EF Core names the columns), the values.</summary>
internal sealed record TableRows(Type Entity, IReadOnlyList<string> Properties, IEnumerable<object?[]> Rows);

/// <summary>What every catalogue writer stores, table by table, in an order that satisfies the foreign keys. Written once for all engines.</summary>
internal static class CatalogTables
{
    public static IEnumerable<TableRows> Of(CatalogSnapshot s)
    {
        yield return new(typeof(Service),
            [nameof(Service.Id), nameof(Service.Name), nameof(Service.NameKey), nameof(Service.Title), nameof(Service.CanonicalId), nameof(Service.ActionCount), nameof(Service.PolicyCount), nameof(Service.RoleCount)],
            s.Services.Select(r => new object?[] { r.Id, r.Name, ActionName.KeyOf(r.Name), r.Title, r.CanonicalId, r.ActionCount, r.PolicyCount, r.RoleCount }));
        yield return new(typeof(Action),
            [nameof(Action.Id), nameof(Action.Name), nameof(Action.NameKey), nameof(Action.ServiceId), nameof(Action.IsWildcard), nameof(Action.CanonicalId),
                nameof(Action.GrantedByCount), nameof(Action.MatchCount), nameof(Action.PolicyCount), nameof(Action.RoleCount),
                nameof(Action.AccessLevel), nameof(Action.Description), nameof(Action.InCatalog)],
            s.Actions.Select(r => new object?[]
            {
                r.Id, r.Name, ActionName.KeyOf(r.Name), r.ServiceId, r.IsWildcard, r.CanonicalId, r.GrantedByCount, r.MatchCount, r.PolicyCount, r.RoleCount,
                (int)r.AccessLevel, r.Description, r.InCatalog,
            }));
        yield return new(typeof(Policy),
            [nameof(Policy.Id), nameof(Policy.Name), nameof(Policy.NameKey), nameof(Policy.Arn), nameof(Policy.Path), nameof(Policy.AwsManaged),
                nameof(Policy.ActionCount), nameof(Policy.ServiceCount), nameof(Policy.RoleCount), nameof(Policy.EffectiveActionCount),
                nameof(Policy.DefaultVersionId), nameof(Policy.CreatedAt), nameof(Policy.UpdatedAt), nameof(Policy.Sources), nameof(Policy.Kind), nameof(Policy.AccountId)],
            s.Policies.Select(r => new object?[]
            {
                r.Id, r.Name, ActionName.KeyOf(r.Name), r.Arn, r.Path, r.AwsManaged, r.ActionCount, r.ServiceCount, r.RoleCount, r.EffectiveActionCount,
                r.DefaultVersionId, Microseconds(r.CreatedAt), Microseconds(r.UpdatedAt), (int)r.Sources, (int)r.Kind, r.AccountId,
            }));
        yield return new(typeof(Role),
            [nameof(Role.Id), nameof(Role.Name), nameof(Role.NameKey), nameof(Role.Arn), nameof(Role.Path),
                nameof(Role.PolicyCount), nameof(Role.ActionCount), nameof(Role.ServiceCount), nameof(Role.EffectiveActionCount), .. AccountTables.RoleColumns],
            s.Roles.Select(r => (object?[])[r.Id, r.Name, ActionName.KeyOf(r.Name), r.Arn, r.Path, r.PolicyCount, r.ActionCount, r.ServiceCount, r.EffectiveActionCount, .. AccountTables.RoleValues(r)]));
        foreach (var table in AccountTables.Of(s))
        {
            yield return table;
        }

        yield return Links(typeof(PolicyAction), nameof(PolicyAction.PolicyId), nameof(PolicyAction.ActionId), s.PolicyActions);
        yield return Links(typeof(PolicyService), nameof(PolicyService.PolicyId), nameof(PolicyService.ServiceId), s.PolicyServices);
        yield return Links(typeof(RolePolicy), nameof(RolePolicy.RoleId), nameof(RolePolicy.PolicyId), s.RolePolicies);
        yield return Links(typeof(RoleAction), nameof(RoleAction.RoleId), nameof(RoleAction.ActionId), s.RoleActions);
        yield return Links(typeof(RoleService), nameof(RoleService.RoleId), nameof(RoleService.ServiceId), s.RoleServices);
        yield return Links(typeof(ActionMatch), nameof(ActionMatch.PatternId), nameof(ActionMatch.ActionId), s.ActionMatches);
        // Most grants come through one action string, and each string grants many actions: serialize each once.
        var singleVia = new Dictionary<string, string>(StringComparer.Ordinal);
        yield return new(typeof(EffectiveGrant),
            [nameof(EffectiveGrant.PolicyId), nameof(EffectiveGrant.ActionId), nameof(EffectiveGrant.Via), nameof(EffectiveGrant.Unrestricted), nameof(EffectiveGrant.Limits)],
            s.EffectiveGrants.Select(g => new object?[]
            {
                g.PolicyId, g.ActionId,
                g.Via is [var only] ? singleVia.TryGetValue(only, out var json) ? json : singleVia[only] = JsonSerializer.Serialize(g.Via) : JsonSerializer.Serialize(g.Via),
                g.Unrestricted, (int)g.Limits,
            }));

        yield return new(typeof(PolicyVersion),
            [nameof(PolicyVersion.Id), nameof(PolicyVersion.PolicyId), nameof(PolicyVersion.VersionId), nameof(PolicyVersion.IsDefault), nameof(PolicyVersion.CreatedAt), nameof(PolicyVersion.Document)],
            s.PolicyVersions.Select(v => new object?[] { v.Id, v.PolicyId, v.VersionId, v.IsDefault, Microseconds(v.CreatedAt), v.Document }));
        yield return new(typeof(PolicyStatement),
            [nameof(PolicyStatement.Id), nameof(PolicyStatement.PolicyVersionId), nameof(PolicyStatement.Ordinal), nameof(PolicyStatement.Sid), nameof(PolicyStatement.Effect),
                nameof(PolicyStatement.Resource), nameof(PolicyStatement.IsNotResource), nameof(PolicyStatement.Condition)],
            s.Statements.Select(t => new object?[] { t.Id, t.PolicyVersionId, t.Ordinal, t.Sid, (int)t.Effect, t.Resource, t.IsNotResource, t.Condition }));
        yield return new(typeof(StatementAction),
            [nameof(StatementAction.StatementId), nameof(StatementAction.ActionId), nameof(StatementAction.IsNotAction)],
            s.StatementActions.Select(l => new object?[] { l.StatementId, l.ActionId, l.IsNotAction }));

        yield return new(typeof(ResourceType),
            [nameof(ResourceType.Id), nameof(ResourceType.ServiceId), nameof(ResourceType.Name), nameof(ResourceType.Arn), nameof(ResourceType.ConditionKeys)],
            s.ResourceTypes.Select(r => new object?[] { r.Id, r.ServiceId, r.Name, r.Arn, r.ConditionKeys }));
        yield return new(typeof(ConditionKey),
            [nameof(ConditionKey.Id), nameof(ConditionKey.Name), nameof(ConditionKey.Description), nameof(ConditionKey.Type)],
            s.ConditionKeys.Select(k => new object?[] { k.Id, k.Name, k.Description, k.Type }));
        yield return new(typeof(ActionResourceType),
            [nameof(ActionResourceType.ActionId), nameof(ActionResourceType.ResourceTypeId), nameof(ActionResourceType.Required), nameof(ActionResourceType.ConditionKeys)],
            s.ActionResourceTypes.Select(l => new object?[] { l.ActionId, l.ResourceTypeId, l.Required, l.ConditionKeys }));
        yield return Links(typeof(ActionConditionKey), nameof(ActionConditionKey.ActionId), nameof(ActionConditionKey.ConditionKeyId), s.ActionConditionKeys);
        yield return Links(typeof(ActionDependency), nameof(ActionDependency.ActionId), nameof(ActionDependency.DependentActionId), s.ActionDependencies);

        yield return new(typeof(DataQualityFinding),
            [nameof(DataQualityFinding.Id), nameof(DataQualityFinding.Category), nameof(DataQualityFinding.Kind), nameof(DataQualityFinding.Entity), nameof(DataQualityFinding.File),
                nameof(DataQualityFinding.Line), nameof(DataQualityFinding.Declared), nameof(DataQualityFinding.Actual), nameof(DataQualityFinding.Message), nameof(DataQualityFinding.AccountId)],
            s.Findings.Select((f, i) => new object?[]
            {
                i + 1, f.Category == FindingCategory.Discrepancy ? "discrepancy" : "warning", f.Kind, f.Entity, f.File, f.Line, f.Declared, f.Actual, f.Message, f.AccountId,
            }));
        yield return new(typeof(ImportRun),
            [nameof(ImportRun.Id), nameof(ImportRun.ImportedAt), nameof(ImportRun.Source), nameof(ImportRun.Format), nameof(ImportRun.ToolVersion)],
            [[1, ImportTime(), s.Source, s.Layout.ToString().ToLowerInvariant(), typeof(CatalogTables).Assembly.GetName().Version?.ToString() ?? "0"]]);
    }

    /// <summary>Now, to the microsecond (see <see cref="Microseconds"/>).</summary>
    private static DateTimeOffset ImportTime() => Microseconds(DateTimeOffset.UtcNow)!.Value;

    /// <summary>To the microsecond: what PostgreSQL's timestamptz holds, so SQLite (which would keep 100 ns ticks) stores the same instant.</summary>
    internal static DateTimeOffset? Microseconds(DateTimeOffset? time) =>
        time is { } t ? t.AddTicks(-(t.Ticks % TimeSpan.TicksPerMicrosecond)) : null;

    private static TableRows Links(Type entity, string left, string right, IReadOnlyList<Link> links) =>
        new(entity, [left, right], links.Select(l => new object?[] { l.LeftId, l.RightId }));

    /// <summary>EF Core's SQLite text form of a DateTimeOffset, so EF reads back what the bulk path wrote.</summary>
    public static object? ForSqlite(object? value) => value switch
    {
        DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        bool b => b ? 1 : 0,
        _ => value,
    };
}
