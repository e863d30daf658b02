using IamGraph.Catalog;
using IamGraph.Import.Model;
using IamGraph.Import.Tests.Model;
using IamGraph.Import.Writing;
using IamGraph.Migrations.Sqlite;
using IamGraph.Testing;
using Microsoft.Data.Sqlite;

namespace IamGraph.Import.Tests.Writing;

public class SqliteStoreSchemaTests
{
    /// <summary>
    /// The SQLite writer takes table and column names, integer ids and foreign keys from the staging file, not from EF Core's
    /// model: every table it writes must come out as the model maps it.
    /// </summary>
    [Fact]
    public void Every_table_written_has_the_names_ids_and_foreign_keys_of_EF_Cores_model()
    {
        using var dir = new TempDirectory();
        using var connection = OpenWith(dir, SchemaScript.Text);
        using var db = new CatalogDbContext(CatalogDatabase.SqliteOptions(dir.File("unused.db"), readOnly: true));
        using var tx = connection.BeginTransaction();
        var schema = new SqliteStoreSchema(connection, tx);

        var tables = CatalogTables.Of(CatalogBuilder.Build(DocsCatalogs.Small())).ToList();

        Assert.True(tables.Count >= 27, $"only {tables.Count} tables");
        Assert.All(tables, rows =>
        {
            var expected = StoreTable.Of(db.Model, rows);
            var actual = schema.Of(rows);
            Assert.Equal(Describe(expected), Describe(actual));
        });
        // Not vacuous: ids, a foreign key to another table and one to the table itself are among them.
        var described = tables.Select(rows => Describe(schema.Of(rows))).ToList();
        Assert.Contains("services(id, name, name_key, title, canonical_id, action_count, policy_count, role_count) id=0 canonical_id->services", described);
        Assert.Contains(described, d => d.StartsWith("policy_actions(policy_id, action_id) id=-1 policy_id->policies action_id->actions", StringComparison.Ordinal));
    }

    [Fact]
    public void A_property_with_no_column_in_the_file_is_refused()
    {
        using var dir = new TempDirectory();
        using var connection = OpenWith(dir, "CREATE TABLE services (id INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL)");
        using var tx = connection.BeginTransaction();
        var rows = CatalogTables.Of(CatalogBuilder.Build(DocsCatalogs.Small())).First();

        var error = Assert.Throws<InvalidOperationException>(() => new SqliteStoreSchema(connection, tx).Of(rows));

        Assert.Equal("Service.NameKey has no column.", error.Message);
    }

    /// <summary>A new database file in <paramref name="dir"/> holding what <paramref name="schema"/> creates, open.</summary>
    private static SqliteConnection OpenWith(TempDirectory dir, string schema)
    {
        var connection = new SqliteConnection($"Data Source={dir.File("schema.db")};Pooling=False");
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = schema;
        create.ExecuteNonQuery();
        return connection;
    }

    private static string Describe(StoreTable table) =>
        $"{table.Name}({string.Join(", ", table.Columns)}) id={table.IdColumn}"
        + string.Concat(table.References.Select((principal, i) => principal is null ? "" : $" {table.Columns[i]}->{principal}"));
}
