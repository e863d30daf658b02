using System.Numerics;
using IamGraph.Catalog.Entities;

namespace IamGraph.Import.Model;

/// <summary>One effective action of a policy version.</summary>
/// <param name="ActionId">The concrete action's id in the <see cref="ActionUniverse"/>.</param>
/// <param name="Via">
/// The policy's own strings that grant it, ordinal-sorted, each once: the Action strings of its Allow statements that
/// match it (as written), and for each Allow statement with <c>NotAction</c> that grants it the marker
/// <c>NotAction#&lt;ordinal&gt;</c> (<see cref="PolicyEvaluator.NotActionVia"/>, the statement's
/// <see cref="StatementEntry.Ordinal"/>). Within one evaluation, grants with the same strings share one list.
/// </param>
/// <param name="Limits">
/// <see cref="GrantLimits.None"/> (apart from <see cref="GrantLimits.PossiblyDenied"/>) when some unrestricted Allow
/// statement grants it; otherwise the union of the limits of the Allow statements that grant it.
/// </param>
public readonly record struct ActionGrant(int ActionId, IReadOnlyList<string> Via, GrantLimits Limits)
{
    private const GrantLimits AllowLimits = GrantLimits.Resource | GrantLimits.Condition | GrantLimits.NotResource;

    /// <summary>Some Allow statement with no Condition, no NotResource and <c>Resource: "*"</c> grants it.</summary>
    public bool Unrestricted => (Limits & AllowLimits) == 0;

    public bool PossiblyDenied => (Limits & GrantLimits.PossiblyDenied) != 0;
}

/// <summary>The effective actions of one policy version, and the strings in it that need a second look.</summary>
/// <param name="Grants">Ascending by action id.</param>
/// <param name="MatchingNothing">
/// The version's action strings (Action or NotAction, Allow or Deny; each once ignoring case, in its first spelling, ordinal-sorted)
/// that match no action of the universe: a pattern for retired actions, a typo.
/// </param>
/// <param name="NotInCatalog">
/// Its strings without wildcards that the catalogue does not list (compared ignoring case); always empty when the
/// universe has no catalogue.
/// </param>
public sealed record PolicyEvaluation(IReadOnlyList<ActionGrant> Grants, IReadOnlyList<string> MatchingNothing, IReadOnlyList<string> NotInCatalog)
{
    /// <summary>These strings as findings (<see cref="FindingKinds.PatternMatchesNothing"/>, <see cref="FindingKinds.ActionNotInCatalog"/>).</summary>
    /// <param name="entity">The finding's entity, e.g. <c>policy:PowerUserAccess</c>.</param>
    /// <param name="where">Where the version was read.</param>
    public IEnumerable<Finding> Findings(string entity, SourceRef where)
    {
        foreach (var pattern in MatchingNothing)
        {
            yield return new Finding(FindingCategory.Warning, FindingKinds.PatternMatchesNothing, entity, where.File, CatalogBuilder.LineOf(where), null, null,
                $"'{pattern}' matches no action of the catalogue or of any imported policy; it grants nothing.");
        }
        foreach (var action in NotInCatalog)
        {
            yield return new Finding(FindingCategory.Warning, FindingKinds.ActionNotInCatalog, entity, where.File, CatalogBuilder.LineOf(where), null, null,
                $"'{action}' is not in AWS's action catalogue (a retired service or action, or a typo); it is kept as an action of its own.");
        }
    }
}

/// <summary>
/// Effective permissions of one policy version, as issue 9 states them, over an <see cref="ActionUniverse"/>:
/// <list type="number">
/// <item>An Allow statement grants the universe's actions its <c>Action</c> strings match, or, when it has no
/// <c>Action</c>, those its <c>NotAction</c> strings do <em>not</em> match. A statement with neither (IAM rejects it)
/// counts for nothing; one with both (IAM rejects it too) is read by its <c>Action</c>. Resource, NotResource and Condition do not change what is
/// granted, only its <see cref="GrantLimits"/>.</item>
/// <item>A Deny statement with no <c>Condition</c>, no <c>NotResource</c> and <c>Resource</c> holding <c>"*"</c> removes
/// the actions it matches the same way (Action, or the complement of NotAction). Any other Deny statement removes
/// nothing; the granted actions it matches are flagged <see cref="GrantLimits.PossiblyDenied"/>.</item>
/// <item>Effective actions = allowed minus removed, each with its <see cref="ActionGrant.Via"/> and limits.</item>
/// </list>
/// A pattern is matched once per universe (memoised there); sets are bitsets over the ids. One evaluator per thread:
/// it reuses its buffers between calls.
/// </summary>
public sealed class PolicyEvaluator
{
    private readonly ActionUniverse _universe;
    private readonly ulong _lastWordMask;
    private readonly ulong[] _statement;
    private readonly ulong[] _allowed;
    private readonly ulong[] _unrestricted;
    private readonly ulong[] _resource;
    private readonly ulong[] _condition;
    private readonly ulong[] _notResource;
    private readonly ulong[] _removed;
    private readonly ulong[] _possiblyDenied;

