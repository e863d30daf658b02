using IamGraph.Catalog;
using IamGraph.Catalog.Entities;
using IamGraph.Import.Model;
using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Import.Writing;

/// <summary>
/// Takes one table's values, row by row, column by column, in the table's property order: typed, so that a writer binds or
/// copies each value as it is, with no boxed value and no array per row (1.2 million rows in a full import).
/// </summary>
internal interface IRowSink
{
    void Int(int value);

    void Int(int? value);

    void Long(long? value);

    void Bool(bool value);

    void Bool(bool? value);

    void Text(string? value);

    void Time(DateTimeOffset? value);
}

/// <summary>One stored column: the entity property it maps to (EF Core names the column) and how a row gives its value.</summary>
internal sealed record Column<T>(string Property, Action<T, IRowSink> Write);

/// <summary>The rows of one table: the entity it maps to, the properties written, and each row's values in that order.</summary>
internal abstract class TableRows(Type entity, IReadOnlyList<string> properties)
{
    public Type Entity { get; } = entity;

    public IReadOnlyList<string> Properties { get; } = properties;

    public abstract int Count { get; }

    /// <summary>Gives row <paramref name="index"/>'s values to <paramref name="sink"/>, one per property.</summary>
    public abstract void Write(int index, IRowSink sink);
}

internal sealed class TableRows<T>(Type entity, IReadOnlyList<T> rows, Column<T>[] columns)
    : TableRows(entity, [.. columns.Select(c => c.Property)])
{
    public override int Count => rows.Count;

    // An array indexed, not a list enumerated: a foreach over the interface allocated an enumerator per row (200,000 in a docs import).
    public override void Write(int index, IRowSink sink)
    {
        var row = rows[index];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i].Write(row, sink);
        }
    }
}

/// <summary>What every catalogue writer stores, table by table, in an order that satisfies the foreign keys. Written once for all engines.</summary>
internal static class CatalogTables
{
    public static IEnumerable<TableRows> Of(CatalogSnapshot s) => Entities(s).Concat(Documents(s)).Concat(ActionCatalog(s)).Concat(Findings(s));

