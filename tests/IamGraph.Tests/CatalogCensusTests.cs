using IamGraph.Catalog;
using IamGraph.Catalog.Entities;
using IamGraph.Hosting;
using IamGraph.Import;
using IamGraph.Testing;

using Microsoft.EntityFrameworkCore;

namespace IamGraph.Tests;

/// <summary>
/// What serve reads in plain SQL before it listens (CatalogCensus) agrees with EF Core's model on both engines: the tables
/// with an account_id column are exactly the account-owned entities', the accounts and migrations are read right.
/// </summary>
public sealed class CatalogCensusTests
{
    [Fact]
    public void On_SQLite_the_census_reads_what_the_model_says()
    {
        using var dir = new TempDirectory();
        AssertCensus(CatalogConnection.Parse(dir.File("census.db")));
    }

    [PostgresFact]
    public async Task On_PostgreSQL_the_census_reads_what_the_model_says()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        AssertCensus(CatalogConnection.Parse(database.ConnectionString));
    }

    private static void AssertCensus(CatalogConnection database)
    {
        CatalogImporter.Import(CatalogBootstrap.SampleInputs with { Accounts = null }, database);
        Assert.False(CatalogCensus.HoldsAccountData(database));
        Assert.Empty(CatalogCensus.Accounts(database));

        CatalogImporter.Import(CatalogBootstrap.SampleInputs, database);

        string last;
        using (var db = new CatalogDbContext(database.ReaderOptions()))
        using (var connection = CatalogCensus.Open(database))
        {
            var owned = db.Model.GetEntityTypes().Where(e => typeof(IAccountOwned).IsAssignableFrom(e.ClrType)).Select(e => e.GetTableName()!).Order(StringComparer.Ordinal);
            Assert.Equal(owned, CatalogCensus.AccountOwnedTables(connection, database.Provider));
            last = db.Database.GetMigrations().Last();
        }
        Assert.True(CatalogCensus.HoldsAccountData(database));
        Assert.Equal([CatalogBootstrap.SampleAccountId], CatalogCensus.Accounts(database));
        Assert.Equal(CatalogBootstrap.SampleInputs.Docs, CatalogCensus.LastImportSources(database)?[0]);
        Assert.Empty(CatalogCensus.PendingMigrations(database));

        // As an older build left it: this build's last migration missing from the history.
        using (var db = new CatalogDbContext(database.Provider == CatalogProvider.Sqlite
            ? CatalogDatabase.SqliteOptions(database.ConnectionString, readOnly: false)
            : database.ReaderOptions()))
        {
            db.Database.ExecuteSql($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {last}");
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.Equal([last], CatalogCensus.PendingMigrations(database));
    }
}
