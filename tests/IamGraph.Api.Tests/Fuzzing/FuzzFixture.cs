using IamGraph.Api.Tests.Engines;
using IamGraph.Catalog;
using IamGraph.Import.Reading;
using IamGraph.Import.Writing;
using IamGraph.Testing;

using Microsoft.EntityFrameworkCore;

namespace IamGraph.Api.Tests.Fuzzing;

/// <summary>
/// The catalogue the fuzz tests query: the bundled sample docs (real policies, about 80 actions over 9 services) read by the real
/// reader, plus the grants fixture's pages (case variants, every wildcard form, roles, findings), modelled and written by the
/// real import, so every relation, count and grant column holds something and the nested filters have rows to multiply.
/// </summary>
public abstract class FuzzFixture(CatalogProvider provider) : ApiFixture(provider)
{
    protected override void Write(TestCatalog catalog)
    {
        var sample = DocsReader.Read(Repository.Path("import", "sample", "docs"));
        var grants = GrantsFixture.Docs();
        var docs = sample with
        {
            Policies = [.. sample.Policies, .. grants.Policies],
            Roles = [.. sample.Roles, .. grants.Roles],
            Notes = [.. sample.Notes, .. grants.Notes],
        };
        CatalogWriters.For(catalog.Connection).Write(Import.Model.CatalogBuilder.Build(docs));

        // The import stamps the time it ran; one fixed time lets the engines' catalogues answer `importedAt` alike.
        var connection = catalog.Connection;
        var options = CatalogDatabase.Configure(
            new DbContextOptionsBuilder<CatalogDbContext>(),
            connection.Provider,
            connection.Provider == CatalogProvider.Sqlite ? CatalogDatabase.SqliteConnectionString(connection.ConnectionString, readOnly: false) : connection.ReaderConnectionString());
        using var db = new CatalogDbContext(options.Options);
        db.ImportRuns.ExecuteUpdate(s => s.SetProperty(r => r.ImportedAt, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }
}

public sealed class SqliteFuzzFixture() : FuzzFixture(CatalogProvider.Sqlite);

public sealed class PostgresFuzzFixture() : FuzzFixture(CatalogProvider.Postgres);
