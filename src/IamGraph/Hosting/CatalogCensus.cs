using System.Data.Common;
using System.Reflection;
using IamGraph.Catalog;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace IamGraph.Hosting;

/// <summary>
/// What serve reads from the catalogue before it listens (the migrations applied, the last import's sources, whether any row
/// belongs to an account), in plain SQL: EF Core would first build its model, half of a cold start, which
/// <see cref="CatalogWarmUp"/> builds on another thread meanwhile.
/// </summary>
internal static class CatalogCensus
{
    /// <summary>This build's migrations the catalogue lacks, oldest first (all of them when it has no history table).</summary>
    public static IReadOnlyList<string> PendingMigrations(CatalogConnection database)
    {
        using var connection = Open(database);
        var applied = new HashSet<string>(StringComparer.Ordinal);
        if (Exists(connection, database.Provider, "__EFMigrationsHistory"))
        {
            applied.UnionWith(Strings(connection, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\""));
        }
        return [.. MigrationIds(database.Provider).Where(id => !applied.Contains(id))];
    }

    /// <summary>The sources the last import names (public files only), or null when none is recorded.</summary>
    public static IReadOnlyList<string>? LastImportSources(CatalogConnection database)
    {
        using var connection = Open(database);
        return Strings(connection, "SELECT source FROM import_runs ORDER BY id DESC LIMIT 1") is [var source] ? source.Split("; ") : null;
    }

    /// <summary>The accounts the catalogue's rows belong to, in order: every table with an <c>account_id</c> column is account-owned.</summary>
    public static IReadOnlyList<string> Accounts(CatalogConnection database) => AccountIds(database, "UNION", "ORDER BY 1");

    /// <summary>Whether any row belongs to an account; stops at the first.</summary>
    public static bool HoldsAccountData(CatalogConnection database) => AccountIds(database, "UNION ALL", "LIMIT 1").Count > 0;

    /// <summary>The account ids of every account-owned table's rows, the tables' selects joined by <paramref name="union"/>.</summary>
    private static List<string> AccountIds(CatalogConnection database, string union, string tail)
    {
        using var connection = Open(database);
        var owned = AccountOwnedTables(connection, database.Provider);
        return owned.Count == 0 ? [] : Strings(connection,
            string.Join($" {union} ", owned.Select(t => $"SELECT account_id FROM \"{t}\" WHERE account_id IS NOT NULL")) + $" {tail}");
    }

    /// <summary>The tables with an <c>account_id</c> column: the <see cref="Catalog.Entities.IAccountOwned"/> entities' (a test holds them equal).</summary>
    internal static IReadOnlyList<string> AccountOwnedTables(DbConnection connection, CatalogProvider provider) => Strings(connection, provider == CatalogProvider.Sqlite
        ? "SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND c.name = 'account_id' ORDER BY 1"
        : "SELECT table_name::text FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'account_id' ORDER BY 1");

    internal static DbConnection Open(CatalogConnection database)
    {
        DbConnection connection = database.Provider == CatalogProvider.Sqlite
            ? new SqliteConnection(database.ReaderConnectionString())
            : new NpgsqlConnection(database.ReaderConnectionString());
        connection.Open();
        return connection;
    }

    private static bool Exists(DbConnection connection, CatalogProvider provider, string table) => Strings(connection, provider == CatalogProvider.Sqlite
        ? $"SELECT name FROM sqlite_master WHERE type = 'table' AND name = '{table}'"
        : $"SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '{table}'").Count > 0;

    /// <summary>The migrations of the provider's assembly, as EF Core orders them (by id).</summary>
    private static IEnumerable<string> MigrationIds(CatalogProvider provider) =>
        Assembly.Load(provider == CatalogProvider.Sqlite ? CatalogDatabase.SqliteMigrationsAssembly : CatalogDatabase.PostgresMigrationsAssembly).GetTypes()
            .Where(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(CatalogDbContext))
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .Order(StringComparer.Ordinal);

    private static List<string> Strings(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }
}
