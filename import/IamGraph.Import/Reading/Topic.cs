namespace IamGraph.Import.Reading;

/// <summary>What a heading or a column header is about, read from its words rather than its position.</summary>
internal enum Topic
{
    Unknown,
    Roles,
    Policies,
    Actions,
    Services,
}

internal static class Topics
{
    private static readonly (string Keyword, Topic Topic)[] Keywords =
    [
        ("role", Topic.Roles),
        ("polic", Topic.Policies),
        ("action", Topic.Actions),
        ("service", Topic.Services),
    ];

    /// <summary>
    /// The topic named first: "Roles use this service" is about roles, "Attached Policies" about policies,
    /// "Allowed Actions" about actions. The first keyword wins because the generator puts the subject first.
    /// </summary>
    public static Topic Of(string text)
    {
        var best = Topic.Unknown;
        var bestAt = int.MaxValue;
        foreach (var (keyword, topic) in Keywords)
        {
            var at = text.IndexOf(keyword, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && at < bestAt)
            {
                (best, bestAt) = (topic, at);
            }
        }

        return best;
    }
}
