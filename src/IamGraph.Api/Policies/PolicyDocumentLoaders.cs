using GraphQL;
using GraphQL.DataLoader;

using IamGraph.Api.Common;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Catalog;
using IamGraph.Catalog.Entities;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IamGraph.Api.Policies;

/// <summary>The strings a statement names, split by where it names them.</summary>
public sealed record StatementActionNames(IReadOnlyList<string> Actions, IReadOnlyList<string> NotActions);

/// <summary>What a version changed in the action strings its policy names, against the previous stored version.</summary>
public sealed record VersionActionChanges(IReadOnlyList<string> AddedActions, IReadOnlyList<string> RemovedActions);

/// <summary>
/// <c>statement.actions</c> and <c>notActions</c>: the names of every statement of a level in one statement (both fields share
/// the batch). Request-scoped.
/// </summary>
public sealed class StatementActionsLoader(IDbContextFactory<CatalogDbContext> factory) : BatchLoader<int, StatementActionNames>
{
    private readonly object _batchKey = new();

    public static StatementActionsLoader Of(IResolveFieldContext context) => context.RequestServicesOrThrow().GetRequiredService<StatementActionsLoader>();

    public IDataLoaderResult<StatementActionNames?> Load(int statementId) => Load(_batchKey, statementId, FetchAsync);

    private async Task<IReadOnlyDictionary<int, StatementActionNames>> FetchAsync(IReadOnlyCollection<int> statementIds, CancellationToken cancellationToken)
    {
        var ids = statementIds.ToArray();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await (from link in db.StatementActions
                          where ids.Contains(link.StatementId)
                          join action in db.Actions on link.ActionId equals action.Id
                          select new { link.StatementId, link.IsNotAction, action.Name }).ToListAsync(cancellationToken);
        var byStatement = rows.ToLookup(r => r.StatementId);
        return ids.ToDictionary(id => id, id => new StatementActionNames(
            [.. byStatement[id].Where(r => !r.IsNotAction).Select(r => r.Name).Order(StringComparer.Ordinal)],
            [.. byStatement[id].Where(r => r.IsNotAction).Select(r => r.Name).Order(StringComparer.Ordinal)]));
    }
}

/// <summary>
/// <c>version.addedActions</c> and <c>removedActions</c>, computed from the stored statement actions: for every version of a level,
/// its strings and those of its previous stored version (the same policy's next lower version number) in one statement. Strings
/// compare ignoring case; one named in several casings is given once, in its ordinal-smallest spelling; lists are ordinal-sorted
/// (as the import's <c>PolicyVersionDiff</c>). The oldest stored version adds all it names. Request-scoped.
/// </summary>
public sealed class VersionActionChangesLoader(IDbContextFactory<CatalogDbContext> factory) : BatchLoader<int, VersionActionChanges>
{
    private readonly object _batchKey = new();

    public static VersionActionChangesLoader Of(IResolveFieldContext context) => context.RequestServicesOrThrow().GetRequiredService<VersionActionChangesLoader>();

    public IDataLoaderResult<VersionActionChanges?> Load(int versionId) => Load(_batchKey, versionId, FetchAsync);

    private async Task<IReadOnlyDictionary<int, VersionActionChanges>> FetchAsync(IReadOnlyCollection<int> versionIds, CancellationToken cancellationToken)
    {
        var ids = versionIds.ToArray();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var requested = db.PolicyVersions.Where(v => ids.Contains(v.Id));
        // w comes before v when its number is lower: a shorter id ("v9" < "v10"), or as long and smaller as text.
        var previous = from v in requested
                       from w in db.PolicyVersions
                       where w.PolicyId == v.PolicyId
                           && (w.VersionId.Length < v.VersionId.Length || (w.VersionId.Length == v.VersionId.Length && string.Compare(w.VersionId, v.VersionId) < 0))
                           && !db.PolicyVersions.Any(x => x.PolicyId == v.PolicyId
                               && (w.VersionId.Length < x.VersionId.Length || (w.VersionId.Length == x.VersionId.Length && string.Compare(w.VersionId, x.VersionId) < 0))
                               && (x.VersionId.Length < v.VersionId.Length || (x.VersionId.Length == v.VersionId.Length && string.Compare(x.VersionId, v.VersionId) < 0)))
                       select new { Version = v.Id, Named = w.Id, IsPrevious = true };
        var pairs = requested.Select(v => new { Version = v.Id, Named = v.Id, IsPrevious = false }).Concat(previous);
        var rows = await (from pair in pairs
                          join statement in db.PolicyStatements on pair.Named equals statement.PolicyVersionId
                          join link in db.StatementActions on statement.Id equals link.StatementId
                          join action in db.Actions on link.ActionId equals action.Id
                          select new { pair.Version, pair.IsPrevious, action.Name }).ToListAsync(cancellationToken);

        var byVersion = rows.ToLookup(r => r.Version);
        return ids.ToDictionary(id => id, id =>
        {
            var current = Spellings(byVersion[id].Where(r => !r.IsPrevious).Select(r => r.Name));
            var before = Spellings(byVersion[id].Where(r => r.IsPrevious).Select(r => r.Name));
            return new VersionActionChanges(
                [.. current.Where(c => !before.ContainsKey(c.Key)).Select(c => c.Value).Order(StringComparer.Ordinal)],
                [.. before.Where(b => !current.ContainsKey(b.Key)).Select(b => b.Value).Order(StringComparer.Ordinal)]);
        });
    }

    /// <summary>Each string ignoring case, in its ordinal-smallest spelling.</summary>
    private static Dictionary<string, string> Spellings(IEnumerable<string> names)
    {
        var spellings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            if (!spellings.TryGetValue(name, out var spelling) || string.CompareOrdinal(name, spelling) < 0)
            {
                spellings[name] = name;
            }
        }
        return spellings;
    }
}
