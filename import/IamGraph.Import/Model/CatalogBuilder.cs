using IamGraph.Catalog;

namespace IamGraph.Import.Model;

/// <summary>
/// Turns what the readers found into the catalogue to store: policy pages give policy -> action,
/// role pages give role -> policy, everything else is derived; index and detail pages are only cross-checked.
/// </summary>
public static class CatalogBuilder
{
    /// <summary>The catalogue to store: entities with ids in ordinal name order, every relation, every count.</summary>
    /// <param name="docs">What the readers found.</param>
    /// <param name="knownActions">
    /// Action names known beyond what the policy pages name (an action catalogue, say): they join the catalogue with
    /// no policies, as canonical variants and pattern matches like any other. The docs alone give none.
    /// </param>
    public static CatalogSnapshot Build(DocsCatalog docs, IEnumerable<string>? knownActions = null)
    {
        var findings = new List<Finding>();
        foreach (var note in docs.Notes)
        {
            findings.Add(new Finding(FindingCategory.Warning, note.Kind, note.Entity, note.Source.File, LineOf(note.Source), null, null, note.Message));
        }

        var policies = BuildPolicies(docs.Policies, findings);
        var actionNames = policies.SelectMany(p => p.Actions).Concat(knownActions ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var actionIds = IdsOf(actionNames);
        var serviceNames = actionNames.Select(ActionName.ServiceOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var serviceIds = IdsOf(serviceNames);
        var actionService = actionNames.Select(a => serviceIds[ActionName.ServiceOf(a)]).ToArray();

        var policyActions = new List<Link>();
        var policyServices = new List<Link>();
        foreach (var policy in policies)
        {
            foreach (var action in policy.Actions)
            {
                policyActions.Add(new Link(policy.Id, actionIds[action]));
            }
            foreach (var serviceId in policy.Actions.Select(a => actionService[actionIds[a] - 1]).Distinct().Order())
            {
                policyServices.Add(new Link(policy.Id, serviceId));
            }
        }

        var policyIdByArn = policies.ToDictionary(p => p.Page.Arn, p => p.Id, StringComparer.Ordinal);
        var roles = BuildRoles(docs.Roles, policyIdByArn, findings);
        var actionsOfPolicy = policyActions.ToLookup(l => l.LeftId, l => l.RightId);
        var rolePolicies = new List<Link>();
        var roleActions = new List<Link>();
        var roleServices = new List<Link>();
        foreach (var role in roles)
        {
            foreach (var policyId in role.PolicyIds)
            {
                rolePolicies.Add(new Link(role.Id, policyId));
            }
            var actions = role.PolicyIds.SelectMany(p => actionsOfPolicy[p]).Distinct().Order().ToArray();
            roleActions.AddRange(actions.Select(a => new Link(role.Id, a)));
            roleServices.AddRange(actions.Select(a => actionService[a - 1]).Distinct().Order().Select(s => new Link(role.Id, s)));
        }

        var servicesPerPolicy = CountBy(policyServices, l => l.LeftId);
        var rolesPerPolicy = CountBy(rolePolicies, l => l.RightId);
        var policyRows = policies.Select(p => new PolicyRow(
            p.Id, p.Page.Name, p.Page.Arn, PolicyArn.PathOf(p.Page.Arn), PolicyArn.IsAwsManaged(p.Page.Arn),
            ActionCount: p.Actions.Count,
            ServiceCount: servicesPerPolicy.GetValueOrDefault(p.Id),
            RoleCount: rolesPerPolicy.GetValueOrDefault(p.Id))).ToArray();
        var actionsPerRole = CountBy(roleActions, l => l.LeftId);
        var servicesPerRole = CountBy(roleServices, l => l.LeftId);
        var roleRows = roles.Select(r => new RoleRow(
            r.Id, r.Page.Name, r.Page.Arn, PolicyArn.PathOf(r.Page.Arn),
            PolicyCount: r.PolicyIds.Count,
            ActionCount: actionsPerRole.GetValueOrDefault(r.Id),
            ServiceCount: servicesPerRole.GetValueOrDefault(r.Id))).ToArray();

        var policiesPerAction = CountBy(policyActions, l => l.RightId);
        var rolesPerAction = CountBy(roleActions, l => l.RightId);
        var actionRows = actionNames.Select((name, i) => new ActionRow(
            i + 1, name, actionService[i], ActionName.IsWildcard(name),
            PolicyCount: policiesPerAction.GetValueOrDefault(i + 1),
            RoleCount: rolesPerAction.GetValueOrDefault(i + 1))).ToArray();

        var actionsPerService = CountBy(actionService.Select((s, i) => new Link(s, i + 1)), l => l.LeftId);
        var policiesPerService = CountBy(policyServices, l => l.RightId);
        var rolesPerService = CountBy(roleServices, l => l.RightId);
        var serviceRows = serviceNames.Select((name, i) => new ServiceRow(
            i + 1, name,
            ActionCount: actionsPerService.GetValueOrDefault(i + 1),
            PolicyCount: policiesPerService.GetValueOrDefault(i + 1),
            RoleCount: rolesPerService.GetValueOrDefault(i + 1))).ToArray();

        var snapshot = new CatalogSnapshot(
            docs.Root, docs.Layout, serviceRows, actionRows, policyRows, roleRows,
            policyActions, policyServices, rolePolicies, roleActions, roleServices, findings);
        findings.AddRange(CrossChecks.Run(docs, snapshot));
        return EffectiveGrants.Apply(snapshot);
    }

    private sealed record PolicyDraft(int Id, PolicyPage Page, IReadOnlyList<string> Actions);

    private sealed record RoleDraft(int Id, RolePage Page, IReadOnlyList<int> PolicyIds);

    private static List<PolicyDraft> BuildPolicies(IReadOnlyList<PolicyPage> pages, List<Finding> findings)
    {
        var byArn = new Dictionary<string, PolicyPage>(StringComparer.Ordinal);
        var byName = new Dictionary<string, PolicyPage>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            if (byArn.TryGetValue(page.Arn, out var other))
            {
                if (other.Name != page.Name)
                {
                    throw new ImportException(
                        $"ARN {page.Arn} is given to policy '{page.Name}' here and to policy '{other.Name}' in {other.Source}; an ARN names one policy.",
                        page.Source.File, page.Source.Line);
                }
                throw new ImportException($"Policy '{page.Name}' ({page.Arn}) is described twice: here and in {other.Source}.", page.Source.File, page.Source.Line);
            }
            byArn.Add(page.Arn, page);
            if (!byName.TryAdd(page.Name, page))
            {
                findings.Add(new Finding(FindingCategory.Warning, FindingKinds.DuplicatePolicyName, $"policy:{page.Name}", page.Source.File, LineOf(page.Source), null, null,
                    $"Two policies are named '{page.Name}': {byName[page.Name].Arn} and {page.Arn}; look them up by ARN."));
            }
        }

        // Ordered by name then ARN, so ids follow the API's default order.
        var ordered = pages.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Arn, StringComparer.Ordinal).ToArray();
        var drafts = new List<PolicyDraft>(ordered.Length);
        for (var i = 0; i < ordered.Length; i++)
        {
            var page = ordered[i];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var actions = new List<string>(page.Actions.Count);
            foreach (var row in page.Actions)
            {
                if (seen.Add(row.Value))
                {
                    actions.Add(row.Value);
                }
                else
                {
                    findings.Add(new Finding(FindingCategory.Warning, FindingKinds.DuplicateRow, $"policy:{page.Name}", row.Source.File, LineOf(row.Source), null, null,
                        $"'{row.Value}' is listed again in policy '{page.Name}'; counted once."));
                }
            }
            drafts.Add(new PolicyDraft(i + 1, page, actions));
        }
        return drafts;
    }

