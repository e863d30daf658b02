using Npgsql;
using Testcontainers.PostgreSql;
using Xunit;

namespace IamGraph.Testing;

/// <summary>
/// The PostgreSQL the tests run against: $IAMGRAPH_TEST_POSTGRES when set (CI starts one), else a Testcontainers
/// container where Docker is available, else none, and the PostgreSQL tests skip, except under CI=true, where they fail.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "IAMGRAPH_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> Server = new(StartAsync);

    public static string? Configured => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } cs ? cs : null;

    public static bool DockerLikelyAvailable =>
        Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } || File.Exists("/var/run/docker.sock");

    /// <summary>Why PostgreSQL tests cannot run here, or null when they can (or must, in CI).</summary>
    public static string? SkipReason =>
        Configured is not null || DockerLikelyAvailable || TestEnvironment.InCi
            ? null
            : $"No PostgreSQL: set {EnvironmentVariable} to a connection string (see .ci/postgres.sh) or run Docker for Testcontainers.";

    /// <summary>A new, empty database on the server, dropped when disposed.</summary>
    public static async Task<TemporaryDatabase> CreateDatabaseAsync()
    {
        var server = await Server.Value;
        var name = $"iamgraph_test_{Guid.NewGuid():N}"[..30];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        return new TemporaryDatabase(server, new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true }.ToString(), name);
    }

    /// <summary>A database name the server does not have yet, for code that must create it; dropped, if anything created it, when disposed.</summary>
    public static async Task<TemporaryDatabase> NewDatabaseNameAsync()
    {
        var server = await Server.Value;
        var name = $"iamgraph_new_{Guid.NewGuid():N}"[..30];
        return new TemporaryDatabase(server, new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString(), name);
    }

    /// <summary>The server as its administrator, for setting up roles.</summary>
    public static Task<string> AdminConnectionStringAsync() => Server.Value;

    private static async Task<string> StartAsync()
    {
        if (Configured is { } configured)
        {
            return configured;
        }
        try
        {
            var container = new PostgreSqlBuilder("postgres:16-alpine").Build();
            await container.StartAsync();
            return container.GetConnectionString();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException(
                $"PostgreSQL tests need a server: {EnvironmentVariable} is not set and Testcontainers could not start one ({e.GetType().Name}: {e.Message}).", e);
        }
    }
}

public sealed class TemporaryDatabase(string server, string connectionString, string name) : IAsyncDisposable
{
    public string ConnectionString { get; } = connectionString;

    public string Name { get; } = name;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>A fact that needs PostgreSQL: skipped with a reason where none can be had, run (and failing loudly) in CI.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        Skip = PostgresServer.SkipReason;
    }
}