    // Per action id, the index of its via combination in _combos (0: none yet); reset after each evaluation.
    private readonly int[] _comboOf;
    private readonly List<string[]> _combos = [];
    private readonly Dictionary<long, int> _extended = [];
    private readonly Dictionary<string, int[]> _viaIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _checked = new(StringComparer.OrdinalIgnoreCase);

    public PolicyEvaluator(ActionUniverse universe)
    {
        _universe = universe;
        var words = (universe.Count + 63) >> 6;
        _lastWordMask = universe.Count % 64 == 0 ? ulong.MaxValue : (1UL << (universe.Count % 64)) - 1;
        _statement = new ulong[words];
        _allowed = new ulong[words];
        _unrestricted = new ulong[words];
        _resource = new ulong[words];
        _condition = new ulong[words];
        _notResource = new ulong[words];
        _removed = new ulong[words];
        _possiblyDenied = new ulong[words];
        _comboOf = new int[universe.Count];
    }

    /// <summary>The <see cref="ActionGrant.Via"/> entry for an Allow statement with NotAction: <c>NotAction#&lt;ordinal&gt;</c>.</summary>
    public static string NotActionVia(StatementEntry statement) =>
        "NotAction#" + statement.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The effective actions of one version's statements.</summary>
    public PolicyEvaluation Evaluate(IReadOnlyList<StatementEntry> statements)
    {
        Array.Clear(_allowed);
        Array.Clear(_unrestricted);
        Array.Clear(_resource);
        Array.Clear(_condition);
        Array.Clear(_notResource);
        Array.Clear(_removed);
        Array.Clear(_possiblyDenied);
        _viaIds.Clear();
        _checked.Clear();
        List<string>? matchingNothing = null, notInCatalog = null;

        for (var s = 0; s < statements.Count; s++)
        {
            var statement = statements[s];
            var negated = statement.Actions.Count == 0;
            var strings = negated ? statement.NotActions : statement.Actions;
            if (negated && statement.NotActions.Count == 0)
            {
                continue; // neither Action nor NotAction: IAM rejects such a statement; it grants and denies nothing
            }

            Array.Clear(_statement);
            for (var i = 0; i < strings.Count; i++)
            {
                var text = strings[i];
                var found = _universe.Lookup(text);
                var ids = found.Ids;
                foreach (var id in ids)
                {
                    _statement[id >> 6] |= 1UL << id;
                }
                if ((ids.Length == 0 || found.NotInCatalog) && _checked.Add(text))
                {
                    if (ids.Length == 0)
                    {
                        (matchingNothing ??= []).Add(text);
                    }
                    if (found.NotInCatalog)
                    {
                        (notInCatalog ??= []).Add(text);
                    }
                }
                if (!negated && statement.Effect == StatementEffect.Allow)
                {
                    _viaIds.TryAdd(text, ids);
                }
            }
            if (negated)
            {
                for (var w = 0; w < _statement.Length; w++)
                {
                    _statement[w] = ~_statement[w];
                }
                if (_statement.Length > 0)
                {
                    _statement[^1] &= _lastWordMask;
                }
            }

            var condition = HasCondition(statement.Condition);
            var notResource = statement.NotResources.Count > 0;
            var allResources = HoldsStar(statement.Resources);
            var everywhere = !condition && !notResource && allResources;
            if (statement.Effect == StatementEffect.Deny)
            {
                Or(everywhere ? _removed : _possiblyDenied, _statement);
                continue;
            }

            Or(_allowed, _statement);
            if (everywhere)
            {
                Or(_unrestricted, _statement);
            }
            else
            {
                if (notResource)
                {
                    Or(_notResource, _statement);
                }
                else if (!allResources)
                {
                    Or(_resource, _statement);
                }
                if (condition)
                {
                    Or(_condition, _statement);
                }
            }
            if (negated)
            {
                _viaIds.TryAdd(NotActionVia(statement), IdsOf(_statement));
            }
        }

        for (var w = 0; w < _allowed.Length; w++)
        {
            _allowed[w] &= ~_removed[w];
        }
        return new PolicyEvaluation(Grants(), Sorted(matchingNothing), Sorted(notInCatalog));
    }

