using IamGraph.Catalog;
using IamGraph.Catalog.Entities;

namespace IamGraph.Import.Model;

/// <summary>
/// Turns what the readers found into the catalogue to store: policy pages give policy -> action,
/// role pages give role -> policy, everything else is derived; index and detail pages are only cross-checked.
/// </summary>
public static class CatalogBuilder
{
    /// <summary>The catalogue of the docs alone (and, for tests, extra action names).</summary>
    /// <param name="docs">What the docs readers found.</param>
    /// <param name="knownActions">
    /// Action names known beyond what the policy pages name: they join the catalogue with no policies, as canonical
    /// variants and pattern matches like any other.
    /// </param>
    public static CatalogSnapshot Build(DocsCatalog docs, IEnumerable<string>? knownActions = null) =>
        Build(new CatalogSources(docs), knownActions);

    /// <summary>The catalogue to store: entities with ids in ordinal name order, every relation, every count.</summary>
    public static CatalogSnapshot Build(CatalogSources sources, IEnumerable<string>? knownActions = null)
    {
        if (sources.Accounts is { Count: > 0 })
        {
            return AccountCatalog.Build(sources, knownActions);
        }
        return Build(sources, knownActions, new Dictionary<string, string>(StringComparer.Ordinal));
    }

    /// <summary>The catalogue to store, handing each part over to <paramref name="parts"/> as soon as it is final, the whole last.</summary>
    internal static CatalogSnapshot Build(CatalogSources sources, CatalogParts parts)
    {
        // Accounts add to the catalogue after the public model (AccountCatalog): their catalogue is handed over whole.
        var whole = sources.Accounts is { Count: > 0 }
            ? AccountCatalog.Build(sources, null)
            : Build(sources, null, new Dictionary<string, string>(StringComparer.Ordinal), parts);
        parts.WholeFinal(whole);
        return whole;
    }

    /// <summary>
    /// The catalogue with the accounts' policies in it (<paramref name="accountOf"/>: ARN -> account of every customer-managed
    /// and inline policy). The public layer is what the public sources alone give: the accounts' strings add no action or
    /// service, their links count in no stored count, their canonical spellings are the public policies'; an account
    /// policy links to the public action rows its strings spell exactly, and is evaluated over the public universe.
    /// </summary>
    internal static CatalogSnapshot Build(
        CatalogSources sources, IEnumerable<string>? knownActions, IReadOnlyDictionary<string, string> accountOf, CatalogParts? parts = null)
    {
        var docs = sources.Docs ?? DocsCatalog.Empty(sources.Describe());
        var findings = new List<Finding>();
        foreach (var note in docs.Notes.Concat(sources.ManagedPolicies?.Notes ?? []).Concat(sources.ActionCatalog?.Notes ?? []))
        {
            findings.Add(new Finding(FindingCategory.Warning, note.Kind, note.Entity, note.Source.File, LineOf(note.Source), null, null, note.Message));
        }

        // The cross-checks are the docs against themselves: with documents or a catalogue beside them, they compare
        // the docs' index with what the docs' own pages give, not with what the packages add. That docs-only catalogue
        // depends on the docs alone, so it is built beside the full one rather than after it.
        var docsOnly = sources.ManagedPolicies is null && sources.ActionCatalog is null
            ? null
            : Task.Run(() => CrossChecks.Run(docs, Rows(docs, null, null, null, [], accountOf).Snapshot).ToList());

        // The versions and statements need only the policies' ids: they are worked out, and handed to a writer, while the
        // actions are still collected and numbered.
        Task<VersionRows>? versionRows = null;
        var (snapshot, policies, actionIds, serviceIds) = Rows(docs, sources.ManagedPolicies, sources.ActionCatalog, knownActions, findings, accountOf, built => versionRows = Task.Run(() =>
        {
            var rows = PolicyDocumentRows.Versions(built);
            parts?.VersionsFinal(rows);
            return rows;
        }));

        // What follows is independent computations, run side by side (the stored documents' rows are the largest):
        // each keeps its own findings, added in the order they always had.
        // Those two parts are final as they are: a writer may store them while the rest is worked out.
        var documents = Task.Run(() =>
        {
            var withDocuments = PolicyDocumentRows.Add(snapshot, Await(versionRows!), policies, actionIds);
            parts?.DocumentsFinal(withDocuments);
            return withDocuments;
        });
        var catalogRows = Task.Run(() =>
        {
            var withActionCatalog = ActionCatalogRows.Add(snapshot, sources.ActionCatalog, actionIds, serviceIds);
            parts?.ActionCatalogFinal(withActionCatalog);
            return withActionCatalog;
        });
        var crossChecks = docsOnly ?? Task.Run(() => CrossChecks.Run(docs, snapshot).ToList());
        var evaluationFindings = new List<Finding>();
        var catalog = EffectiveGrants.Apply(
            snapshot with { Source = sources.Describe() }, policies, sources.ActionCatalog?.Services.SelectMany(s => s.Actions).Select(a => a.Name) ?? [], knownActions, evaluationFindings, accountOf);
        findings.AddRange(Await(crossChecks));
        findings.AddRange(evaluationFindings);
        var rows = Await(documents);
        var actionCatalog = Await(catalogRows);
        return catalog with
        {
            PolicyVersions = rows.PolicyVersions,
            Statements = rows.Statements,
            StatementActions = rows.StatementActions,
            ResourceTypes = actionCatalog.ResourceTypes,
            ConditionKeys = actionCatalog.ConditionKeys,
            ActionResourceTypes = actionCatalog.ActionResourceTypes,
            ActionConditionKeys = actionCatalog.ActionConditionKeys,
            ActionDependencies = actionCatalog.ActionDependencies,
        };
    }

