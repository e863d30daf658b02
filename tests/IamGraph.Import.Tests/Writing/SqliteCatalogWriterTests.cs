using IamGraph.Catalog;
using IamGraph.Catalog.Entities;
using IamGraph.Import.Model;
using IamGraph.Import.Tests.Model;
using IamGraph.Import.Tests.Reading;
using IamGraph.Import.Writing;
using IamGraph.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IamGraph.Import.Tests.Writing;

public class SqliteCatalogWriterTests
{
    [Fact]
    public void Writes_every_entity_relation_and_finding_readable_through_EF_Core()
    {
        using var dir = new TempDirectory();
        var snapshot = CatalogBuilder.Build(DocsCatalogs.Small());

        new SqliteCatalogWriter(dir.File("catalog.db")).Write(snapshot);

        using var db = new CatalogDbContext(CatalogDatabase.SqliteOptions(dir.File("catalog.db"), readOnly: true));
        Assert.Equal(3, db.Policies.Count());
        Assert.Equal(6, db.Actions.Count());
        var mixed = db.Policies.Include(p => p.Actions).Include(p => p.Services).Include(p => p.Roles).Single(p => p.Name == "MixedCase");
        Assert.Equal(["S3:GetObject", "ecr:BatchGet*", "s3:getObject"], mixed.Actions.Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["S3", "ecr", "s3"], mixed.Services.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["Builder"], mixed.Roles.Select(r => r.Name));
        Assert.Equal(("arn:aws:iam::aws:policy/service-role/MixedCase", "/service-role/", 3), (mixed.Arn, mixed.Path, mixed.ActionCount));
        var builder = db.Roles.Include(r => r.Actions).Single(r => r.Name == "Builder");
        Assert.Equal(5, builder.Actions.Count);
        Assert.Equal("s3:getobject", db.Actions.Single(a => a.Name == "s3:getObject").NameKey);
        Assert.True(db.Actions.Single(a => a.Name == "*").IsWildcard);
        Assert.Equal("duplicate-row", db.DataQualityFindings.Single().Kind);
        Assert.Equal("published", db.ImportRuns.Single().Format);
    }

    [Fact]
    public void The_SQL_views_give_the_join_tables_with_names()
    {
        using var dir = new TempDirectory();
        new SqliteCatalogWriter(dir.File("catalog.db")).Write(CatalogBuilder.Build(DocsCatalogs.Small()));

        var named = Query(dir.File("catalog.db"), "SELECT action_name || '@' || service_name FROM policy_action_names WHERE policy_name = 'MixedCase' ORDER BY action_name");
        // All three variants have one policy each, so the ordinal smallest, S3:GetObject, is canonical.
        var via = Query(dir.File("catalog.db"), "SELECT via FROM effective_grant_names WHERE policy_name = 'MixedCase' AND action_name = 'S3:GetObject'");

        Assert.Equal(["S3:GetObject@S3", "ecr:BatchGet*@ecr", "s3:getObject@s3"], named);
        Assert.Equal(["[\"S3:GetObject\",\"s3:getObject\"]"], via);
    }

    [Fact]
    public void Texts_of_any_length_and_script_are_stored_as_written()
    {
        using var dir = new TempDirectory();
        // A long text first (over the writer's first UTF-8 buffer, with two-, three- and four-byte characters), then shorter ones
        // that reuse the buffer, an empty one among them.
        string[] documents = ["{\"Sid\":\"" + string.Concat(Enumerable.Repeat("é日本😀", 2000)) + "\"}", "", "{\"Version\":\"2012-10-17\"}", "ascii"];
        var snapshot = CatalogBuilder.Build(DocsCatalogs.Small()) with
        {
            PolicyVersions = [.. documents.Select((d, i) => new PolicyVersionRow(i + 1, 1, $"v{i + 1}", IsDefault: i == 0, CreatedAt: null, d))],
        };

        new SqliteCatalogWriter(dir.File("catalog.db")).Write(snapshot);

        Assert.Equal(documents, Query(dir.File("catalog.db"), "SELECT document FROM policy_versions ORDER BY id"));
    }

