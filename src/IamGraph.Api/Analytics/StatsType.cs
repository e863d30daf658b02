using GraphQL.Types;

using IamGraph.Api.Common;

using Microsoft.EntityFrameworkCore;

namespace IamGraph.Api.Analytics;

public sealed record ImportRunInfo(string Source, DateTimeOffset ImportedAt, string Format, string ToolVersion);

public sealed record CatalogStats(
    int Policies, int Actions, int CanonicalActions, int ConcreteActions, int Services, int CanonicalServices, int Roles,
    int WildcardPatterns, int LiteralPairs, int EffectiveGrants, ImportRunInfo? ImportRun);

public sealed class ImportRunType : ObjectGraphType<ImportRunInfo>
{
    public ImportRunType()
    {
        Name = "ImportRun";
        Description = "The import that wrote the catalogue being served.";
        Field(r => r.Source).Description("The docs folder read.");
        Field(r => r.ImportedAt);
        Field(r => r.Format).Description("The docs layout recognised (`published`, `current`).");
        Field(r => r.ToolVersion);
    }
}

public sealed class StatsType : ObjectGraphType<CatalogStats>
{
    public StatsType()
    {
        Name = "Stats";
        Description = "Sizes of the catalogue.";
        Field(s => s.Policies);
        Field(s => s.Actions).Description("Distinct action strings as written (case variants and patterns included).");
        Field(s => s.CanonicalActions).Description("Action strings that are their own canonical variant: distinct strings ignoring case.");
        Field(s => s.ConcreteActions).Description("Canonical actions that are not patterns: the actions effective grants range over.");
        Field(s => s.Services).Description("Service prefixes as written.");
        Field(s => s.CanonicalServices).Description("Distinct service prefixes ignoring case.");
        Field(s => s.Roles);
        Field(s => s.WildcardPatterns).Description("Action strings holding `*` or `?`.");
        Field(s => s.LiteralPairs).Description("Policy -> action string links as the docs list them.");
        Field(s => s.EffectiveGrants).Description("Policy -> canonical concrete action grants by IAM's rules.");
        Field<ImportRunType>("importRun").Description("The newest import run; null for a catalogue written by other means.").Resolve(ctx => ctx.Source.ImportRun);
    }
}

public static class StatsQueries
{
    public static void AddStatsQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<StatsType>>("stats")
            .Description("Sizes of the catalogue and the import that wrote it (one COUNT per figure, EF runs the uncorrelated subqueries separately; bounded, independent of the data).")
            .ResolveAsync(async ctx =>
            {
                await using var db = await ctx.CreateDbContextAsync();
                // EF evaluates these uncorrelated counts as separate statements: a fixed number, whatever the catalogue's size.
                var counts = await db.Services.Take(1).Select(_ => new
                {
                    Policies = db.Policies.Count(),
                    Actions = db.Actions.Count(),
                    CanonicalActions = db.Actions.Count(a => a.CanonicalId == a.Id),
                    ConcreteActions = db.Actions.Count(a => !a.IsWildcard && a.CanonicalId == a.Id),
                    Services = db.Services.Count(),
                    CanonicalServices = db.Services.Count(s => s.CanonicalId == s.Id),
                    Roles = db.Roles.Count(),
                    WildcardPatterns = db.Actions.Count(a => a.IsWildcard),
                    // Through the policies the caller sees (the link tables carry no account): each policy stores its link counts.
                    LiteralPairs = db.Policies.Sum(p => p.ActionCount),
                    EffectiveGrants = db.Policies.Sum(p => p.EffectiveActionCount),
                }).FirstOrDefaultAsync(ctx.CancellationToken);
                var run = await db.ImportRuns.OrderByDescending(r => r.Id).FirstOrDefaultAsync(ctx.CancellationToken);
                var runInfo = run is null ? null : new ImportRunInfo(run.Source, run.ImportedAt, run.Format, run.ToolVersion);
                return counts is null
                    ? new CatalogStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, runInfo)
                    : new CatalogStats(counts.Policies, counts.Actions, counts.CanonicalActions, counts.ConcreteActions, counts.Services, counts.CanonicalServices,
                        counts.Roles, counts.WildcardPatterns, counts.LiteralPairs, counts.EffectiveGrants,
                        runInfo);
            });
    }
}
