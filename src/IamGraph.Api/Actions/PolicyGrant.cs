using System.Text.Json;

using IamGraph.Api.Common.DataLoading;
using IamGraph.Catalog.Entities;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Actions;

/// <summary>
/// What an effective grant says beyond the pair: the policy's own action strings that matched (stored as a JSON array), whether
/// it is unrestricted (null for a policy known only from the docs) and what limits it.
/// </summary>
public sealed record GrantDetail(string ViaJson, bool? Unrestricted, GrantLimits Limits)
{
    public IReadOnlyList<string> Via => JsonSerializer.Deserialize<string[]>(ViaJson) ?? [];

    public static GrantDetail Of<TNode>(ParentLink<TNode> link) => new(link.Detail ?? "[]", link.DetailFlag, (GrantLimits)link.DetailBits);

    /// <summary>
    /// Several grants of one policy read as one (a policy granting several requested actions): every string that matched, unrestricted
    /// only when each is (unknown when one is), every limit.
    /// </summary>
    public static GrantDetail Combine(IReadOnlyCollection<GrantDetail> grants) => new(
        JsonSerializer.Serialize(grants.SelectMany(g => g.Via).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray()),
        grants.Any(g => g.Unrestricted is null) ? null : grants.All(g => g.Unrestricted == true),
        grants.Aggregate(GrantLimits.None, (all, g) => all | g.Limits));
}

/// <summary>A policy granting an action, and how.</summary>
public sealed record PolicyGrant(Policy Policy, GrantDetail Grant);

/// <summary>An action a policy grants, and how.</summary>
public sealed record ActionGrant(Action Action, GrantDetail Grant);
