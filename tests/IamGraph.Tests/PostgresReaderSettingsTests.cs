using IamGraph.Catalog;
using IamGraph.Testing;

using Npgsql;

namespace IamGraph.Tests;

/// <summary>The server's PostgreSQL readers run with JIT off (it cost up to 1 s per principal query), unless the user says otherwise.</summary>
public sealed class PostgresReaderSettingsTests
{
    [PostgresFact]
    public async Task Readers_run_without_JIT_unless_the_connection_string_sets_it()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();

        Assert.Equal("off", await ShowJitAsync(CatalogConnection.Parse(database.ConnectionString).ReaderConnectionString()));
        var own = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Options = "-c jit=on" }.ToString();
        Assert.Equal("on", await ShowJitAsync(CatalogConnection.Parse(own).ReaderConnectionString()));
    }

    private static async Task<string?> ShowJitAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SHOW jit", connection);
        return (string?)await command.ExecuteScalarAsync();
    }
}
