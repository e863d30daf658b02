using System.Text.Json;
using System.Text.Json.Serialization;
using IamGraph.Import.Model;

namespace IamGraph.Import;

/// <summary>What <c>iamgraph import --report</c> writes: counts, then every finding split into warnings and discrepancies.</summary>
public sealed record ImportReport(
    string Source,
    string Database,
    string Layout,
    ImportReport.ReportCounts Counts,
    ImportReport.ReportTimings TimingsMs,
    IReadOnlyList<Finding> Warnings,
    IReadOnlyList<Finding> Discrepancies)
{
    public sealed record ReportCounts(int Policies, int Actions, int Services, int Roles, int PolicyActions, int RolePolicies, int PolicyVersions, int Statements, int CatalogActions, int EffectiveGrants)
    {
        public int Users { get; init; }
        public int Groups { get; init; }
        public int AccountRoles { get; init; }
        public int PrincipalPolicies { get; init; }
    }

    public sealed record ReportTimings(long Read, long Model, long Write, long Total);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static ImportReport From(ImportResult result)
    {
        var c = result.Catalog;
        var t = result.Timings;
        return new ImportReport(
            c.Source,
            result.Database,
            c.Layout.ToString().ToLowerInvariant(),
            new ReportCounts(c.Policies.Count, c.Actions.Count, c.Services.Count, c.Roles.Count, c.PolicyActions.Count, c.RolePolicies.Count,
                c.PolicyVersions.Count, c.Statements.Count, c.Actions.Count(a => a.InCatalog && a.CanonicalId == a.Id), c.EffectiveGrants.Count)
            {
                Users = c.Accounts.Users.Count,
                Groups = c.Accounts.Groups.Count,
                AccountRoles = c.Roles.Count(r => r.Account is not null),
                PrincipalPolicies = c.Accounts.PrincipalPolicies.Count,
            },
            new ReportTimings((long)t.Read.TotalMilliseconds, (long)t.Model.TotalMilliseconds, (long)t.Write.TotalMilliseconds, (long)t.Total.TotalMilliseconds),
            [.. c.Findings.Where(f => f.Category == FindingCategory.Warning)],
            [.. c.Findings.Where(f => f.Category == FindingCategory.Discrepancy)]);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
