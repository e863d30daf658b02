namespace IamGraph.Catalog;

/// <summary>IAM's rules for an action string: <c>service:Action</c>, case-insensitive, with <c>*</c> and <c>?</c> as wildcards.</summary>
public static class ActionName
{
    /// <summary>The service an action string belongs to: <c>*</c> alone names every service.</summary>
    public const string AllServices = "all";

    /// <summary>The text before the first ':' exactly as written; <c>*</c> alone (or a string with no ':') belongs to <see cref="AllServices"/>.</summary>
    public static string ServiceOf(string action)
    {
        var colon = action.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? action[..colon] : AllServices;
    }

    public static bool IsWildcard(string action) => action.AsSpan().IndexOfAny('*', '?') >= 0;

    /// <summary>The key IAM compares by: names differ only in case are the same action.</summary>
    public static string KeyOf(string action) => action.ToLowerInvariant();
}
