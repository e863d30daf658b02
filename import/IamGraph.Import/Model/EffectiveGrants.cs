using IamGraph.Catalog;

namespace IamGraph.Import.Model;

/// <summary>
/// Reads the catalogue as IAM would: names that differ only in case are one action (its canonical variant is the one
/// most policies write), and a pattern grants every concrete action it matches. The universe of concrete actions is
/// the catalogue's own; a later action catalogue only adds to it.
/// </summary>
internal static class EffectiveGrants
{
    public static CatalogSnapshot Apply(CatalogSnapshot catalog)
    {
        var services = Canonicalize(catalog.Services, s => s.Name, s => s.PolicyCount, (s, id) => s with { CanonicalId = id });
        var actions = Canonicalize(catalog.Actions, a => a.Name, a => a.PolicyCount, (a, id) => a with { CanonicalId = id });

        // Canonical concrete actions by lower-cased service, so a pattern confined to one service scans only that service.
        var concrete = actions.Where(a => a.CanonicalId == a.Id && !a.IsWildcard).Select(a => (a.Id, Key: ActionName.KeyOf(a.Name))).ToArray();
        var concreteByService = concrete.ToLookup(a => ActionName.KeyOf(ActionName.ServiceOf(a.Key)));

        var matchesOf = new int[actions.Length][];
        var matches = new List<Link>();
        foreach (var action in actions)
        {
            int[] covered;
            if (!action.IsWildcard)
            {
                covered = [action.CanonicalId];
            }
            else
            {
                var pattern = new ActionPattern(action.Name);
                var candidates = pattern.ServiceKey is { } service ? concreteByService[service] : concrete;
                covered = [.. candidates.Where(c => pattern.Matches(c.Key)).Select(c => c.Id)];
            }
            matchesOf[action.Id - 1] = covered;
            matches.AddRange(covered.Select(id => new Link(action.Id, id)));
        }

        var grants = new List<Grant>();
        var grantedBy = new int[actions.Length + 1];
        var effectivePerPolicy = new Dictionary<int, HashSet<int>>();
        foreach (var policyActions in catalog.PolicyActions.GroupBy(l => l.LeftId))
        {
            var via = new SortedDictionary<int, List<string>>();
            foreach (var link in policyActions)
            {
                foreach (var id in matchesOf[link.RightId - 1])
                {
                    if (!via.TryGetValue(id, out var names))
                    {
                        via[id] = names = [];
                    }
                    names.Add(actions[link.RightId - 1].Name);
                }
            }
            foreach (var (actionId, names) in via)
            {
                names.Sort(StringComparer.Ordinal);
                grants.Add(new Grant(policyActions.Key, actionId, names));
                grantedBy[actionId]++;
            }
            effectivePerPolicy[policyActions.Key] = [.. via.Keys];
        }

        var policiesOfRole = catalog.RolePolicies.ToLookup(l => l.LeftId, l => l.RightId);
        return catalog with
        {
            Services = services,
            Actions = [.. actions.Select(a => a with { GrantedByCount = grantedBy[a.Id], MatchCount = matchesOf[a.Id - 1].Length })],
            Policies = [.. catalog.Policies.Select(p => p with { EffectiveActionCount = effectivePerPolicy.GetValueOrDefault(p.Id)?.Count ?? 0 })],
            Roles = [.. catalog.Roles.Select(r => r with
            {
                EffectiveActionCount = policiesOfRole[r.Id].SelectMany(p => effectivePerPolicy.GetValueOrDefault(p) ?? []).Distinct().Count(),
            })],
            ActionMatches = matches,
            EffectiveGrants = grants,
        };
    }

    /// <summary>Within each group of names equal ignoring case, the one with most policies (ties: ordinal smallest) is canonical.</summary>
    private static T[] Canonicalize<T>(IReadOnlyList<T> rows, Func<T, string> name, Func<T, int> policyCount, Func<T, int, T> withCanonical)
    {
        var result = rows.ToArray();
        var ids = rows.Select((row, index) => (row, index)).ToArray();
        foreach (var group in ids.GroupBy(x => ActionName.KeyOf(name(x.row))))
        {
            var canonical = group.OrderByDescending(x => policyCount(x.row)).ThenBy(x => name(x.row), StringComparer.Ordinal).First();
            foreach (var (row, index) in group)
            {
                result[index] = withCanonical(row, canonical.index + 1);
            }
        }
        return result;
    }
}
