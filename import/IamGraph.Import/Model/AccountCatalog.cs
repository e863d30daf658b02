using System.Numerics;
using System.Text.Json;

using IamGraph.Catalog;
using IamGraph.Catalog.Entities;

namespace IamGraph.Import.Model;

/// <summary>A user, group or account role as stored; <paramref name="MemberCount"/> is a user's groups or a group's users.</summary>
public sealed record PrincipalRow(
    int Id, PrincipalKind Kind, string Name, string Arn, string Path, string AccountId, string? UniqueId, DateTimeOffset? CreatedAt, string? Tags,
    int? PermissionsBoundaryId, bool Incomplete, int PolicyCount, int MemberCount, int EffectiveActionCount, string? TrustPolicy);

/// <summary>A principal holds a policy: attached, inline, or (a user) through a group.</summary>
public sealed record PrincipalPolicyRow(int Id, PrincipalKind Kind, int PrincipalId, int PolicyId, PolicyAttachment Attachment, int? GroupId, string AccountId);

public sealed record RoleTrustRow(int Id, int RoleId, TrustedEntityType Type, string Value, string AccountId);

/// <summary>The rows issue 10 adds; account roles are <see cref="CatalogSnapshot.Roles"/> with <see cref="RoleRow.Account"/>.</summary>
/// <param name="UserGroups">(user id, group id).</param>
/// <param name="PolicyDenials">(policy id, action id) its unconditional Deny statements remove.</param>
public sealed record AccountRows(
    IReadOnlyList<PrincipalRow> Users,
    IReadOnlyList<PrincipalRow> Groups,
    IReadOnlyList<Link> UserGroups,
    IReadOnlyList<PrincipalPolicyRow> PrincipalPolicies,
    IReadOnlyList<RoleTrustRow> RoleTrusts,
    IReadOnlyList<Link> PolicyDenials)
{
    public static AccountRows Empty { get; } = new([], [], [], [], [], []);
}

/// <summary>The finding kinds of account files.</summary>
public static class AccountFindingKinds
{
    /// <summary>A principal names a managed policy (attached, or as its permissions boundary) that no source has: its answers are incomplete.</summary>
    public const string AttachedPolicyMissing = "attached-policy-missing";

    /// <summary>A user's <c>GroupList</c> names a group the file does not describe: its answers are incomplete.</summary>
    public const string GroupMissing = "group-missing";
}

/// <summary>
/// Issue 10: the accounts' policies join the others (AWS-managed ones merge with the package's by ARN, versions by id, the
/// file's document and default version winning; customer-managed and inline policies become policies of their account,
/// evaluated like any other), then principals link to them. Nothing per principal and action is stored: a principal's
/// effective actions are its policies' grants, minus its policies' unconditional Denies, within its boundary's grants,
/// answered at query time; only their count is stored here, computed by the same rule.
/// </summary>
public static class AccountCatalog
{
    /// <summary>The marker between a principal's ARN and an inline policy's name in the inline policy's ARN.</summary>
    public const string InlineMarker = "#inline/";

    public static CatalogSnapshot Build(CatalogSources sources, IEnumerable<string>? knownActions)
    {
        var accounts = sources.Accounts ?? [];
        var (merged, origins, entries) = MergePolicies(sources.ManagedPolicies, accounts);
        var accountOf = origins.Where(o => o.Value.AccountId is not null).ToDictionary(o => o.Key, o => o.Value.AccountId!, StringComparer.Ordinal);
        var snapshot = CatalogBuilder.Build(sources with { ManagedPolicies = merged, Accounts = null }, knownActions, accountOf);
        // The import run names the public sources only: an account file's name is no caller's business but its account's.
        return Add(snapshot with { Source = (sources with { Accounts = null }).Describe() }, accounts, origins, entries);
    }

    private sealed record Origin(PolicyKind Kind, string? AccountId, bool InPackage, bool InAccount);