    /// <summary>The services, actions, policies, roles, the accounts' rows, their links and the effective grants.</summary>
    public static IEnumerable<TableRows> Entities(CatalogSnapshot s)
    {
        yield return Table(typeof(Service), s.Services,
            new(nameof(Service.Id), (r, w) => w.Int(r.Id)),
            new(nameof(Service.Name), (r, w) => w.Text(r.Name)),
            new(nameof(Service.NameKey), (r, w) => w.Text(ActionName.KeyOf(r.Name))),
            new(nameof(Service.Title), (r, w) => w.Text(r.Title)),
            new(nameof(Service.CanonicalId), (r, w) => w.Int(r.CanonicalId)),
            new(nameof(Service.ActionCount), (r, w) => w.Int(r.ActionCount)),
            new(nameof(Service.PolicyCount), (r, w) => w.Int(r.PolicyCount)),
            new(nameof(Service.RoleCount), (r, w) => w.Int(r.RoleCount)));
        yield return Table(typeof(Action), s.Actions,
            new(nameof(Action.Id), (r, w) => w.Int(r.Id)),
            new(nameof(Action.Name), (r, w) => w.Text(r.Name)),
            new(nameof(Action.NameKey), (r, w) => w.Text(ActionName.KeyOf(r.Name))),
            new(nameof(Action.ServiceId), (r, w) => w.Int(r.ServiceId)),
            new(nameof(Action.IsWildcard), (r, w) => w.Bool(r.IsWildcard)),
            new(nameof(Action.CanonicalId), (r, w) => w.Int(r.CanonicalId)),
            new(nameof(Action.GrantedByCount), (r, w) => w.Int(r.GrantedByCount)),
            new(nameof(Action.MatchCount), (r, w) => w.Int(r.MatchCount)),
            new(nameof(Action.PolicyCount), (r, w) => w.Int(r.PolicyCount)),
            new(nameof(Action.RoleCount), (r, w) => w.Int(r.RoleCount)),
            new(nameof(Action.AccessLevel), (r, w) => w.Int((int)r.AccessLevel)),
            new(nameof(Action.Description), (r, w) => w.Text(r.Description)),
            new(nameof(Action.InCatalog), (r, w) => w.Bool(r.InCatalog)));
        yield return Table(typeof(Policy), s.Policies,
            new(nameof(Policy.Id), (r, w) => w.Int(r.Id)),
            new(nameof(Policy.Name), (r, w) => w.Text(r.Name)),
            new(nameof(Policy.NameKey), (r, w) => w.Text(ActionName.KeyOf(r.Name))),
            new(nameof(Policy.Arn), (r, w) => w.Text(r.Arn)),
            new(nameof(Policy.Path), (r, w) => w.Text(r.Path)),
            new(nameof(Policy.AwsManaged), (r, w) => w.Bool(r.AwsManaged)),
            new(nameof(Policy.ActionCount), (r, w) => w.Int(r.ActionCount)),
            new(nameof(Policy.ServiceCount), (r, w) => w.Int(r.ServiceCount)),
            new(nameof(Policy.RoleCount), (r, w) => w.Int(r.RoleCount)),
            new(nameof(Policy.EffectiveActionCount), (r, w) => w.Int(r.EffectiveActionCount)),
            new(nameof(Policy.DefaultVersionId), (r, w) => w.Text(r.DefaultVersionId)),
            new(nameof(Policy.CreatedAt), (r, w) => w.Time(Microseconds(r.CreatedAt))),
            new(nameof(Policy.UpdatedAt), (r, w) => w.Time(Microseconds(r.UpdatedAt))),
            new(nameof(Policy.Sources), (r, w) => w.Int((int)r.Sources)),
            new(nameof(Policy.Kind), (r, w) => w.Int((int)r.Kind)),
            new(nameof(Policy.AccountId), (r, w) => w.Text(r.AccountId)));
        yield return Table<RoleRow>(typeof(Role), s.Roles,
        [
            new(nameof(Role.Id), (r, w) => w.Int(r.Id)),
            new(nameof(Role.Name), (r, w) => w.Text(r.Name)),
            new(nameof(Role.NameKey), (r, w) => w.Text(ActionName.KeyOf(r.Name))),
            new(nameof(Role.Arn), (r, w) => w.Text(r.Arn)),
            new(nameof(Role.Path), (r, w) => w.Text(r.Path)),
            new(nameof(Role.PolicyCount), (r, w) => w.Int(r.PolicyCount)),
            new(nameof(Role.ActionCount), (r, w) => w.Int(r.ActionCount)),
            new(nameof(Role.ServiceCount), (r, w) => w.Int(r.ServiceCount)),
            new(nameof(Role.EffectiveActionCount), (r, w) => w.Int(r.EffectiveActionCount)),
            .. AccountTables.RoleColumns,
        ]);
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
        // Most grants come through one action string, and grants through several share their list within a policy
        // (PolicyEvaluator): each is serialized once.
        var viaJson = new JsonStringLists();
        yield return Table(typeof(EffectiveGrant), s.EffectiveGrants,
            new(nameof(EffectiveGrant.PolicyId), (g, w) => w.Int(g.PolicyId)),
            new(nameof(EffectiveGrant.ActionId), (g, w) => w.Int(g.ActionId)),
            new(nameof(EffectiveGrant.Via), (g, w) => w.Text(viaJson.OfShared(g.Via))),
            new(nameof(EffectiveGrant.Unrestricted), (g, w) => w.Bool(g.Unrestricted)),
            new(nameof(EffectiveGrant.Limits), (g, w) => w.Int((int)g.Limits)));
    }

