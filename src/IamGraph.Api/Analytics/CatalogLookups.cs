using GraphQL;

using IamGraph.Api.Common;
using IamGraph.Catalog;
using IamGraph.Catalog.Entities;

using Microsoft.EntityFrameworkCore;

namespace IamGraph.Api.Analytics;

/// <summary>The canonical concrete actions one requested action string stands for.</summary>
public sealed record RequestedAction(string Input, IReadOnlyList<int> ActionIds);

/// <summary>Turns the analyzer's arguments (action strings, policy and role names or ARNs) into catalogue ids.</summary>
public static class CatalogLookups
{
    /// <summary>
    /// Each input, read as IAM reads it (case-insensitive, <c>*</c>/<c>?</c>), becomes the canonical concrete actions it
    /// covers: through <c>action_matches</c> when some policy writes the string (any case), else, for a pattern no policy
    /// writes, by matching it over the canonical concrete actions. A literal no policy writes covers nothing.
    /// </summary>
    public static async Task<IReadOnlyList<RequestedAction>> ResolveActionsAsync(CatalogDbContext db, IReadOnlyList<string> inputs, CancellationToken cancellationToken)
    {
        var keys = inputs.Select(ActionName.KeyOf).Distinct(StringComparer.Ordinal).ToArray();
        // A key no stored name can hold (StorableText) is no action's: it stays out of SQL and covers nothing.
        var storableKeys = keys.Where(StorableText.IsStorable).ToArray();
        var rows = await (from action in db.Actions
                          where storableKeys.Contains(action.NameKey)
                          join match in db.ActionMatches on action.Id equals match.PatternId
                          select new { action.NameKey, match.ActionId }).ToListAsync(cancellationToken);
        var covered = rows.GroupBy(r => r.NameKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<int>)[.. g.Select(r => r.ActionId).Distinct().Order()], StringComparer.Ordinal);

        var unknownPatterns = keys.Where(k => !covered.ContainsKey(k) && ActionName.IsWildcard(k)).Select(k => new ActionPattern(k)).ToArray();
        if (unknownPatterns.Length > 0)
        {
            var concrete = db.Actions.Where(a => !a.IsWildcard && a.CanonicalId == a.Id);
            if (unknownPatterns.All(p => p.ServiceKey is not null))
            {
                var services = unknownPatterns.Select(p => p.ServiceKey!).Where(StorableText.IsStorable).Distinct(StringComparer.Ordinal).ToArray();
                concrete = concrete.Where(a => services.Contains(a.Service.NameKey));
            }
            var candidates = await concrete.Select(a => new { a.Id, a.NameKey }).ToListAsync(cancellationToken);
            foreach (var pattern in unknownPatterns)
            {
                covered[ActionName.KeyOf(pattern.Text)] = [.. candidates.Where(c => pattern.Matches(c.NameKey)).Select(c => c.Id).Order()];
            }
        }
        return [.. inputs.Select(i => new RequestedAction(i, covered.GetValueOrDefault(ActionName.KeyOf(i)) ?? []))];
    }

    /// <summary>
    /// Policies or roles by ARN (<c>arn:...</c>) or exact name (the first by id if several share it), in the order asked;
    /// an unknown one is a GraphQL error with <paramref name="unknownCode"/>.
    /// </summary>
    public static async Task<T[]> ByNameOrArnAsync<T>(IQueryable<T> set, IReadOnlyList<string> namesOrArns, string noun, string unknownCode, CancellationToken cancellationToken)
        where T : class, IArnIdentified
    {
        var wanted = namesOrArns.Distinct(StringComparer.Ordinal).ToArray();
        if (wanted.Length == 0)
        {
            return [];
        }
        var storable = wanted.Where(StorableText.IsStorable).ToArray();
        var found = await set.AsNoTracking()
            .Where(e => storable.Contains(e.Arn) || storable.Contains(e.Name))
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);
        return [.. wanted.Select(w => found.FirstOrDefault(e => IsArn(w) ? e.Arn == w : e.Name == w)
            ?? throw new ExecutionError($"No {noun} has the name or ARN '{w}'.") { Code = unknownCode })];
    }

    public static ExecutionError InvalidArgument(string message) => new(message) { Code = ErrorCodes.InvalidArgument };

    private static bool IsArn(string value) => value.StartsWith("arn:", StringComparison.Ordinal);
}