    private ActionGrant[] Grants()
    {
        var count = 0;
        foreach (var word in _allowed)
        {
            count += BitOperations.PopCount(word);
        }
        if (count == 0)
        {
            return [];
        }

        // Via: walk the strings in ordinal order, extending each granted action's combination; equal combinations
        // share one array (PowerUserAccess's 22,000 grants share a handful).
        var texts = _viaIds.Keys.ToArray();
        Array.Sort(texts, StringComparer.Ordinal);
        _combos.Clear();
        _combos.Add([]);
        _extended.Clear();
        for (var t = 0; t < texts.Length; t++)
        {
            var single = -1;
            foreach (var id in _viaIds[texts[t]])
            {
                if ((_allowed[id >> 6] & (1UL << id)) == 0)
                {
                    continue;
                }
                var current = _comboOf[id];
                if (current == 0)
                {
                    if (single < 0)
                    {
                        single = _combos.Count;
                        _combos.Add([texts[t]]);
                    }
                    _comboOf[id] = single;
                }
                else
                {
                    var key = ((long)current << 32) | (uint)t;
                    if (!_extended.TryGetValue(key, out var next))
                    {
                        next = _combos.Count;
                        _combos.Add([.. _combos[current], texts[t]]);
                        _extended.Add(key, next);
                    }
                    _comboOf[id] = next;
                }
            }
        }

        var grants = new ActionGrant[count];
        var n = 0;
        for (var w = 0; w < _allowed.Length; w++)
        {
            var word = _allowed[w];
            while (word != 0)
            {
                var bit = BitOperations.TrailingZeroCount(word);
                word &= word - 1;
                var id = (w << 6) + bit;
                var mask = 1UL << bit;
                var limits = GrantLimits.None;
                if ((_unrestricted[w] & mask) == 0)
                {
                    if ((_resource[w] & mask) != 0)
                    {
                        limits |= GrantLimits.Resource;
                    }
                    if ((_condition[w] & mask) != 0)
                    {
                        limits |= GrantLimits.Condition;
                    }
                    if ((_notResource[w] & mask) != 0)
                    {
                        limits |= GrantLimits.NotResource;
                    }
                }
                if ((_possiblyDenied[w] & mask) != 0)
                {
                    limits |= GrantLimits.PossiblyDenied;
                }
                grants[n++] = new ActionGrant(id, _combos[_comboOf[id]], limits);
                _comboOf[id] = 0;
            }
        }
        return grants;
    }

    private static int[] IdsOf(ulong[] bits)
    {
        var count = 0;
        foreach (var word in bits)
        {
            count += BitOperations.PopCount(word);
        }
        var ids = new int[count];
        var n = 0;
        for (var w = 0; w < bits.Length; w++)
        {
            var word = bits[w];
            while (word != 0)
            {
                ids[n++] = (w << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
        }
        return ids;
    }

    private static void Or(ulong[] target, ulong[] source)
    {
        for (var w = 0; w < target.Length; w++)
        {
            target[w] |= source[w];
        }
    }

    private static bool HoldsStar(IReadOnlyList<string> resources)
    {
        for (var i = 0; i < resources.Count; i++)
        {
            if (resources[i] == "*")
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A Condition block counts unless absent or empty (<c>{}</c>, whitespace aside).</summary>
    private static bool HasCondition(string? condition)
    {
        if (condition is null)
        {
            return false;
        }
        var body = condition.AsSpan().Trim();
        return !(body.IsEmpty || (body.Length >= 2 && body[0] == '{' && body[^1] == '}' && body[1..^1].IsWhiteSpace()));
    }

    private static string[] Sorted(List<string>? strings)
    {
        if (strings is null)
        {
            return [];
        }
        var sorted = strings.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return sorted;
    }
}
