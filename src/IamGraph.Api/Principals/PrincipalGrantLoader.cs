using GraphQL;
using GraphQL.DataLoader;

using IamGraph.Api.Common;

using IamGraph.Catalog;
using IamGraph.Catalog.Entities;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IamGraph.Api.Principals;

/// <summary>How a principal holds one effective action: the policies granting it, and whether unrestricted (its boundary's grant too, if any).</summary>
public sealed record PrincipalGrant(IReadOnlyList<Policy> Via, bool Unrestricted);

/// <summary>
/// The <c>via</c> and <c>unrestricted</c> of every effective-action edge of a level, in at most three statements per principal
/// kind (grants with their policies, boundaries, the boundaries' grants). Request-scoped.
/// </summary>
public sealed class PrincipalGrantLoader(IDbContextFactory<CatalogDbContext> factory) : Common.DataLoading.BatchLoader<(PrincipalKind Kind, int PrincipalId, int ActionId), PrincipalGrant>
{
    private readonly object _batchKey = new();

    public static PrincipalGrantLoader Of(IResolveFieldContext context) => context.RequestServicesOrThrow().GetRequiredService<PrincipalGrantLoader>();

    public IDataLoaderResult<PrincipalGrant?> Load(PrincipalActionItem item) => Load(_batchKey, (item.Kind, item.PrincipalId, item.Action.Id), FetchAsync);

    private async Task<IReadOnlyDictionary<(PrincipalKind, int, int), PrincipalGrant>> FetchAsync(
        IReadOnlyCollection<(PrincipalKind Kind, int PrincipalId, int ActionId)> keys, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var result = new Dictionary<(PrincipalKind, int, int), PrincipalGrant>();
        foreach (var kind in keys.GroupBy(k => k.Kind))
        {
            var principalIds = kind.Select(k => k.PrincipalId).Distinct().ToArray();
            var actionIds = kind.Select(k => k.ActionId).Distinct().ToArray();
            var rows = await (from h in PrincipalEffective.Held(db, kind.Key)
                              where principalIds.Contains(h.PrincipalId)
                              join g in db.EffectiveGrants on h.PolicyId equals g.PolicyId
                              where actionIds.Contains(g.ActionId)
                              join p in db.Policies on g.PolicyId equals p.Id
                              select new { h.PrincipalId, g.ActionId, Policy = p, g.Unrestricted })
                .ToListAsync(cancellationToken);

            var boundaryOf = kind.Key switch
            {
                PrincipalKind.User => await db.Users.Where(u => principalIds.Contains(u.Id) && u.PermissionsBoundaryId != null)
                    .ToDictionaryAsync(u => u.Id, u => u.PermissionsBoundaryId!.Value, cancellationToken),
                PrincipalKind.Role => await db.Roles.Where(r => principalIds.Contains(r.Id) && r.PermissionsBoundaryId != null)
                    .ToDictionaryAsync(r => r.Id, r => r.PermissionsBoundaryId!.Value, cancellationToken),
                _ => [],
            };
            var boundaryIds = boundaryOf.Values.Distinct().ToArray();
            var boundaryUnrestricted = boundaryIds.Length == 0
                ? []
                : (await db.EffectiveGrants.Where(g => boundaryIds.Contains(g.PolicyId) && actionIds.Contains(g.ActionId))
                    .Select(g => new { g.PolicyId, g.ActionId, g.Unrestricted }).ToListAsync(cancellationToken))
                    .ToDictionary(g => (g.PolicyId, g.ActionId), g => g.Unrestricted == true);

            var wanted = kind.ToHashSet();
            foreach (var group in rows.GroupBy(r => (kind.Key, r.PrincipalId, r.ActionId)).Where(g => wanted.Contains(g.Key)))
            {
                var unrestricted = group.Any(r => r.Unrestricted == true)
                    && (!boundaryOf.TryGetValue(group.Key.PrincipalId, out var boundary) || boundaryUnrestricted.GetValueOrDefault((boundary, group.Key.ActionId)));
                var via = group.Select(r => r.Policy).DistinctBy(p => p.Id).OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id).ToArray();
                result[group.Key] = new PrincipalGrant(via, unrestricted);
            }
        }
        return result;
    }
}
