using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using IamGraph.Catalog;

namespace IamGraph.Import.Model;

/// <summary>
/// The concrete actions effective permissions are computed over (issue 9, "Semantics").
/// <list type="bullet">
/// <item>Members: every action of AWS's catalogue, plus every string without <c>*</c> or <c>?</c> that any public policy
/// names (docs rows, <c>Action</c>/<c>NotAction</c> of any stored version), merged ignoring case: names equal ignoring
/// case are one action. Empty strings are not actions.</item>
/// <item>Canonical name of a member: the catalogue's spelling when the catalogue has one (should the catalogue spell it
/// two ways, the rule below picks among its spellings); otherwise the spelling most policies write (a policy counts once
/// per spelling), ties broken by the ordinal smallest.</item>
/// <item>Ids: <c>0 .. Count-1</c>, in ordinal order of the lower-cased name, so the actions of one service (and of any
/// literal prefix, <c>s3:get</c>) are one contiguous id range.</item>
/// <item>Matching (<see cref="Match"/>): IAM's rules, as <see cref="ActionPattern"/> implements them: case-insensitive,
/// <c>*</c> any run of characters (none included), <c>?</c> exactly one character. A string without wildcards matches
/// the member equal to it ignoring case, if any.</item>
/// </list>
/// Immutable and thread-safe; pattern results are memoised, so a pattern repeated across policies is matched once.
/// </summary>
public sealed class ActionUniverse
{
    private readonly string[] _names;
    private readonly string[] _keys;
    private readonly bool[] _inCatalog;
    private readonly Dictionary<string, int> _idByKey;
    private readonly ConcurrentDictionary<string, ActionString> _strings = new(StringComparer.Ordinal);

    private ActionUniverse(string[] names, string[] keys, bool[] inCatalog, bool hasCatalog)
    {
        _names = names;
        _keys = keys;
        _inCatalog = inCatalog;
        HasCatalog = hasCatalog;
        _idByKey = new Dictionary<string, int>(keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            _idByKey.Add(keys[i], i);
        }
    }

    /// <summary>Builds the universe.</summary>
    /// <param name="catalogActions">The catalogue's action names (<c>prefix:Action</c>, AWS's casing); empty when no catalogue is imported.</param>
    /// <param name="namedByEachPolicy">
    /// Per policy, every action string it names anywhere (docs rows, Action and NotAction of every stored version);
    /// wildcards are ignored here, and a spelling counts once per policy however often the policy repeats it.
    /// </param>
    public static ActionUniverse Build(IEnumerable<string> catalogActions, IEnumerable<IEnumerable<string>> namedByEachPolicy)
    {
        // Spelling -> (policies naming it, the last policy counted): one lookup per string, not two.
        var counted = new Dictionary<string, (int Policies, int Last)>(StringComparer.Ordinal);
        var catalog = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in catalogActions)
        {
            if (name.Length > 0 && !ActionName.IsWildcard(name))
            {
                catalog.Add(name);
            }
        }
        var policy = 0;
        foreach (var strings in namedByEachPolicy)
        {
            policy++;
            foreach (var name in strings)
            {
                if (name.Length > 0 && !ActionName.IsWildcard(name))
                {
                    ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(counted, name, out _);
                    if (count.Last != policy)
                    {
                        count = (count.Policies + 1, policy);
                    }
                }
            }
        }

        // Per lower-cased key, the spelling chosen so far.
        var canonical = new Dictionary<string, string>(catalog.Count + counted.Count, StringComparer.Ordinal);
        foreach (var spelling in catalog.Concat(counted.Keys))
        {
            var key = ActionName.KeyOf(spelling);
            if (!canonical.TryGetValue(key, out var current) || Better(spelling, current))
            {
                canonical[key] = spelling;
            }
        }

        var keys = canonical.Keys.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        var names = new string[keys.Length];
        var inCatalog = new bool[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            names[i] = canonical[keys[i]];
            inCatalog[i] = catalog.Contains(names[i]);
        }
        return new ActionUniverse(names, keys, inCatalog, catalog.Count > 0);