    [Fact]
    public void Leaves_a_rollback_journal_database_and_no_staging_files()
    {
        using var dir = new TempDirectory();

        new SqliteCatalogWriter(dir.File("catalog.db")).Write(CatalogBuilder.Build(DocsCatalogs.Small()));

        Assert.Equal(["catalog.db"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
        using var connection = new SqliteConnection(CatalogDatabase.SqliteConnectionString(dir.File("catalog.db"), readOnly: true));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("delete", command.ExecuteScalar());
    }

    [Fact]
    public void A_failed_write_leaves_the_previous_database_byte_identical()
    {
        using var dir = new TempDirectory();
        var target = dir.File("catalog.db");
        new SqliteCatalogWriter(target).Write(CatalogBuilder.Build(DocsCatalogs.Small()));
        var before = File.ReadAllBytes(target);
        var good = CatalogBuilder.Build(DocsCatalogs.Small());
        // Two actions with one name break the unique index half-way through the write.
        var broken = good with { Actions = [.. good.Actions, good.Actions[0] with { Id = 99 }] };

        Assert.Throws<SqliteException>(() => new SqliteCatalogWriter(target).Write(broken));

        AssertUntouched(dir, target, before);
    }

    [Fact]
    public void A_cancelled_write_changes_nothing()
    {
        using var dir = new TempDirectory();
        var target = dir.File("catalog.db");
        new SqliteCatalogWriter(target).Write(CatalogBuilder.Build(DocsCatalogs.Small()));
        var before = File.ReadAllBytes(target);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => new SqliteCatalogWriter(target).Write(CatalogBuilder.Build(DocsCatalogs.Small()), cancelled.Token));

        Assert.Equal(before, File.ReadAllBytes(target));
    }

    [Fact]
    public void A_reader_open_during_an_import_keeps_reading_the_old_catalogue_and_new_readers_see_the_new_one()
    {
        using var dir = new TempDirectory();
        var target = dir.File("catalog.db");
        new SqliteCatalogWriter(target).Write(CatalogBuilder.Build(DocsCatalogs.Small()));
        using var reader = new SqliteConnection(CatalogDatabase.SqliteConnectionString(target, readOnly: true) + ";Pooling=False");
        reader.Open();
        Assert.Equal(3L, Count(reader, "policies"));

        var bigger = DocsCatalogs.Of([.. DocsCatalogs.Small().Policies, DocsCatalogs.Policy("Extra", "arn:aws:iam::aws:policy/Extra", "sts:AssumeRole")]);
        new SqliteCatalogWriter(target).Write(CatalogBuilder.Build(bigger));

        Assert.Equal(3L, Count(reader, "policies"));
        using var fresh = new SqliteConnection(CatalogDatabase.SqliteConnectionString(target, readOnly: true) + ";Pooling=False");
        fresh.Open();
        Assert.Equal(4L, Count(fresh, "policies"));
    }

    [Fact]
    public void A_catalogue_with_a_row_pointing_at_no_row_is_refused_and_the_previous_database_stays()
    {
        using var dir = new TempDirectory();
        var target = dir.File("catalog.db");
        new SqliteCatalogWriter(target).Write(CatalogBuilder.Build(DocsCatalogs.Small()));
        var before = File.ReadAllBytes(target);
        var good = CatalogBuilder.Build(DocsCatalogs.Small());
        var broken = good with { PolicyActions = [.. good.PolicyActions, new Link(1, 999)] };

        var error = Assert.Throws<InvalidOperationException>(() => new SqliteCatalogWriter(target).Write(broken));

        Assert.Equal($"The catalogue is inconsistent: row {good.PolicyActions.Count + 1} of policy_actions points at a missing row of actions.", error.Message);
        AssertUntouched(dir, target, before);
    }

    [Fact]
    public void A_statement_naming_a_missing_action_is_refused_though_the_statements_are_written_before_the_actions()
    {
        using var dir = new TempDirectory();
        var target = dir.File("catalog.db");
        var good = CatalogBuilder.Build(DocsCatalogs.Small());
        // The stored documents' rows go first (they are final before the rest): their keys to actions are checked once the actions are written.
        var broken = good with
        {
            PolicyVersions = [new PolicyVersionRow(1, 1, "v1", IsDefault: true, CreatedAt: null, "{}")],
            Statements = [new StatementRow(1, 1, 0, null, StatementEffect.Allow, "[\"*\"]", IsNotResource: false, Condition: null)],
            StatementActions = [new StatementActionRow(1, 1, IsNotAction: false), new StatementActionRow(1, 999, IsNotAction: false)],
        };

        var error = Assert.Throws<InvalidOperationException>(() => new SqliteCatalogWriter(target).Write(broken));

        Assert.Equal("The catalogue is inconsistent: row 2 of statement_actions points at a missing row of actions.", error.Message);
        Assert.False(File.Exists(target));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void A_model_that_fails_after_handing_over_parts_leaves_the_previous_database_byte_identical()
    {
        using var dir = new TempDirectory();
        var target = dir.File("catalog.db");
        var whole = CatalogBuilder.Build(DocsCatalogs.Small());
        new SqliteCatalogWriter(target).Write(whole);
        var before = File.ReadAllBytes(target);
        var parts = new CatalogParts();
        var writer = new SqliteCatalogWriter(target);
        var writing = Task.Run(() => writer.Write(parts));

        // The writer stores what it was given (or still waits for it) when the model fails.
        parts.DocumentsFinal(whole);
        parts.ActionCatalogFinal(whole);
        parts.Abandon();

        Assert.ThrowsAny<OperationCanceledException>(() => writing.GetAwaiter().GetResult());
        AssertUntouched(dir, target, before);
    }

    [Fact]
    public void An_import_whose_model_fails_while_the_writer_runs_names_the_file_and_changes_nothing()
    {
        using var dir = new TempDirectory();
        var target = dir.File("catalog.db");
        using var docs = DocsFixture.Minimal();
        CatalogImporter.Import(docs.Root, target);
        var before = File.ReadAllBytes(target);
        // Each page reads well; only the model sees that two policies claim one ARN, once the writer has started.
        docs.Write("policies/other.md", "# Policy: Other\n\nARN: `arn:aws:iam::aws:policy/AWSDenyAll`\n");

        var error = Assert.Throws<ImportException>(() => CatalogImporter.Import(docs.Root, target));

        Assert.Equal(("policies/other.md", 1), (error.File, error.Line));
        Assert.Contains("policies/awsdenyall.md", error.Message, StringComparison.Ordinal);
        AssertUntouched(dir, target, before);
    }

    [Fact]
    public void The_written_file_has_the_schema_the_migrations_make_indexes_included()
    {
        using var dir = new TempDirectory();
        new SqliteCatalogWriter(dir.File("catalog.db")).Write(CatalogBuilder.Build(DocsCatalogs.Small()));
        using (var db = new CatalogDbContext(CatalogDatabase.SqliteOptions(dir.File("migrated.db"), readOnly: false)))
        {
            db.Database.Migrate();
        }
        SqliteConnection.ClearAllPools();

        // The writer runs the migrations' script (SchemaScript), not Migrate(): after adding a migration, remake Schema.sql as the
        // README says. EF Core's lock table is Migrate()'s own bookkeeping.
        var written = Schema(dir.File("catalog.db"));
        Assert.Equal(Schema(dir.File("migrated.db")).Where(row => !row.Contains("__EFMigrationsLock", StringComparison.Ordinal)), written);
        const string History = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY 1";
        Assert.Equal(Query(dir.File("migrated.db"), History), Query(dir.File("catalog.db"), History));
        // Statements are read by statement only (UnindexedForeignKeys): no index by action; other foreign keys keep theirs.
        Assert.DoesNotContain(written, row => row.StartsWith("index ", StringComparison.Ordinal) && row.Contains("ON \"statement_actions\"", StringComparison.Ordinal));
        Assert.Contains(written, row => row.StartsWith("index ix_actions_service_id: ", StringComparison.Ordinal));
        // The big link tables are one B-tree each (migration WithoutRowidLinkTables): a later migration that rebuilds one must keep it.
        Assert.All(["statement_actions", "effective_grants", "action_matches"], table =>
            Assert.EndsWith(" WITHOUT ROWID", written.Single(row => row.StartsWith($"table {table}:", StringComparison.Ordinal))));

        static string[] Schema(string file) =>
            Query(file, "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name");
    }

    [Fact]
    public void An_import_whose_reading_fails_leaves_no_staging_file_beside_the_target()
    {
        using var dir = new TempDirectory();
        var target = dir.File("catalog.db");
        new SqliteCatalogWriter(target).Write(CatalogBuilder.Build(DocsCatalogs.Small()));
        var notDocs = Directory.CreateDirectory(Path.Combine(dir.Path, "not-docs")).FullName;

        Assert.Throws<ImportException>(() => CatalogImporter.Import(notDocs, target));

        Assert.Equal(["catalog.db"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    private static long Count(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The previous database is byte-identical and no staging file is left beside it.</summary>
    private static void AssertUntouched(TempDirectory dir, string target, byte[] before)
    {
        Assert.Equal(before, File.ReadAllBytes(target));
        Assert.Equal(["catalog.db"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    /// <summary>The first column of every row <paramref name="sql"/> gives, as text, from the database file (unpooled, so it can be deleted after).</summary>
    private static string[] Query(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }
        return [.. rows];
    }
}