    /// <summary>The stored versions of the policies' documents, their statements and the strings each names (<see cref="CatalogParts.Documents"/>).</summary>
    public static IEnumerable<TableRows> Documents(CatalogSnapshot s) =>
        Versions(new VersionRows(s.PolicyVersions, s.Statements)).Concat(StatementActions(s));

    /// <summary>The stored versions of the policies' documents and their statements (<see cref="CatalogParts.Versions"/>).</summary>
    public static IEnumerable<TableRows> Versions(VersionRows s)
    {
        yield return Table(typeof(PolicyVersion), s.PolicyVersions,
            new(nameof(PolicyVersion.Id), (v, w) => w.Int(v.Id)),
            new(nameof(PolicyVersion.PolicyId), (v, w) => w.Int(v.PolicyId)),
            new(nameof(PolicyVersion.VersionId), (v, w) => w.Text(v.VersionId)),
            new(nameof(PolicyVersion.IsDefault), (v, w) => w.Bool(v.IsDefault)),
            new(nameof(PolicyVersion.CreatedAt), (v, w) => w.Time(Microseconds(v.CreatedAt))),
            new(nameof(PolicyVersion.Document), (v, w) => w.Text(v.Document)));
        yield return Table(typeof(PolicyStatement), s.Statements,
            new(nameof(PolicyStatement.Id), (t, w) => w.Int(t.Id)),
            new(nameof(PolicyStatement.PolicyVersionId), (t, w) => w.Int(t.PolicyVersionId)),
            new(nameof(PolicyStatement.Ordinal), (t, w) => w.Int(t.Ordinal)),
            new(nameof(PolicyStatement.Sid), (t, w) => w.Text(t.Sid)),
            new(nameof(PolicyStatement.Effect), (t, w) => w.Int((int)t.Effect)),
            new(nameof(PolicyStatement.Resource), (t, w) => w.Text(t.Resource)),
            new(nameof(PolicyStatement.IsNotResource), (t, w) => w.Bool(t.IsNotResource)),
            new(nameof(PolicyStatement.Condition), (t, w) => w.Text(t.Condition)));
    }

    /// <summary>The strings each stored statement names (<see cref="CatalogParts.Documents"/>).</summary>
    public static IEnumerable<TableRows> StatementActions(CatalogSnapshot s)
    {
        yield return Table(typeof(StatementAction), s.StatementActions,
            new(nameof(StatementAction.StatementId), (l, w) => w.Int(l.StatementId)),
            new(nameof(StatementAction.ActionId), (l, w) => w.Int(l.ActionId)),
            new(nameof(StatementAction.IsNotAction), (l, w) => w.Bool(l.IsNotAction)));
    }

    /// <summary>AWS's catalogue: resource types, condition keys, and the actions' links to them and to dependent actions (<see cref="CatalogParts.ActionCatalog"/>).</summary>
    public static IEnumerable<TableRows> ActionCatalog(CatalogSnapshot s)
    {
        yield return Table(typeof(ResourceType), s.ResourceTypes,
            new(nameof(ResourceType.Id), (r, w) => w.Int(r.Id)),
            new(nameof(ResourceType.ServiceId), (r, w) => w.Int(r.ServiceId)),
            new(nameof(ResourceType.Name), (r, w) => w.Text(r.Name)),
            new(nameof(ResourceType.Arn), (r, w) => w.Text(r.Arn)),
            new(nameof(ResourceType.ConditionKeys), (r, w) => w.Text(r.ConditionKeys)));
        yield return Table(typeof(ConditionKey), s.ConditionKeys,
            new(nameof(ConditionKey.Id), (k, w) => w.Int(k.Id)),
            new(nameof(ConditionKey.Name), (k, w) => w.Text(k.Name)),
            new(nameof(ConditionKey.Description), (k, w) => w.Text(k.Description)),
            new(nameof(ConditionKey.Type), (k, w) => w.Text(k.Type)));
        yield return Table(typeof(ActionResourceType), s.ActionResourceTypes,
            new(nameof(ActionResourceType.ActionId), (l, w) => w.Int(l.ActionId)),
            new(nameof(ActionResourceType.ResourceTypeId), (l, w) => w.Int(l.ResourceTypeId)),
            new(nameof(ActionResourceType.Required), (l, w) => w.Bool(l.Required)),
            new(nameof(ActionResourceType.ConditionKeys), (l, w) => w.Text(l.ConditionKeys)));
        yield return Links(typeof(ActionConditionKey), nameof(ActionConditionKey.ActionId), nameof(ActionConditionKey.ConditionKeyId), s.ActionConditionKeys);
        yield return Links(typeof(ActionDependency), nameof(ActionDependency.ActionId), nameof(ActionDependency.DependentActionId), s.ActionDependencies);
    }

