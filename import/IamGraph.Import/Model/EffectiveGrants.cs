using IamGraph.Catalog;
using IamGraph.Catalog.Entities;

namespace IamGraph.Import.Model;

/// <summary>
/// Reads the catalogue as IAM would, over one <see cref="ActionUniverse"/> (the catalogue's actions and every concrete
/// string any public policy names, merged ignoring case; accounts' policies are read over it, never extend it):
/// <list type="bullet">
/// <item>A concrete action's canonical row is the universe's spelling (the catalogue's, else the one most policies
/// write); a pattern's is the case variant most policies write (ties: ordinal smallest). Services likewise.</item>
/// <item>A policy with a document grants what <see cref="PolicyEvaluator"/> says of its default version (Deny,
/// NotAction, limits); a policy known only from the docs grants every action its strings match, with no word on
/// limits (<see cref="Grant.Unrestricted"/> null).</item>
/// </list>
/// </summary>
internal static class EffectiveGrants
{
    public static CatalogSnapshot Apply(
        CatalogSnapshot catalog, IReadOnlyList<CatalogBuilder.PolicyDraft> policies, IEnumerable<string> catalogActions, IEnumerable<string>? knownActions, List<Finding> findings,
        IReadOnlyDictionary<string, string> accountOf)
    {
        // Accounts do not extend the universe: an account's strings neither add actions nor vote on canonical spellings.
        var universe = ActionUniverse.Build(catalogActions, policies.Where(p => !accountOf.ContainsKey(p.Arn)).Select(p => p.Named).Append(knownActions ?? []));

        var services = Canonicalize(catalog.Services, s => s.Name, s => s.PolicyCount, (s, id) => s with { CanonicalId = id });
        var rowIdByName = new Dictionary<string, int>(catalog.Actions.Count, StringComparer.Ordinal);
        foreach (var action in catalog.Actions)
        {
            rowIdByName.Add(action.Name, action.Id);
        }
        var rowOfUniverse = new int[universe.Count];
        for (var id = 0; id < universe.Count; id++)
        {
            rowOfUniverse[id] = rowIdByName[universe.NameOf(id)];
        }
        var patterns = Canonicalize(catalog.Actions, a => a.Name, a => a.PolicyCount, (a, id) => a with { CanonicalId = id });
        var actions = catalog.Actions
            .Select(a => a.IsWildcard ? patterns[a.Id - 1] : a with { CanonicalId = universe.TryGetId(a.Name, out var id) ? rowOfUniverse[id] : a.Id })
            .ToArray();

        var matchesOf = new int[actions.Length][];
        var matches = new List<Link>();
        foreach (var action in actions)
        {
            var covered = universe.Match(action.Name);
            var rows = new int[covered.Length];
            for (var i = 0; i < covered.Length; i++)
            {
                rows[i] = rowOfUniverse[covered[i]];
            }
            Array.Sort(rows);
            matchesOf[action.Id - 1] = rows;
            foreach (var row in rows)
            {
                matches.Add(new Link(action.Id, row));
            }
        }

        var grants = new List<Grant>();
        var grantedBy = new int[actions.Length + 1];
        var effectivePerPolicy = new Dictionary<int, int[]>();
        var evaluator = new PolicyEvaluator(universe);
        foreach (var policy in policies)
        {
            var first = grants.Count;
            var account = accountOf.GetValueOrDefault(policy.Arn);
            // An account's string without a public row is reported once, as such, instead of as matching nothing or missing from AWS's catalogue.
            var unknown = account is null ? [] : policy.Named.Where(n => n.Length > 0 && !rowIdByName.ContainsKey(n)).ToHashSet(StringComparer.Ordinal);
            if (account is not null)
            {
                var where = policy.Managed?.Source ?? policy.DefaultVersion?.Source;
                foreach (var name in policy.Named.Where(unknown.Contains))
                {
                    var matched = universe.Match(name).Length;
                    findings.Add(new Finding(FindingCategory.Warning, FindingKinds.ActionUnknownToCatalogue, policy.Entity, where?.File, where is { } w ? CatalogBuilder.LineOf(w) : null, null, null,
                        $"'{name}' is written so by no public source (AWS's catalogue, the managed policies, the docs); accounts do not add actions, so it stays in "
                        + $"the policy's document and is read over the public actions: it matches {matched}.")
                    { AccountId = account });
                }
            }
            if (policy.DefaultVersion is { } document)
            {
                var evaluation = evaluator.Evaluate(document.Statements);
                if (account is not null)
                {
                    evaluation = evaluation with
                    {
                        MatchingNothing = [.. evaluation.MatchingNothing.Where(n => !unknown.Contains(n))],
                        NotInCatalog = [.. evaluation.NotInCatalog.Where(n => !unknown.Contains(n))],
                    };
                }
                findings.AddRange(evaluation.Findings(policy.Entity, document.Source).Select(f => f with { AccountId = account }));
                // In row order; rows of distinct universe ids are distinct, so an unstable sort by row is the order.
                var byRow = new Grant[evaluation.Grants.Count];
                var rowOf = new int[byRow.Length];
                for (var i = 0; i < byRow.Length; i++)
                {
                    var grant = evaluation.Grants[i];
                    rowOf[i] = rowOfUniverse[grant.ActionId];
                    byRow[i] = new Grant(policy.Id, rowOf[i], grant.Via) { Unrestricted = grant.Unrestricted, Limits = grant.Limits };
                }
                Array.Sort(rowOf, byRow);
                grants.AddRange(byRow);
            }
            else
            {
                var via = new Dictionary<int, List<string>>();
                foreach (var name in policy.Actions)
                {
                    if (!rowIdByName.TryGetValue(name, out var row))
                    {
                        continue;
                    }
                    foreach (var id in matchesOf[row - 1])
                    {
                        if (!via.TryGetValue(id, out var names))
                        {
                            via[id] = names = [];
                        }
                        names.Add(name);
                    }
                }
                // By action id. Sorted once here rather than kept in a SortedDictionary: its tree comparer over (int, list) pairs is
                // not in the composite image, so a cold import JIT-compiled it, and it was the hottest code of the docs-only grants.
                var actionIds = new int[via.Count];
                via.Keys.CopyTo(actionIds, 0);
                Array.Sort(actionIds);
                foreach (var actionId in actionIds)
                {
                    var names = via[actionId];
                    names.Sort(StringComparer.Ordinal);
                    grants.Add(new Grant(policy.Id, actionId, names));
                }
            }
            var granted = new int[grants.Count - first];
            for (var i = first; i < grants.Count; i++)
            {
                granted[i - first] = grants[i].ActionId;
                if (account is null)
                {
                    grantedBy[grants[i].ActionId]++;
                }
            }
            effectivePerPolicy[policy.Id] = granted;
        }

        var policiesOfRole = catalog.RolePolicies.ToLookup(l => l.LeftId, l => l.RightId);
        return catalog with
        {
            Services = services,
            Actions = [.. actions.Select(a => a with { GrantedByCount = grantedBy[a.Id], MatchCount = matchesOf[a.Id - 1].Length })],
            Policies = [.. catalog.Policies.Select(p => p with { EffectiveActionCount = effectivePerPolicy.GetValueOrDefault(p.Id)?.Length ?? 0 })],
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
        // One pass keeps each group's best row so far; a second points every row at it.
        var keys = new string[rows.Count];
        var best = new Dictionary<string, int>(rows.Count, StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            keys[i] = ActionName.KeyOf(name(rows[i]));
            ref var index = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(best, keys[i], out var exists);
            if (!exists || Better(rows[i], rows[index]))
            {
                index = i;
            }
        }
        var result = new T[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            result[i] = withCanonical(rows[i], best[keys[i]] + 1);
        }
        return result;

        bool Better(T candidate, T current)
        {
            int candidateCount = policyCount(candidate), currentCount = policyCount(current);
            return candidateCount != currentCount ? candidateCount > currentCount : string.CompareOrdinal(name(candidate), name(current)) < 0;
        }
    }
}
