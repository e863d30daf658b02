namespace IamGraph.Catalog;

/// <summary>
/// An action string read as IAM reads it: case-insensitive, <c>*</c> matches any run of characters (none included),
/// <c>?</c> exactly one, anywhere in the name; <c>*</c> alone matches every action of every service.
/// </summary>
public sealed class ActionPattern
{
    private readonly string _key;

    public ActionPattern(string action)
    {
        Text = action;
        _key = ActionName.KeyOf(action);
        var colon = _key.IndexOf(':', StringComparison.Ordinal);
        var service = colon > 0 ? _key[..colon] : null;
        ServiceKey = service is not null && !ActionName.IsWildcard(service) ? service : null;
    }

    public string Text { get; }

    /// <summary>The lower-cased service this pattern is confined to, or null when it can match any service (<c>*</c>, <c>s*:Get*</c>).</summary>
    public string? ServiceKey { get; }

    /// <summary>Whether the pattern covers a concrete action, given as its lower-cased key.</summary>
    public bool Matches(string actionKey) => GlobMatch(_key, actionKey);

    /// <summary>Iterative glob match with one backtrack point: linear for the patterns IAM sees.</summary>
    private static bool GlobMatch(string pattern, string text)
    {
        int p = 0, t = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starT = t;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }
        return p == pattern.Length;
    }
}
