using IamGraph.Catalog;

namespace IamGraph.Import.Model;

/// <summary>What a stored version changed in the action strings its policy names.</summary>
/// <param name="AddedActions">Strings this version names and the previous stored version does not (ignoring case), in this version's spelling.</param>
/// <param name="RemovedActions">Strings the previous stored version names and this one does not (ignoring case), in the previous version's spelling.</param>
public sealed record VersionActionChanges(string VersionId, IReadOnlyList<string> AddedActions, IReadOnlyList<string> RemovedActions);

/// <summary>
/// The action strings of policy versions and how they change from one stored version to the next (issue 9,
/// <c>PolicyVersion.addedActions</c> / <c>removedActions</c>).
/// <list type="bullet">
/// <item>A version names the strings of the <c>Action</c> and <c>NotAction</c> of all its statements, Allow and Deny, as
/// written (patterns included, not expanded).</item>
/// <item>Versions are ordered by version number (<c>v12</c> is 12), not by date; the previous version of one is the
/// stored version with the next lower number, whatever the gap. The oldest stored version has no previous one: all its
/// strings are added, none removed.</item>
/// <item>Strings are compared ignoring case, so a change of case alone is no change. A string named in several casings
/// is reported once, in its ordinal-smallest spelling. Lists are ordinal-sorted.</item>
/// </list>
/// </summary>
public static class PolicyVersionDiff
{
    /// <summary>The strings a version names (Action and NotAction of every statement): each spelling once, in document order.</summary>
    public static IReadOnlyList<string> NamedActions(IReadOnlyList<StatementEntry> statements)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var named = new List<string>();
        foreach (var statement in statements)
        {
            foreach (var action in statement.Actions)
            {
                if (seen.Add(action))
                {
                    named.Add(action);
                }
            }
            foreach (var action in statement.NotActions)
            {
                if (seen.Add(action))
                {
                    named.Add(action);
                }
            }
        }
        return named;
    }

    /// <summary>The changes of each stored version of one policy, in version-number order (oldest first).</summary>
    public static IReadOnlyList<VersionActionChanges> Of(IEnumerable<PolicyVersionEntry> versions)
    {
        var changes = new List<VersionActionChanges>();
        Dictionary<string, string> previous = [];
        foreach (var version in versions.OrderBy(v => v.Number))
        {
            var current = ByKey(version.Statements);
            changes.Add(new VersionActionChanges(version.VersionId, Missing(current, previous), Missing(previous, current)));
            previous = current;
        }
        return changes;
    }

    /// <summary>Lower-cased string -> its ordinal-smallest spelling.</summary>
    private static Dictionary<string, string> ByKey(IReadOnlyList<StatementEntry> statements)
    {
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var action in NamedActions(statements))
        {
            var key = ActionName.KeyOf(action);
            if (!byKey.TryGetValue(key, out var spelling) || string.CompareOrdinal(action, spelling) < 0)
            {
                byKey[key] = action;
            }
        }
        return byKey;
    }

    /// <summary>The spellings of <paramref name="of"/> whose key <paramref name="from"/> lacks, ordinal-sorted.</summary>
    private static string[] Missing(Dictionary<string, string> of, Dictionary<string, string> from)
    {
        var missing = new List<string>();
        foreach (var (key, spelling) in of)
        {
            if (!from.ContainsKey(key))
            {
                missing.Add(spelling);
            }
        }
        var sorted = missing.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return sorted;
    }
}