    private static (ManagedPolicySource Merged, Dictionary<string, Origin> Origins, Dictionary<string, ManagedPolicyEntry> Entries) MergePolicies(
        ManagedPolicySource? managed, IReadOnlyList<AccountSource> accounts)
    {
        var entries = new Dictionary<string, ManagedPolicyEntry>(StringComparer.Ordinal);
        var origins = new Dictionary<string, Origin>(StringComparer.Ordinal);
        foreach (var entry in managed?.Policies ?? [])
        {
            entries[entry.Arn] = entry;
            origins[entry.Arn] = new Origin(PolicyArn.IsAwsManaged(entry.Arn) ? PolicyKind.AwsManaged : PolicyKind.CustomerManaged, null, true, false);
        }
        foreach (var account in accounts)
        {
            foreach (var entry in account.Policies)
            {
                if (PolicyArn.IsAwsManaged(entry.Arn))
                {
                    entries[entry.Arn] = entries.TryGetValue(entry.Arn, out var known) ? MergeVersions(known, entry) : entry;
                    origins[entry.Arn] = (origins.GetValueOrDefault(entry.Arn) ?? new Origin(PolicyKind.AwsManaged, null, false, true)) with { InAccount = true };
                    continue;
                }
                if (origins.TryGetValue(entry.Arn, out var other) && other.InAccount)
                {
                    throw new ImportException($"customer-managed policy {entry.Arn} is given by two account files (also {entries[entry.Arn].Source}); expected each account once", entry.Source.File, entry.Source.Line);
                }
                entries[entry.Arn] = entry;
                origins[entry.Arn] = new Origin(PolicyKind.CustomerManaged, account.AccountId, other?.InPackage ?? false, true);
            }
            foreach (var principal in account.Principals)
            {
                foreach (var inline in principal.InlinePolicies)
                {
                    var arn = principal.Arn + InlineMarker + inline.Name;
                    entries[arn] = new ManagedPolicyEntry(inline.Name, arn, inline.Document.VersionId, null, null, [inline.Document], principal.Source);
                    origins[arn] = new Origin(PolicyKind.Inline, account.AccountId, false, true);
                }
            }
        }
        // The accounts' notes become findings of their accounts (Add), not public ones.
        var notes = (managed?.Notes ?? []).ToArray();
        return (new ManagedPolicySource(managed?.Source ?? string.Join("; ", accounts.Select(a => a.Source)), [.. entries.Values], notes), origins, entries);
    }

    /// <summary>The package's policy with the file's versions merged in by id: the file's document wins, the file's default is the default.</summary>
    private static ManagedPolicyEntry MergeVersions(ManagedPolicyEntry known, ManagedPolicyEntry file)
    {
        var versions = known.Versions.ToDictionary(v => v.VersionId, StringComparer.Ordinal);
        foreach (var version in file.Versions)
        {
            versions[version.VersionId] = version;
        }
        return known with
        {
            DefaultVersionId = file.DefaultVersionId,
            CreatedAt = file.CreatedAt ?? known.CreatedAt,
            UpdatedAt = file.UpdatedAt ?? known.UpdatedAt,
            Versions = [.. versions.Values.OrderBy(v => v.Number)],
        };
    }

