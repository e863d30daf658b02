using IamGraph.Catalog;
using IamGraph.Import.Model;
using IamGraph.Testing;
using Microsoft.EntityFrameworkCore;

namespace IamGraph.Import.Tests;

/// <summary>Issue 9's numbers: the docs with both npm packages, through read -> model -> write into SQLite.</summary>
public sealed class FullImportTests
{
    [NpmDataFact]
    public void The_docs_with_the_documents_and_the_catalogue_give_IAMs_answers()
    {
        using var dir = new TempDirectory();

        var result = CatalogImporter.Import(
            new ImportInputs(SharedDocs.Require(), SharedNpmPackages.ManagedPolicies, SharedNpmPackages.ActionCatalog),
            new CatalogConnection(CatalogProvider.Sqlite, dir.File("full.db")));

        var counts = ImportReport.From(result).Counts;
        Assert.Equal((1594, 6194, 22091), (counts.Policies, counts.PolicyVersions, counts.CatalogActions));
        Assert.Equal(175, result.Catalog.Findings.Count(f => f.Kind == "version-gap"));

        using var db = new CatalogDbContext(CatalogDatabase.SqliteOptions(dir.File("full.db"), readOnly: true));
        int Granted(string policy) => db.Policies.Single(p => p.Name == policy).EffectiveActionCount;
        Assert.Equal(0, Granted("AWSDenyAll"));
        Assert.True(Granted("PowerUserAccess") > 22000, $"PowerUserAccess grants {Granted("PowerUserAccess")}");
        Assert.True(Granted("AWSCertificateManagerReadOnly") > 0);
        var passRole = db.Actions.Single(a => a.Name == "iam:PassRole");
        Assert.Equal(260, db.EffectiveGrants.Count(g => g.ActionId == passRole.Id));
        Assert.True(passRole.InCatalog);

        // The docs show an older version for 257 policies and no actions for 15 single-object statements: a finding each where they differ.
        Assert.True(result.Catalog.Findings.Count(f => f.Kind == FindingKinds.DocsDifferFromDocument) >= 257);
        var denyAll = db.Policies.Include(p => p.Versions).Single(p => p.Name == "AWSDenyAll");
        Assert.Contains(denyAll.Versions, v => v.IsDefault && v.VersionId == denyAll.DefaultVersionId);
    }
}
