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
        // Sized once: ReadOnlyAccess's versions name thousands of strings, and growing a set rehashes every one.
        var count = 0;
        foreach (var statement in statements)
        {
            count += statement.Actions.Count + statement.NotActions.Count;
        }
        var seen = new HashSet<string>(count, StringComparer.Ordinal);
        var named = new List<string>(count);
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
        // One pass over the strings: each spelling maps to a key (its group ignoring case) once per policy; per key, the
        // last version that named it and its spelling there. ReadOnlyAccess alone stores 151 versions of ~2,000 strings.
        var keyOfSpelling = new Dictionary<string, int>(StringComparer.Ordinal);
        var keyOfGroup = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var lastVersion = new List<int>();
        var spelling = new List<string>();
        var changes = new List<VersionActionChanges>();
        List<int> previousKeys = [];
        var index = 0;
        foreach (var version in versions.OrderBy(v => v.Number))
        {
            var currentKeys = new List<int>();
            var addedKeys = new List<int>();
            foreach (var statement in version.Statements)
            {
                Name(statement.Actions);
                Name(statement.NotActions);
            }
            var added = new string[addedKeys.Count];
            for (var i = 0; i < added.Length; i++)
            {
                added[i] = spelling[addedKeys[i]];
            }
            // A key of the previous version not named by this one still holds the previous version's spelling.
            var removed = new List<string>();
            foreach (var key in previousKeys)
            {
                if (lastVersion[key] != index)
                {
                    removed.Add(spelling[key]);
                }
            }
            changes.Add(new VersionActionChanges(version.VersionId, Sorted(added), Sorted([.. removed])));
            previousKeys = currentKeys;
            index++;

            void Name(IReadOnlyList<string> actions)
            {
                foreach (var action in actions)
                {
                    if (!keyOfSpelling.TryGetValue(action, out var key))
                    {
                        if (!keyOfGroup.TryGetValue(action, out key))
                        {
                            key = lastVersion.Count;
                            lastVersion.Add(int.MinValue);
                            spelling.Add(action);
                            keyOfGroup.Add(action, key);
                        }
                        keyOfSpelling.Add(action, key);
                    }
                    if (lastVersion[key] != index)
                    {
                        if (lastVersion[key] != index - 1)
                        {
                            addedKeys.Add(key);
                        }
                        lastVersion[key] = index;
                        spelling[key] = action;
                        currentKeys.Add(key);
                    }
                    else if (string.CompareOrdinal(action, spelling[key]) < 0)
                    {
                        spelling[key] = action;
                    }
                }
            }
        }
        return changes;
    }

    private static string[] Sorted(string[] strings)
    {
        Array.Sort(strings, StringComparer.Ordinal);
        return strings;
    }
}