    private static List<RoleDraft> BuildRoles(IReadOnlyList<RolePage> pages, Dictionary<string, int> policyIdByArn, List<Finding> findings)
    {
        var byArn = new Dictionary<string, RolePage>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            if (!byArn.TryAdd(page.Arn, page))
            {
                var other = byArn[page.Arn];
                throw new ImportException(
                    other.Name == page.Name
                        ? $"Role '{page.Name}' ({page.Arn}) is described twice: here and in {other.Source}."
                        : $"ARN {page.Arn} is given to role '{page.Name}' here and to role '{other.Name}' in {other.Source}; an ARN names one role.",
                    page.Source.File, page.Source.Line);
            }
        }

        var ordered = pages.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Arn, StringComparer.Ordinal).ToArray();
        var drafts = new List<RoleDraft>(ordered.Length);
        for (var i = 0; i < ordered.Length; i++)
        {
            var page = ordered[i];
            var ids = new SortedSet<int>();
            foreach (var arn in page.PolicyArns)
            {
                if (policyIdByArn.TryGetValue(arn.Value, out var id))
                {
                    if (!ids.Add(id))
                    {
                        findings.Add(new Finding(FindingCategory.Warning, FindingKinds.DuplicateRow, $"role:{page.Name}", arn.Source.File, LineOf(arn.Source), null, null,
                            $"Policy {arn.Value} is attached to role '{page.Name}' twice; counted once."));
                    }
                }
                else
                {
                    findings.Add(new Finding(FindingCategory.Warning, FindingKinds.UnknownPolicyArn, $"role:{page.Name}", arn.Source.File, LineOf(arn.Source), null, null,
                        $"Role '{page.Name}' names policy {arn.Value}, which no policy page describes; the link is left out."));
                }
            }
            drafts.Add(new RoleDraft(i + 1, page, [.. ids]));
        }
        return drafts;
    }

    private static Dictionary<string, int> IdsOf(string[] sortedNames)
    {
        var ids = new Dictionary<string, int>(sortedNames.Length, StringComparer.Ordinal);
        for (var i = 0; i < sortedNames.Length; i++)
        {
            ids.Add(sortedNames[i], i + 1);
        }
        return ids;
    }

    private static Dictionary<int, int> CountBy(IEnumerable<Link> links, Func<Link, int> key)
    {
        var counts = new Dictionary<int, int>();
        foreach (var link in links)
        {
            var k = key(link);
            counts[k] = counts.GetValueOrDefault(k) + 1;
        }
        return counts;
    }

    internal static int? LineOf(SourceRef source) => source.Line > 0 ? source.Line : null;
}