        bool Better(string candidate, string current)
        {
            bool candidateInCatalog = catalog.Contains(candidate), currentInCatalog = catalog.Contains(current);
            if (candidateInCatalog != currentInCatalog)
            {
                return candidateInCatalog;
            }
            int candidateCount = counted.GetValueOrDefault(candidate).Policies, currentCount = counted.GetValueOrDefault(current).Policies;
            return candidateCount != currentCount ? candidateCount > currentCount : string.CompareOrdinal(candidate, current) < 0;
        }
    }

    /// <summary>How many concrete actions there are; ids run from 0 to <c>Count - 1</c>.</summary>
    public int Count => _names.Length;

    /// <summary>Whether a catalogue was given: without one no action string is reported as unknown to it.</summary>
    public bool HasCatalog { get; }

    /// <summary>The canonical names, by id.</summary>
    public IReadOnlyList<string> Names => _names;

    public string NameOf(int id) => _names[id];

    /// <summary>Whether the catalogue lists the action (otherwise only policies name it: retired, or a typo).</summary>
    public bool IsInCatalog(int id) => _inCatalog[id];

    /// <summary>The id of the concrete action equal to <paramref name="action"/> ignoring case.</summary>
    public bool TryGetId(string action, out int id) => _idByKey.TryGetValue(ActionName.KeyOf(action), out id);

    /// <summary>Whether <paramref name="action"/> (no wildcards) is a catalogue action, compared ignoring case.</summary>
    public bool IsCatalogAction(string action) => TryGetId(action, out var id) && _inCatalog[id];

    /// <summary>The ids of the actions of one service (<c>s3</c>, any case): a contiguous range, empty when none.</summary>
    public Range ServiceRange(string service) => PrefixRange(ActionName.KeyOf(service) + ":");

    /// <summary>The ids (ascending) of the concrete actions <paramref name="pattern"/> matches; memoised.</summary>
    public ReadOnlySpan<int> Match(string pattern) => Lookup(pattern).Ids;

    /// <summary>What an action string matches and whether it needs reporting, memoised by its exact text.</summary>
    internal ActionString Lookup(string text)
    {
        if (_strings.TryGetValue(text, out var found))
        {
            return found;
        }
        var key = ActionName.KeyOf(text);
        var ids = Compute(key);
        var notInCatalog = HasCatalog && !ActionName.IsWildcard(key) && !(ids.Length == 1 && _inCatalog[ids[0]]);
        return _strings.GetOrAdd(text, new ActionString(ids, notInCatalog));
    }

    private int[] Compute(string key)
    {
        var wildcard = key.AsSpan().IndexOfAny('*', '?');
        if (wildcard < 0)
        {
            return _idByKey.TryGetValue(key, out var id) ? [id] : [];
        }

        // Only keys starting with the literal text before the first wildcard can match: one contiguous range.
        var (start, end) = Bounds(PrefixRange(key[..wildcard]));
        if (key.AsSpan(wildcard).TrimStart('*').IsEmpty)
        {
            // "prefix*": the whole range, no matching needed ("*", "s3:*", "s3:Get*").
            var all = new int[end - start];
            for (var i = 0; i < all.Length; i++)
            {
                all[i] = start + i;
            }
            return all;
        }
        var pattern = new ActionPattern(key);
        var found = new List<int>();
        for (var i = start; i < end; i++)
        {
            if (pattern.Matches(_keys[i]))
            {
                found.Add(i);
            }
        }
        return [.. found];
    }

    private static (int Start, int End) Bounds(Range range) => (range.Start.Value, range.End.Value);

    /// <summary>The ids of the keys starting with <paramref name="prefix"/> (lower-cased): keys are sorted, so a binary search.</summary>
    private Range PrefixRange(string prefix)
    {
        if (prefix.Length == 0)
        {
            return 0..Count;
        }
        int lo = 0, hi = Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(_keys[mid], prefix) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        var start = lo;
        hi = Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_keys[mid].StartsWith(prefix, StringComparison.Ordinal))
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return start..lo;
    }
}

/// <summary>An action string as the universe reads it: the ids it matches (ascending; shared, never changed) and whether it is a literal the catalogue lacks.</summary>
internal sealed record ActionString(int[] Ids, bool NotInCatalog);
