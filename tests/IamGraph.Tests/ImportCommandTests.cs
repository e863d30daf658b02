using System.Text.Json;
using IamGraph.Hosting;
using IamGraph.Testing;
using Npgsql;

namespace IamGraph.Tests;

/// <summary>`iamgraph import` end to end: what the user sees, the exit code, the report, and that a failure changes nothing.</summary>
public sealed class ImportCommandTests
{
    [Fact]
    public async Task Importing_the_sample_prints_a_summary_and_writes_the_report()
    {
        using var dir = new TempDirectory();

        var (exit, output) = await Cli.RunAsync("import", CatalogBootstrap.SampleDocs, "--db", dir.File("c.db"), "--report", dir.File("report.json"));

        Assert.True(exit == 0, output);
        Assert.Contains("Imported", output);
        var report = JsonDocument.Parse(File.ReadAllText(dir.File("report.json"))).RootElement;
        var counts = report.GetProperty("counts");
        Assert.Equal(6, counts.GetProperty("policies").GetInt32());
        Assert.Equal(0, counts.GetProperty("roles").GetInt32());
        Assert.True(counts.GetProperty("policyActions").GetInt32() > counts.GetProperty("actions").GetInt32());
        Assert.Equal(JsonValueKind.Array, report.GetProperty("warnings").ValueKind);
        Assert.Equal(JsonValueKind.Array, report.GetProperty("discrepancies").ValueKind);
        // The sample repeats rows in AmazonRDSCustomInstanceProfileRolePolicy, as the real page does.
        Assert.Contains(report.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("kind").GetString() == "duplicate-row");
    }

    [Fact]
    public async Task A_missing_folder_fails_with_its_name_and_leaves_the_database_byte_identical()
    {
        using var dir = new TempDirectory();
        var db = dir.File("c.db");
        Assert.Equal(0, (await Cli.RunAsync("import", CatalogBootstrap.SampleDocs, "--db", db)).ExitCode);
        var before = File.ReadAllBytes(db);

        var (exit, output) = await Cli.RunAsync("import", dir.File("no-such-docs"), "--db", db);

        Assert.Equal(2, exit);
        Assert.Contains("no-such-docs", output);
        Assert.Contains("Nothing was changed", output);
        Assert.Equal(before, File.ReadAllBytes(db));
    }

    [Fact]
    public async Task A_policy_page_without_an_ARN_fails_naming_the_file()
    {
        using var dir = new TempDirectory();
        var docs = dir.CopyFolder(CatalogBootstrap.SampleDocs, "docs");
        var page = Directory.GetFiles(Path.Combine(docs, "policies"), "awsdenyall.md").Single();
        File.WriteAllLines(page, File.ReadAllLines(page).Where(l => !l.StartsWith("ARN:", StringComparison.Ordinal)));

        var (exit, output) = await Cli.RunAsync("import", docs, "--db", dir.File("c.db"));

        Assert.Equal(2, exit);
        Assert.Contains("awsdenyall.md", output);
        Assert.Contains("ARN", output);
        Assert.False(File.Exists(dir.File("c.db")));
    }

    [PostgresFact]
    public async Task Importing_into_a_PostgreSQL_database_that_does_not_exist_creates_it()
    {
        await using var database = await PostgresServer.NewDatabaseNameAsync();

        var (exit, output) = await Cli.RunAsync("import", CatalogBootstrap.SampleDocs, "--db", database.ConnectionString);

        Assert.True(exit == 0, output);
        Assert.Equal(6L, await ScalarAsync(database.ConnectionString, "SELECT count(*) FROM iamgraph.policies"));
    }

    [PostgresFact]
    public async Task A_user_who_may_not_create_the_missing_database_is_told_how_and_gets_exit_code_3()
    {
        await using var database = await PostgresServer.NewDatabaseNameAsync();
        var admin = await PostgresServer.AdminConnectionStringAsync();
        var role = $"iamgraph_nocreatedb_{Guid.NewGuid():N}"[..30];
        await ScalarAsync(admin, $"CREATE ROLE {role} LOGIN PASSWORD '{role}' NOCREATEDB");
        try
        {
            var asRole = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = role, Password = role }.ToString();

            var (exit, output) = await Cli.RunAsync("import", CatalogBootstrap.SampleDocs, "--db", asRole);

            Assert.True(exit == 3, output);
            var message = string.Join(' ', output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)); // the console wraps long lines
            Assert.Contains($"database \"{database.Name}\" does not exist, and user {role} may not create it", message);
            Assert.Contains($"-O {role} {database.Name}), or grant {role} CREATEDB", message);
            Assert.Equal(0L, await ScalarAsync(admin, $"SELECT count(*) FROM pg_database WHERE datname = '{database.Name}'"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ScalarAsync(admin, $"DROP ROLE {role}");
        }
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task The_schema_command_prints_the_committed_SDL()
    {
        var (exit, output) = await Cli.RunAsync("schema");

        Assert.Equal(0, exit);
        var committed = Repository.Path("src", "IamGraph.Api", "schema.graphql");
        Assert.Equal(File.ReadAllText(committed).ReplaceLineEndings("\n").Trim(), output.ReplaceLineEndings("\n").Trim());
    }
}
