using IamGraph.Catalog;
using IamGraph.Import.Model;
using IamGraph.Testing;
using Microsoft.EntityFrameworkCore;

namespace IamGraph.Import.Tests;

/// <summary>The whole published dataset through read -> model -> write, checked against the numbers the docs and IAM's rules give.</summary>
public class SharedDocsImportTests
{
    [DocsFact]
    public void The_shared_docs_import_with_the_exact_counts_and_IAM_grants()
    {
        using var dir = new TempDirectory();

        var result = CatalogImporter.Import(SharedDocs.Require(), dir.File("full.db"));

        var report = ImportReport.From(result);
        Assert.Equal(
            new ImportReport.ReportCounts(Policies: 1335, Actions: 12936, Services: 397, Roles: 0, PolicyActions: 40217, RolePolicies: 0, PolicyVersions: 0, Statements: 0, CatalogActions: 0, EffectiveGrants: 99724),
            report.Counts);
        Assert.Equal(41482 - 40217, report.Warnings.Count(f => f.Kind == FindingKinds.DuplicateRow));

        using var db = new CatalogDbContext(CatalogDatabase.SqliteOptions(dir.File("full.db"), readOnly: true));
        Assert.Equal(24, db.Actions.Single(a => a.Name == "ecr:BatchGetImage").PolicyCount);
        Assert.Equal(10270, db.Actions.Select(a => a.NameKey).Distinct().Count());
        Assert.Equal(387, db.Services.Select(s => s.NameKey).Distinct().Count());
        Assert.Equal(1042, db.Actions.Count(a => a.IsWildcard));
        // IAM's reading: case-insensitive, wildcards expanded (155 literal grants of s3:GetObject, 179 in all).
        var getObject = db.Actions.Single(a => a.Name == "s3:GetObject");
        Assert.Equal((155, 179), (getObject.PolicyCount, getObject.GrantedByCount));
        Assert.Equal(28, db.Actions.Single(a => a.Name == "ecr:BatchGetImage").GrantedByCount);
        Assert.Equal(getObject.Id, db.Actions.Single(a => a.Name == "s3:getObject").CanonicalId);
        Assert.Equal(179, db.EffectiveGrants.Count(g => g.ActionId == getObject.Id));
        var denyAll = db.Policies.Include(p => p.Actions).Single(p => p.Name == "AWSDenyAll");
        Assert.Equal(["*"], denyAll.Actions.Select(a => a.Name));
    }

    [DocsFact]
    public void Index_counts_that_disagree_with_the_pages_are_reported_as_discrepancies()
    {
        var catalog = CatalogBuilder.Build(IamGraph.Import.Reading.DocsReader.Read(SharedDocs.Require()));

        var acm = catalog.Findings.Single(f => f.Kind == FindingKinds.IndexCountMismatch && f.Entity == "service:acm" && f.Message.Contains("policies", StringComparison.Ordinal));
        Assert.Equal(("services/README.md", 41L), (acm.File, acm.Declared));
        Assert.Equal(catalog.Services.Single(s => s.Name == "acm").PolicyCount, acm.Actual);
        // s3:GetObject (155 policies) lost its page to s3:getObject (1 policy): lower-cased slugs collide.
        Assert.Contains(catalog.Findings, f => f.Kind == FindingKinds.PageLostToSlugCollision && f.Entity == "action:s3:GetObject");
    }
}
