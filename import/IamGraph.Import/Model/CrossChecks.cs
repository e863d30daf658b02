namespace IamGraph.Import.Model;

/// <summary>
/// Compares what the index and detail pages declare with what the policy and role pages say.
/// Disagreements are findings, never errors: the policy pages stay the source of truth.
/// </summary>
internal static class CrossChecks
{
    public static IEnumerable<Finding> Run(DocsCatalog docs, CatalogSnapshot snapshot)
    {
        var policies = FirstByName(snapshot.Policies, p => p.Name);
        var actions = FirstByName(snapshot.Actions, a => a.Name);
        var services = FirstByName(snapshot.Services, s => s.Name);
        var roles = FirstByName(snapshot.Roles, r => r.Name);

        var policyRows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in docs.Policies)
        {
            policyRows.TryAdd(page.Name, page.Actions.Count);
        }
        foreach (var finding in IndexAgainstCatalog(docs.Index, policies, actions, services, roles, policyRows))
        {
            yield return finding;
        }

        foreach (var finding in SlugCollisions(docs.ActionPages.Select(p => (p.Name, p.Source)), snapshot.Actions.Select(a => a.Name), "action"))
        {
            yield return finding;
        }
        foreach (var finding in SlugCollisions(docs.ServicePages.Select(p => (p.Name, p.Source)), snapshot.Services.Select(s => s.Name), "service"))
        {
            yield return finding;
        }

        foreach (var page in docs.ActionPages)
        {
            if (actions.TryGetValue(page.Name, out var action) && Differ("action", page.Name, page.Source, "policies", page.PolicyArns.Count, action.PolicyCount) is { } f)
            {
                yield return f;
            }
        }
        foreach (var page in docs.ServicePages)
        {
            if (!services.TryGetValue(page.Name, out var service))
            {
                continue;
            }
            if (Differ("service", page.Name, page.Source, "policies", page.PolicyArns.Count, service.PolicyCount) is { } p)
            {
                yield return p;
            }
            if (Differ("service", page.Name, page.Source, "actions", page.Actions.Count, service.ActionCount) is { } a)
            {
                yield return a;
            }
        }
    }

    private static IEnumerable<Finding> IndexAgainstCatalog(
        IReadOnlyList<IndexEntry> index,
        Dictionary<string, PolicyRow> policies,
        Dictionary<string, ActionRow> actions,
        Dictionary<string, ServiceRow> services,
        Dictionary<string, RoleRow> roles,
        Dictionary<string, int> policyRows)
    {
        var listed = new HashSet<(EntityKind, string)>();
        foreach (var entry in index)
        {
            listed.Add((entry.Kind, entry.Name));
            var declared = entry.Kind switch
            {
                EntityKind.Policy when policies.TryGetValue(entry.Name, out var p) =>
                    new[] { ("roles", entry.Roles, p.RoleCount), ("services", entry.Services, p.ServiceCount), ("actions", entry.Actions, p.ActionCount) },
                EntityKind.Action when actions.TryGetValue(entry.Name, out var a) =>
                    new[] { ("roles", entry.Roles, a.RoleCount), ("policies", entry.Policies, a.PolicyCount), ("services", entry.Services, 1) },
                EntityKind.Service when services.TryGetValue(entry.Name, out var s) =>
                    new[] { ("roles", entry.Roles, s.RoleCount), ("policies", entry.Policies, s.PolicyCount), ("actions", entry.Actions, s.ActionCount) },
                EntityKind.Role when roles.TryGetValue(entry.Name, out var r) =>
                    new[] { ("policies", entry.Policies, r.PolicyCount), ("services", entry.Services, r.ServiceCount), ("actions", entry.Actions, r.ActionCount) },
                _ => null,
            };
            var entity = $"{Label(entry.Kind)}:{entry.Name}";
            if (declared is null)
            {
                yield return new Finding(FindingCategory.Discrepancy, FindingKinds.IndexEntryWithoutData, entity, entry.Source.File, CatalogBuilder.LineOf(entry.Source), null, null,
                    $"The index lists {Label(entry.Kind)} '{entry.Name}', but no policy or role page names it.");
                continue;
            }
            foreach (var (what, count, actual) in declared)
            {
                // The policy index counts a page's action rows, duplicates included: that count agrees too.
                var rowsAgree = entry.Kind == EntityKind.Policy && what == "actions" && policyRows.GetValueOrDefault(entry.Name, -1) == count;
                // An empty cell declares nothing; only numbers are compared.
                if (count is { } d && d != actual && !rowsAgree)
                {
                    yield return new Finding(FindingCategory.Discrepancy, FindingKinds.IndexCountMismatch, entity, entry.Source.File, CatalogBuilder.LineOf(entry.Source), d, actual,
                        $"The index declares {d} {what} for {Label(entry.Kind)} '{entry.Name}'; the policy{(entry.Kind == EntityKind.Role ? "" : " and role")} pages give {actual}.");
                }
            }
        }

        foreach (var (kind, names) in new (EntityKind, IEnumerable<string>)[]
        {
            (EntityKind.Policy, policies.Keys), (EntityKind.Action, actions.Keys), (EntityKind.Service, services.Keys), (EntityKind.Role, roles.Keys),
        })
        {
            // Only an index that exists can be incomplete.
            if (!index.Any(e => e.Kind == kind))
            {
                continue;
            }
            foreach (var name in names.Where(n => !listed.Contains((kind, n))))
            {
                yield return new Finding(FindingCategory.Warning, FindingKinds.MissingFromIndex, $"{Label(kind)}:{name}", null, null, null, null,
                    $"{Label(kind)} '{name}' is named by the pages but missing from the {Label(kind)} index.");
            }
        }
    }

    /// <summary>Page file names are lower-cased, so case variants share one page: every variant but the page's own lost its page.</summary>
    private static IEnumerable<Finding> SlugCollisions(IEnumerable<(string Name, SourceRef Source)> pages, IEnumerable<string> names, string label)
    {
        var pageByKey = new Dictionary<string, (string Name, SourceRef Source)>(StringComparer.OrdinalIgnoreCase);
        foreach (var page in pages)
        {
            pageByKey.TryAdd(page.Name, page);
        }
        foreach (var name in names)
        {
            if (pageByKey.TryGetValue(name, out var page) && page.Name != name)
            {
                yield return new Finding(FindingCategory.Discrepancy, FindingKinds.PageLostToSlugCollision, $"{label}:{name}", page.Source.File, null, null, null,
                    $"{label} '{name}' has no page of its own: its page name collides with '{page.Name}', which {page.Source.File} describes.");
            }
        }
    }

    private static Finding? Differ(string label, string name, SourceRef source, string what, int declared, int actual) =>
        declared == actual
            ? null
            : new Finding(FindingCategory.Discrepancy, FindingKinds.DetailPageMismatch, $"{label}:{name}", source.File, CatalogBuilder.LineOf(source), declared, actual,
                $"The page of {label} '{name}' lists {declared} {what}; the policy pages give {actual}.");

    private static Dictionary<string, T> FirstByName<T>(IEnumerable<T> rows, Func<T, string> name)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            map.TryAdd(name(row), row);
        }
        return map;
    }

    private static string Label(EntityKind kind) => kind switch
    {
        EntityKind.Policy => "policy",
        EntityKind.Action => "action",
        EntityKind.Service => "service",
        _ => "role",
    };
}