    private static CatalogSnapshot Add(CatalogSnapshot snapshot, IReadOnlyList<AccountSource> accounts, Dictionary<string, Origin> origins, Dictionary<string, ManagedPolicyEntry> entries)
    {
        var findings = snapshot.Findings
            .Where(f => !(f.Kind == FindingKinds.DuplicatePolicyName && f.Message.Contains(InlineMarker, StringComparison.Ordinal)))
            .ToList();
        foreach (var account in accounts)
        {
            findings.AddRange(account.Notes.Select(note =>
                new Finding(FindingCategory.Warning, note.Kind, note.Entity, note.Source.File, CatalogBuilder.LineOf(note.Source), null, null, note.Message) { AccountId = account.AccountId }));
        }
        var policies = snapshot.Policies.Select(p => origins.TryGetValue(p.Arn, out var origin)
            ? p with
            {
                Kind = origin.Kind,
                AccountId = origin.AccountId,
                Path = origin.Kind == PolicyKind.Inline ? "/" : p.Path,
                // An AWS-managed policy the package has does not say that some account's file carries it too.
                Sources = (p.Sources & PolicySources.Docs) | (origin.InPackage ? PolicySources.ManagedPolicies : 0)
                    | (origin.InAccount && !(origin.InPackage && origin.AccountId is null) ? PolicySources.Account : 0),
            }
            : p).ToArray();
        var policyIdByArn = policies.ToDictionary(p => p.Arn, p => p.Id, StringComparer.Ordinal);

        var actionCount = snapshot.Actions.Count;
        var rowIdByName = snapshot.Actions.ToDictionary(a => a.Name, a => a.Id, StringComparer.Ordinal);
        var matchesOf = snapshot.ActionMatches.ToLookup(m => m.LeftId, m => m.RightId);
        var concrete = snapshot.Actions.Where(a => !a.IsWildcard && a.CanonicalId == a.Id).Select(a => a.Id).ToArray();

        // Per policy: what it grants, what its unconditional Denies remove, as bitsets over action ids (built when first needed).
        var grantsOf = snapshot.EffectiveGrants.ToLookup(g => g.PolicyId, g => g.ActionId);
        var grantBits = new Dictionary<int, ulong[]>();
        ulong[] Grants(int policyId)
        {
            if (!grantBits.TryGetValue(policyId, out var bits))
            {
                grantBits[policyId] = bits = Bits(actionCount, grantsOf[policyId]);
            }
            return bits;
        }

        var denials = new List<Link>();
        var denialBits = new Dictionary<int, ulong[]>();
        foreach (var policy in policies)
        {
            if (!entries.TryGetValue(policy.Arn, out var entry) || entry.Versions.FirstOrDefault(v => v.VersionId == entry.DefaultVersionId) is not { } version)
            {
                continue;
            }
            var removed = new HashSet<int>();
            foreach (var statement in version.Statements.Where(s => s.Effect == StatementEffect.Deny && s.Condition is null && s.NotResources.Count == 0 && s.Resources.Contains("*")))
            {
                var matched = (statement.Actions.Count > 0 ? statement.Actions : statement.NotActions)
                    .SelectMany(a => rowIdByName.TryGetValue(a, out var row) ? matchesOf[row] : MatchWithoutRow(a))
                    .ToHashSet();
                removed.UnionWith(statement.Actions.Count > 0 ? matched : concrete.Where(a => !matched.Contains(a)));
            }
            if (removed.Count > 0)
            {
                denialBits[policy.Id] = Bits(actionCount, removed);
                denials.AddRange(removed.Order().Select(a => new Link(policy.Id, a)));
            }
        }

        // An account's string with no public row (a new spelling, a pattern of its own) still denies what it matches among the public actions.
        IEnumerable<int> MatchWithoutRow(string text)
        {
            var pattern = new ActionPattern(ActionName.KeyOf(text));
            return concrete.Where(id => pattern.Matches(ActionName.KeyOf(snapshot.Actions[id - 1].Name)));
        }

        var users = new List<PrincipalRow>();
        var groups = new List<PrincipalRow>();
        var accountRoles = new List<RoleRow>();
        var userGroups = new List<Link>();
        var held = new List<PrincipalPolicyRow>();
        var trusts = new List<RoleTrustRow>();
        var rolePolicies = snapshot.RolePolicies.ToList();
        var nextRoleId = snapshot.Roles.Count + 1;

        foreach (var account in accounts)
        {
            // Ids in name order within each kind and account, as the API lists them.
            var ordered = account.Principals.OrderBy(p => p.Kind).ThenBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Arn, StringComparer.Ordinal).ToArray();
            var groupIdByName = new Dictionary<string, int>(StringComparer.Ordinal);
            var groupPolicies = new Dictionary<int, List<int>>();
            var groupIncomplete = new Dictionary<int, bool>();

            (List<(int PolicyId, PolicyAttachment How)> Policies, int? Boundary, bool Incomplete) Holds(PrincipalEntry principal)
            {
                var list = new List<(int, PolicyAttachment)>();
                var incomplete = false;
                foreach (var arn in principal.AttachedPolicyArns)
                {
                    if (policyIdByArn.TryGetValue(arn, out var id))
                    {
                        list.Add((id, PolicyAttachment.Attached));
                    }
                    else
                    {
                        incomplete = true;
                        findings.Add(new Finding(FindingCategory.Warning, AccountFindingKinds.AttachedPolicyMissing, principal.Entity, principal.Source.File, CatalogBuilder.LineOf(principal.Source), null, null,
                            $"{principal.Kind} '{principal.Name}' has policy {arn} attached, which no imported source has; its answers are incomplete (import the account's Policies, or the managed-policies package).")
                        { AccountId = account.AccountId });
                    }
                }
                foreach (var inline in principal.InlinePolicies)
                {
                    list.Add((policyIdByArn[principal.Arn + InlineMarker + inline.Name], PolicyAttachment.Inline));
                }
                int? boundary = null;
                if (principal.PermissionsBoundaryArn is { } boundaryArn)
                {
                    if (policyIdByArn.TryGetValue(boundaryArn, out var id))
                    {
                        boundary = id;
                    }
                    else
                    {
                        incomplete = true;
                        findings.Add(new Finding(FindingCategory.Warning, AccountFindingKinds.AttachedPolicyMissing, principal.Entity, principal.Source.File, CatalogBuilder.LineOf(principal.Source), null, null,
                            $"{principal.Kind} '{principal.Name}' has permissions boundary {boundaryArn}, which no imported source has; its answers are incomplete.")
                        { AccountId = account.AccountId });
                    }
                }
                return (list, boundary, incomplete);
            }

            int EffectiveCount(IEnumerable<int> policyIds, int? boundary)
            {
                var allowed = new ulong[(actionCount + 64) >> 6];
                var denied = new ulong[allowed.Length];
                foreach (var id in policyIds.Distinct())
                {
                    Or(allowed, Grants(id));
                    if (denialBits.TryGetValue(id, out var d))
                    {
                        Or(denied, d);
                    }
                }
                var limit = boundary is { } b ? Grants(b) : null;
                var count = 0;
                for (var i = 0; i < allowed.Length; i++)
                {
                    count += BitOperations.PopCount(allowed[i] & ~denied[i] & (limit is null ? ulong.MaxValue : limit[i]));
                }
                return count;
            }

            foreach (var group in ordered.Where(p => p.Kind == PrincipalKind.Group))
            {
                var id = groups.Count + 1;
                var (list, _, incomplete) = Holds(group);
                groupIdByName[group.Name] = id;
                groupPolicies[id] = [.. list.Select(l => l.PolicyId)];
                groupIncomplete[id] = incomplete;
                held.AddRange(list.Select(l => new PrincipalPolicyRow(held.Count + 1, PrincipalKind.Group, id, l.PolicyId, l.How, null, account.AccountId)));
                groups.Add(Row(group, id, account.AccountId, null, incomplete, list.Count, 0, EffectiveCount(groupPolicies[id], null)));
            }
            var usersPerGroup = new Dictionary<int, int>();
            foreach (var user in ordered.Where(p => p.Kind == PrincipalKind.User))
            {
                var id = users.Count + 1;
                var (list, boundary, incomplete) = Holds(user);
                var all = list.Select(l => l.PolicyId).ToList();
                var memberOf = 0;
                for (var i = 0; i < list.Count; i++)
                {
                    held.Add(new PrincipalPolicyRow(held.Count + 1, PrincipalKind.User, id, list[i].PolicyId, list[i].How, null, account.AccountId));
                }
                foreach (var groupName in user.Groups.Distinct(StringComparer.Ordinal))
                {
                    if (!groupIdByName.TryGetValue(groupName, out var groupId))
                    {
                        incomplete = true;
                        findings.Add(new Finding(FindingCategory.Warning, AccountFindingKinds.GroupMissing, user.Entity, user.Source.File, CatalogBuilder.LineOf(user.Source), null, null,
                            $"User '{user.Name}' is in group '{groupName}', which the file does not describe; its answers are incomplete.")
                        { AccountId = account.AccountId });
                        continue;
                    }
                    memberOf++;
                    usersPerGroup[groupId] = usersPerGroup.GetValueOrDefault(groupId) + 1;
                    userGroups.Add(new Link(id, groupId));
                    incomplete |= groupIncomplete[groupId];
                    foreach (var policyId in groupPolicies[groupId])
                    {
                        held.Add(new PrincipalPolicyRow(held.Count + 1, PrincipalKind.User, id, policyId, PolicyAttachment.Group, groupId, account.AccountId));
                        all.Add(policyId);
                    }
                }
                users.Add(Row(user, id, account.AccountId, boundary, incomplete, all.Distinct().Count(), memberOf, EffectiveCount(all, boundary)));
            }
            for (var i = groups.Count - groupIdByName.Count; i < groups.Count; i++)
            {
                groups[i] = groups[i] with { MemberCount = usersPerGroup.GetValueOrDefault(groups[i].Id) };
            }
            foreach (var role in ordered.Where(p => p.Kind == PrincipalKind.Role))
            {
                var id = nextRoleId++;
                var (list, boundary, incomplete) = Holds(role);
                held.AddRange(list.Select(l => new PrincipalPolicyRow(held.Count + 1, PrincipalKind.Role, id, l.PolicyId, l.How, null, account.AccountId)));
                var policyIds = list.Select(l => l.PolicyId).Distinct().Order().ToArray();
                rolePolicies.AddRange(policyIds.Select(p => new Link(id, p)));
                trusts.AddRange(role.TrustedBy.Select(t => new RoleTrustRow(trusts.Count + 1, id, t.Type, t.Value, account.AccountId)));
                var row = Row(role, id, account.AccountId, boundary, incomplete, policyIds.Length, 0, EffectiveCount(policyIds, boundary));
                accountRoles.Add(new RoleRow(id, role.Name, role.Arn, role.Path, policyIds.Length, 0, 0) { EffectiveActionCount = row.EffectiveActionCount, Account = row });
            }
        }