    /// <summary>The findings and the import run.</summary>
    public static IEnumerable<TableRows> Findings(CatalogSnapshot s)
    {
        yield return Table<NumberedFinding>(typeof(DataQualityFinding), [.. s.Findings.Select((f, i) => new NumberedFinding(i + 1, f))],
            new(nameof(DataQualityFinding.Id), (f, w) => w.Int(f.Id)),
            new(nameof(DataQualityFinding.Category), (f, w) => w.Text(f.Finding.Category == FindingCategory.Discrepancy ? "discrepancy" : "warning")),
            new(nameof(DataQualityFinding.Kind), (f, w) => w.Text(f.Finding.Kind)),
            new(nameof(DataQualityFinding.Entity), (f, w) => w.Text(f.Finding.Entity)),
            new(nameof(DataQualityFinding.File), (f, w) => w.Text(f.Finding.File)),
            new(nameof(DataQualityFinding.Line), (f, w) => w.Int(f.Finding.Line)),
            new(nameof(DataQualityFinding.Declared), (f, w) => w.Long(f.Finding.Declared)),
            new(nameof(DataQualityFinding.Actual), (f, w) => w.Long(f.Finding.Actual)),
            new(nameof(DataQualityFinding.Message), (f, w) => w.Text(f.Finding.Message)),
            new(nameof(DataQualityFinding.AccountId), (f, w) => w.Text(f.Finding.AccountId)));
        var importedAt = ImportTime();
        yield return Table<CatalogSnapshot>(typeof(ImportRun), [s],
            new(nameof(ImportRun.Id), (_, w) => w.Int(1)),
            new(nameof(ImportRun.ImportedAt), (_, w) => w.Time(importedAt)),
            new(nameof(ImportRun.Source), (r, w) => w.Text(r.Source)),
            new(nameof(ImportRun.Format), (r, w) => w.Text(r.Layout.ToString().ToLowerInvariant())),
            new(nameof(ImportRun.ToolVersion), (_, w) => w.Text(typeof(CatalogTables).Assembly.GetName().Version?.ToString() ?? "0")));
    }

    /// <summary>A finding and its row id: a class, as generic code over a value type of ours would be JIT-compiled in a cold import.</summary>
    private sealed record NumberedFinding(int Id, Finding Finding);

    internal static TableRows<T> Table<T>(Type entity, IReadOnlyList<T> rows, params Column<T>[] columns) => new(entity, rows, columns);

    /// <summary>Now, to the microsecond (see <see cref="Microseconds"/>).</summary>
    private static DateTimeOffset ImportTime() => Microseconds(DateTimeOffset.UtcNow)!.Value;

    /// <summary>To the microsecond: what PostgreSQL's timestamptz holds, so SQLite (which would keep 100 ns ticks) stores the same instant.</summary>
    internal static DateTimeOffset? Microseconds(DateTimeOffset? time) =>
        time is { } t ? t.AddTicks(-(t.Ticks % TimeSpan.TicksPerMicrosecond)) : null;

    private static TableRows<Link> Links(Type entity, string left, string right, IReadOnlyList<Link> links) =>
        Table(entity, links, new(left, (l, w) => w.Int(l.LeftId)), new(right, (l, w) => w.Int(l.RightId)));
}