    /// <summary>The task's result, or its own exception, not an AggregateException.</summary>
    private static T Await<T>(Task<T> task) => task.GetAwaiter().GetResult();

    /// <summary>The entities, their links and counts; the action catalogue's own rows are left to <see cref="ActionCatalogRows"/>.</summary>
    /// <param name="policiesBuilt">Told the policies as soon as they have their ids, before the actions are collected.</param>
    private static (CatalogSnapshot Snapshot, List<PolicyDraft> Policies, Dictionary<string, int> ActionIds, Dictionary<string, int> ServiceIds) Rows(
        DocsCatalog docs, ManagedPolicySource? managed, ActionCatalogSource? catalog, IEnumerable<string>? knownActions, List<Finding> findings,
        IReadOnlyDictionary<string, string> accountOf, Action<List<PolicyDraft>>? policiesBuilt = null)
    {
        var policies = BuildPolicies(docs.Policies, managed?.Policies ?? [], findings, accountOf);
        policiesBuilt?.Invoke(policies);
        var catalogActions = catalog?.Services.SelectMany(s => s.Actions).ToArray() ?? [];
        // Every string any public source names has a row, even a docs row its policy's document no longer names: the
        // universe knows it, so its canonical action must be there to point at. Accounts' strings add none (issue 13).
        var actionNames = policies.Where(p => !accountOf.ContainsKey(p.Arn)).SelectMany(p => p.Named)
            .Concat(catalogActions.Select(a => a.Name))
            .Concat(catalogActions.SelectMany(a => a.DependentActions.Concat(a.ResourceTypes.SelectMany(r => r.DependentActions))))
            .Concat(knownActions ?? [])
            .Where(a => a.Length > 0)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var actionIds = IdsOf(actionNames);
        var serviceNames = actionNames.Select(ActionName.ServiceOf).Concat(catalog?.Services.Select(s => s.Prefix) ?? [])
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var serviceIds = IdsOf(serviceNames);
        var actionService = new int[actionNames.Length];
        for (var i = 0; i < actionNames.Length; i++)
        {
            actionService[i] = serviceIds[ActionName.ServiceOf(actionNames[i])];
        }

        var policyActions = new List<Link>();
        var policyServices = new List<Link>();
        // The stored counts of public rows count public policies only; a caller who sees accounts gets their share at query time.
        var publicPolicyActions = new List<Link>();
        var publicPolicyServices = new List<Link>();
        foreach (var policy in policies)
        {
            // Every string of a public policy has its row; an account policy's string links only to a row spelled exactly so.
            var linked = policy.Actions.Where(actionIds.ContainsKey).ToArray();
            var isPublic = !accountOf.ContainsKey(policy.Arn);
            foreach (var action in linked)
            {
                policyActions.Add(new Link(policy.Id, actionIds[action]));
                if (isPublic)
                {
                    publicPolicyActions.Add(policyActions[^1]);
                }
            }
            // Its services, each once, ascending: sorted ints, not LINQ's Select to int, which was JIT-compiled cold.
            var serviceIdsOfPolicy = new int[linked.Length];
            for (var i = 0; i < linked.Length; i++)
            {
                serviceIdsOfPolicy[i] = actionService[actionIds[linked[i]] - 1];
            }
            Array.Sort(serviceIdsOfPolicy);
            for (var i = 0; i < serviceIdsOfPolicy.Length; i++)
            {
                var serviceId = serviceIdsOfPolicy[i];
                if (i > 0 && serviceId == serviceIdsOfPolicy[i - 1])
                {
                    continue;
                }
                policyServices.Add(new Link(policy.Id, serviceId));
                if (isPublic)
                {
                    publicPolicyServices.Add(policyServices[^1]);
                }
            }
        }
        var actionsPerPolicy = CountBy(policyActions, l => l.LeftId);

        var policyIdByArn = policies.ToDictionary(p => p.Arn, p => p.Id, StringComparer.Ordinal);
        var roles = BuildRoles(docs.Roles, policyIdByArn, findings);
        // Only roles need it (the packages bring none): no lookup of 55,000 links for nothing.
        var actionsOfPolicy = roles.Count == 0 ? null : policyActions.ToLookup(l => l.LeftId, l => l.RightId);
        var rolePolicies = new List<Link>();
        var roleActions = new List<Link>();
        var roleServices = new List<Link>();
        foreach (var role in roles)
        {
            foreach (var policyId in role.PolicyIds)
            {
                rolePolicies.Add(new Link(role.Id, policyId));
            }
            var actions = role.PolicyIds.SelectMany(p => actionsOfPolicy![p]).Distinct().Order().ToArray();
            roleActions.AddRange(actions.Select(a => new Link(role.Id, a)));
            roleServices.AddRange(actions.Select(a => actionService[a - 1]).Distinct().Order().Select(s => new Link(role.Id, s)));
        }

        var servicesPerPolicy = CountBy(policyServices, l => l.LeftId);
        var rolesPerPolicy = CountBy(rolePolicies, l => l.RightId);
        var policyRows = policies.Select(p => new PolicyRow(
            p.Id, p.Name, p.Arn, PolicyArn.PathOf(p.Arn), PolicyArn.IsAwsManaged(p.Arn),
            ActionCount: actionsPerPolicy.GetValueOrDefault(p.Id),
            ServiceCount: servicesPerPolicy.GetValueOrDefault(p.Id),
            RoleCount: rolesPerPolicy.GetValueOrDefault(p.Id))
        {
            DefaultVersionId = p.Managed?.DefaultVersionId,
            CreatedAt = p.Managed?.CreatedAt,
            UpdatedAt = p.Managed?.UpdatedAt,
            Sources = (p.Page is null ? PolicySources.None : PolicySources.Docs) | (p.Managed is null ? PolicySources.None : PolicySources.ManagedPolicies),
        }).ToArray();
        var actionsPerRole = CountBy(roleActions, l => l.LeftId);
        var servicesPerRole = CountBy(roleServices, l => l.LeftId);
        var roleRows = roles.Select(r => new RoleRow(
            r.Id, r.Page.Name, r.Page.Arn, PolicyArn.PathOf(r.Page.Arn),
            PolicyCount: r.PolicyIds.Count,
            ActionCount: actionsPerRole.GetValueOrDefault(r.Id),
            ServiceCount: servicesPerRole.GetValueOrDefault(r.Id))).ToArray();

        var catalogByKey = new Dictionary<string, CatalogActionEntry>(StringComparer.Ordinal);
        foreach (var entry in catalogActions)
        {
            catalogByKey.TryAdd(ActionName.KeyOf(entry.Name), entry);
        }
        var policiesPerAction = CountBy(publicPolicyActions, l => l.RightId);
        var rolesPerAction = CountBy(roleActions, l => l.RightId);
        var actionRows = actionNames.Select((name, i) =>
        {
            var entry = ActionName.IsWildcard(name) ? null : catalogByKey.GetValueOrDefault(ActionName.KeyOf(name));
            return new ActionRow(
                i + 1, name, actionService[i], ActionName.IsWildcard(name),
                PolicyCount: policiesPerAction.GetValueOrDefault(i + 1),
                RoleCount: rolesPerAction.GetValueOrDefault(i + 1))
            {
                InCatalog = entry is not null,
                AccessLevel = entry is null ? AccessLevels.None : ActionCatalogRows.LevelsOf(entry.AccessLevels),
                Description = entry?.Description,
            };
        }).ToArray();

        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var service in catalog?.Services ?? [])
        {
            if (service.Name is { } title)
            {
                titles.TryAdd(ActionName.KeyOf(service.Prefix), title);
            }
        }
        var actionsPerService = CountBy(actionService.Select((s, i) => new Link(s, i + 1)), l => l.LeftId);
        var policiesPerService = CountBy(publicPolicyServices, l => l.RightId);
        var rolesPerService = CountBy(roleServices, l => l.RightId);
        var serviceRows = serviceNames.Select((name, i) => new ServiceRow(
            i + 1, name,
            ActionCount: actionsPerService.GetValueOrDefault(i + 1),
            PolicyCount: policiesPerService.GetValueOrDefault(i + 1),
            RoleCount: rolesPerService.GetValueOrDefault(i + 1))
        {
            Title = titles.GetValueOrDefault(ActionName.KeyOf(name)),
        }).ToArray();