        // The docs' derived role relations (actions named, services) for account roles too, so every Role field answers alike.
        var actionsOfPolicy = snapshot.PolicyActions.ToLookup(l => l.LeftId, l => l.RightId);
        var serviceOfAction = snapshot.Actions.ToDictionary(a => a.Id, a => a.ServiceId);
        var roleActions = snapshot.RoleActions.ToList();
        var roleServices = snapshot.RoleServices.ToList();
        var policiesOfRole = rolePolicies.ToLookup(l => l.LeftId, l => l.RightId);
        for (var i = 0; i < accountRoles.Count; i++)
        {
            var role = accountRoles[i];
            var actions = policiesOfRole[role.Id].SelectMany(p => actionsOfPolicy[p]).Distinct().Order().ToArray();
            var services = actions.Select(a => serviceOfAction[a]).Distinct().Order().ToArray();
            roleActions.AddRange(actions.Select(a => new Link(role.Id, a)));
            roleServices.AddRange(services.Select(s => new Link(role.Id, s)));
            accountRoles[i] = role with { ActionCount = actions.Length, ServiceCount = services.Length };
        }

        // The stored role counts of policies, actions and services stay the docs roles' (the snapshot's): account roles are
        // an account's share, added at query time for callers who see it (AccountShares).
        return snapshot with
        {
            Policies = policies,
            Roles = [.. snapshot.Roles, .. accountRoles],
            RolePolicies = rolePolicies,
            RoleActions = roleActions,
            RoleServices = roleServices,
            Findings = findings,
            Accounts = new AccountRows(users, groups, userGroups, held, trusts, denials),
        };
    }

    private static PrincipalRow Row(PrincipalEntry p, int id, string accountId, int? boundary, bool incomplete, int policyCount, int memberCount, int effectiveCount) =>
        new(id, p.Kind, p.Name, p.Arn, p.Path, accountId, p.UniqueId, p.CreatedAt,
            p.Tags.Count == 0 ? null : JsonSerializer.Serialize(p.Tags.Select(t => new { t.Key, t.Value })),
            boundary, incomplete, policyCount, memberCount, effectiveCount, p.TrustPolicy);

    private static ulong[] Bits(int count, IEnumerable<int> ids)
    {
        var bits = new ulong[(count + 64) >> 6];
        foreach (var id in ids)
        {
            bits[id >> 6] |= 1UL << (id & 63);
        }
        return bits;
    }

    private static void Or(ulong[] into, ulong[] from)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] |= from[i];
        }
    }
}
