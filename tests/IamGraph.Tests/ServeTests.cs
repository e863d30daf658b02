using System.Net;
using System.Text.Json;
using IamGraph.Catalog;
using IamGraph.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IamGraph.Tests;

/// <summary>`iamgraph serve` on a fresh machine: no catalogue yet, so the bundled sample is imported and served.</summary>
public sealed class ServeTests
{
    [Fact]
    public async Task With_no_catalogue_the_bundled_sample_is_imported_and_served()
    {
        using var dir = new TempDirectory();
        var database = CatalogConnection.Parse(dir.File("fresh.db"));

        await using var server = await RunningServer.StartAsync(database);
        var body = await server.QueryAsync("{ policies(first: 50) { totalCount nodes { name } } action(name: \"s3:getObject\") { policies { nodes { name } } } }");

        // The six docs policies, and the example account's 32 policies and 5 inline ones (AmazonS3ReadOnlyAccess in both).
        var policies = body.GetProperty("data").GetProperty("policies");
        Assert.Equal(43, policies.GetProperty("totalCount").GetInt32());
        Assert.Contains("AWSDenyAll", policies.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()));
        var caseVariantUsers = body.GetProperty("data").GetProperty("action").GetProperty("policies").GetProperty("nodes");
        Assert.Equal("AmazonRDSCustomInstanceProfileRolePolicy", caseVariantUsers.EnumerateArray().Single().GetProperty("name").GetString());
        Assert.True(File.Exists(dir.File("fresh.db")));
    }

    [Fact]
    public async Task The_bundled_sample_shows_versions_access_levels_and_true_effective_permissions()
    {
        using var dir = new TempDirectory();
        await using var server = await RunningServer.StartAsync(CatalogConnection.Parse(dir.File("sample.db")));
        var data = (await server.QueryAsync("""
            { denyAll: policy(name: "AWSDenyAll") { sources effectiveActionCount versions { totalCount } }
              s3: policy(name: "AmazonS3ReadOnlyAccess") { defaultVersionId versions { nodes { versionId addedActions } } }
              rds: policy(name: "AmazonRDSCustomInstanceProfileRolePolicy") { effectiveActionCount effectiveActions(unrestricted: true) { totalCount } }
              action(name: "ecr:BatchGetImage") { accessLevel inCatalog resourceTypes { name } grantedBy { totalCount } } }
            """)).GetProperty("data");

        // Its document is a Deny: it grants nothing (the docs alone counted `*` as a grant).
        var denyAll = data.GetProperty("denyAll");
        Assert.Equal(["DOCS", "MANAGED_POLICIES"], denyAll.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal((0, 2), (denyAll.GetProperty("effectiveActionCount").GetInt32(), denyAll.GetProperty("versions").GetProperty("totalCount").GetInt32()));

        var s3 = data.GetProperty("s3");
        // The package's default is v3; the bundled example account's file (2019) says v1, and an account file's default wins (issue 10).
        Assert.Equal("v1", s3.GetProperty("defaultVersionId").GetString());
        Assert.Equal(["v3", "v2", "v1"], s3.GetProperty("versions").GetProperty("nodes").EnumerateArray().Select(v => v.GetProperty("versionId").GetString()));
        Assert.Equal(["s3:Describe*"], s3.GetProperty("versions").GetProperty("nodes")[0].GetProperty("addedActions").EnumerateArray().Select(a => a.GetString()));

        // Most of its grants are limited to resources or by conditions.
        var rds = data.GetProperty("rds");
        Assert.Equal((42, 10), (rds.GetProperty("effectiveActionCount").GetInt32(), rds.GetProperty("effectiveActions").GetProperty("totalCount").GetInt32()));

        var action = data.GetProperty("action");
        Assert.Equal(["READ"], action.GetProperty("accessLevel").EnumerateArray().Select(l => l.GetString()));
        Assert.True(action.GetProperty("inCatalog").GetBoolean());
        Assert.Equal(["repository"], action.GetProperty("resourceTypes").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        // The three sample policies naming ecr actions, and the example account's AdministratorAccess and PowerUserAccess.
        Assert.Equal(5, action.GetProperty("grantedBy").GetProperty("totalCount").GetInt32());
    }

    [PostgresFact]
    public async Task On_an_empty_PostgreSQL_database_the_sample_is_imported_and_served()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();

        await using var server = await RunningServer.StartAsync(CatalogConnection.Parse(database.ConnectionString));
        var body = await server.QueryAsync("{ policies(first: 50) { totalCount nodes { name } } action(name: \"s3:GetObject\", ignoreCase: true) { grantedBy { totalCount } } }");

        Assert.Equal(43, body.GetProperty("data").GetProperty("policies").GetProperty("totalCount").GetInt32());
        Assert.Contains("AWSDenyAll", body.GetProperty("data").GetProperty("policies").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()));
        Assert.True(body.GetProperty("data").GetProperty("action").GetProperty("grantedBy").GetProperty("totalCount").GetInt32() >= 2);
    }

    [Fact]
    public async Task Readiness_names_the_import_being_served_and_health_answers()
    {
        using var dir = new TempDirectory();
        await using var server = await RunningServer.StartAsync(CatalogConnection.Parse(dir.File("ready.db")));

        using var ready = await server.Client.GetAsync("/readyz");
        using var health = await server.Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("sample", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task A_browser_asking_for_graphql_gets_the_IDE_and_its_offline_config()
    {
        using var dir = new TempDirectory();
        await using var server = await RunningServer.StartAsync(CatalogConnection.Parse(dir.File("ide.db")));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html");

        using var page = await server.Client.SendAsync(request);
        var config = JsonDocument.Parse(await server.Client.GetStringAsync("/graphql/bcp-config.json")).RootElement;

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.True(config.GetProperty("useBrowserUrlAsEndpoint").GetBoolean());
        Assert.True(config.GetProperty("disableTelemetry").GetBoolean());
    }

    [Fact]
    public void A_catalogue_written_by_another_schema_version_is_refused_with_what_to_do()
    {
        using var dir = new TempDirectory();
        var database = CatalogConnection.Parse(dir.File("old.db"));
        Hosting.CatalogBootstrap.EnsureCatalog(database);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={dir.File("old.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM \"__EFMigrationsHistory\"";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<InvalidOperationException>(() => Hosting.CatalogBootstrap.EnsureCurrentSchema(database));

        Assert.Contains("iamgraph import", error.Message);
    }

    [Fact]
    public void A_catalogue_one_migration_behind_is_refused_naming_the_missing_migration()
    {
        // As the previous schema wrote it: every migration but this build's last (e.g. nullable canonical ids).
        using var dir = new TempDirectory();
        var database = CatalogConnection.Parse(dir.File("previous.db"));
        string missing;
        using (var db = new CatalogDbContext(CatalogDatabase.SqliteOptions(dir.File("previous.db"), readOnly: false)))
        {
            var migrations = db.Database.GetMigrations().ToList();
            db.GetService<IMigrator>().Migrate(migrations[^2]);
            missing = migrations[^1];
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var error = Assert.Throws<InvalidOperationException>(() => Hosting.CatalogBootstrap.EnsureCurrentSchema(database));

        Assert.Contains(missing, error.Message);
        Assert.Contains("iamgraph import", error.Message);
    }
}