        var snapshot = new CatalogSnapshot(
            docs.Root, docs.Layout, serviceRows, actionRows, policyRows, roleRows,
            policyActions, policyServices, rolePolicies, roleActions, roleServices, findings);
        return (snapshot, policies, actionIds, serviceIds);
    }

    /// <summary>A policy as the sources give it: its docs page, its managed-policy entry, or both (joined on ARN).</summary>
    /// <param name="Actions">The strings it names: its default version's (Action and NotAction) when it has a document, else the docs' rows.</param>
    /// <param name="Named">Every string the policy names in any source (its docs rows, Action and NotAction of every stored version), each spelling once.</param>
    /// <param name="DefaultVersion">Its default version, when the package stores it.</param>
    internal sealed record PolicyDraft(
        int Id, string Name, string Arn, IReadOnlyList<string> Actions, IReadOnlyList<string> Named, PolicyPage? Page, ManagedPolicyEntry? Managed, PolicyVersionEntry? DefaultVersion)
    {
        public string Entity => $"policy:{Name}";
    }

    private sealed record RoleDraft(int Id, RolePage Page, IReadOnlyList<int> PolicyIds);

    /// <summary>A policy's ARN with its docs page and managed-policy entry, either possibly missing, and the name it goes by.</summary>
    private sealed record JoinedPolicy(string Arn, PolicyPage? Page, ManagedPolicyEntry? Managed, string Name)
    {
        public static int ByNameThenArn(JoinedPolicy a, JoinedPolicy b)
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : string.CompareOrdinal(a.Arn, b.Arn);
        }
    }

    private static List<PolicyDraft> BuildPolicies(
        IReadOnlyList<PolicyPage> pages, IReadOnlyList<ManagedPolicyEntry> managed, List<Finding> findings, IReadOnlyDictionary<string, string> accountOf)
    {
        var byArn = new Dictionary<string, PolicyPage>(StringComparer.Ordinal);
        // Per owner (public, then per account), the first ARN of each name: an account's policies clash with the public ones and
        // its own, never with another account's (a finding naming both would tell each about the other). Dictionaries keyed by
        // string: one keyed by a tuple had its comparer JIT-compiled in every cold import.
        var publicByName = new Dictionary<string, string>(StringComparer.Ordinal);
        var accountByName = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
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
        }
        var managedByArn = new Dictionary<string, ManagedPolicyEntry>(StringComparer.Ordinal);
        foreach (var entry in managed)
        {
            if (!managedByArn.TryAdd(entry.Arn, entry))
            {
                throw new ImportException(
                    $"ARN {entry.Arn} is given to policy '{entry.Name}' here and to policy '{managedByArn[entry.Arn].Name}' in {managedByArn[entry.Arn].Source}; an ARN names one policy.",
                    entry.Source.File, entry.Source.Line);
            }
        }

        // One policy per ARN, ordered by name then ARN, so ids follow the API's default order. Records sorted in place, not
        // LINQ over tuples: generic code over a value type of ours is not in the ReadyToRun image and was JIT-compiled cold.
        var joined = new List<JoinedPolicy>(byArn.Count + managedByArn.Count);
        foreach (var (arn, page) in byArn)
        {
            var entry = managedByArn.GetValueOrDefault(arn);
            joined.Add(new JoinedPolicy(arn, page, entry, entry?.Name ?? page.Name));
        }
        foreach (var (arn, entry) in managedByArn)
        {
            if (!byArn.ContainsKey(arn))
            {
                joined.Add(new JoinedPolicy(arn, null, entry, entry.Name));
            }
        }
        // ARNs are unique, so no two policies compare equal: the unstable sort gives the one order.
        joined.Sort(JoinedPolicy.ByNameThenArn);
        // The public policies' names first, so an account's policy that sorts before a public one of its name is still reported.
        foreach (var policy in joined)
        {
            if (!accountOf.ContainsKey(policy.Arn))
            {
                publicByName.TryAdd(policy.Name, policy.Arn);
            }
        }
        // Each version's strings, read once: for the policy's actions, the action rows, the universe and the cross-check.
        // Independent per policy, so worked out on both cores; the loop below stays in order.
        // So is the union of a policy's versions' strings (ReadOnlyAccess: 151 versions of ~2,000 strings).
        var namedOfVersions = new (PolicyVersionEntry Version, IReadOnlyList<string> Named)[joined.Count][];
        var namedByAnyVersion = new string[joined.Count][];
        Parallel.For(0, joined.Count, i =>
        {
            namedOfVersions[i] = (joined[i].Managed?.Versions ?? []).Select(v => (Version: v, Named: PolicyVersionDiff.NamedActions(v.Statements))).ToArray();
            namedByAnyVersion[i] = namedOfVersions[i].Length == 1 ? [.. namedOfVersions[i][0].Named] : [.. namedOfVersions[i].SelectMany(v => v.Named).Distinct(StringComparer.Ordinal)];
        });
        var drafts = new List<PolicyDraft>(joined.Count);
        foreach (var (arn, page, entry, name) in joined)
        {
            var where = page?.Source ?? entry!.Source;
            var owner = accountOf.GetValueOrDefault(arn);
            if ((publicByName.TryGetValue(name, out var first) && first != arn)
                || (owner is not null && accountByName.TryGetValue(owner, out var ownNames) && ownNames.TryGetValue(name, out first)))
            {
                findings.Add(new Finding(FindingCategory.Warning, FindingKinds.DuplicatePolicyName, $"policy:{name}", where.File, LineOf(where), null, null,
                    $"Two policies are named '{name}': {first} and {arn}; look them up by ARN.")
                { AccountId = owner });
            }
            else if (owner is not null)
            {
                if (!accountByName.TryGetValue(owner, out var names))
                {
                    accountByName[owner] = names = new Dictionary<string, string>(StringComparer.Ordinal);
                }
                names.Add(name, arn);
            }

            var docsActions = page is null ? [] : DocsActions(page, findings);
            var versions = namedOfVersions[drafts.Count];
            var current = versions.FirstOrDefault(v => v.Version.VersionId == entry!.DefaultVersionId);
            // The docs' strings first, then the versions' others, each in its first place.
            var named = docsActions.Count == 0 ? namedByAnyVersion[drafts.Count] : [.. docsActions.Concat(namedByAnyVersion[drafts.Count]).Distinct(StringComparer.Ordinal)];
            // A policy whose default version is not stored (the reader notes it) keeps the docs' strings, if any.
            var draft = new PolicyDraft(drafts.Count + 1, name, arn, current.Version is null ? docsActions : current.Named, named, page, entry, current.Version);
            if (current.Version is not null && page is not null)
            {
                CompareDocsWithDocument(draft, docsActions, versions, findings);
            }
            drafts.Add(draft);
        }
        return drafts;
    }

    /// <summary>The docs' rows of a policy page, each string once.</summary>
    private static List<string> DocsActions(PolicyPage page, List<Finding> findings)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var actions = new List<string>(page.Actions.Count);
        // Indexed, not enumerated: an enumerator over a list of Sourced<string> (a struct of ours) was JIT-compiled cold.
        for (var i = 0; i < page.Actions.Count; i++)
        {
            var row = page.Actions[i];
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
        return actions;
    }

    /// <summary>The docs list a policy's strings; its document is the truth. Where they differ, say which stored version the docs show, if any.</summary>
    private static void CompareDocsWithDocument(
        PolicyDraft policy, List<string> docsActions, (PolicyVersionEntry Version, IReadOnlyList<string> Named)[] versions, List<Finding> findings)
    {
        var docsSet = docsActions.ToHashSet(StringComparer.Ordinal);
        if (docsSet.SetEquals(policy.Actions))
        {
            return;
        }
        var shown = versions.OrderByDescending(v => v.Version.Number).FirstOrDefault(v => docsSet.SetEquals(v.Named)).Version;
        var current = policy.DefaultVersion!;
        var page = policy.Page!;
        var message = shown is not null
            ? $"The docs show the actions of {shown.VersionId} of policy '{policy.Name}'; its default version is {current.VersionId}."
            : $"The docs list {docsSet.Count} action strings for policy '{policy.Name}', no stored version names exactly those; its default version {current.VersionId} names {policy.Actions.Count}.";
        findings.Add(new Finding(FindingCategory.Discrepancy, FindingKinds.DocsDifferFromDocument, policy.Entity, page.Source.File, LineOf(page.Source),
            docsSet.Count, policy.Actions.Count, message));
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
