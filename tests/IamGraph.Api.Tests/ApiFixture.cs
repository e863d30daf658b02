using System.Data.Common;
using System.Text.Json;

using GraphQL;

using IamGraph.Catalog;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace IamGraph.Api.Tests;

/// <summary>A migrated temp SQLite catalogue and the API's service provider, shared by the tests of the collection.</summary>
public class ApiFixture : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"iamgraph-api-{Guid.NewGuid():N}.db");

    public ApiFixture()
        : this(file =>
        {
            using var db = new CatalogDbContext(CatalogDatabase.SqliteOptions(file, readOnly: false));
            db.Database.Migrate();
            CatalogBuilder.Sample().SaveTo(db);
        })
    {
    }

    /// <param name="write">Writes the catalogue into the (not yet existing) file.</param>
    protected ApiFixture(Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        write(_file);
        var connectionString = CatalogDatabase.SqliteConnectionString(_file, readOnly: true);
        var services = new ServiceCollection();
        services.AddIamGraphApi(o =>
        {
            o.ConfigureDbContext = b => b.UseSqlite(connectionString).AddInterceptors(Statements);
            o.MaxPageSize = 1000;
            o.DefaultPageSize = 3;
        });
        Services = services.BuildServiceProvider();
    }

    public ServiceProvider Services { get; }

    /// <summary>The catalogue file.</summary>
    protected string CatalogFile => _file;

    public StatementCounter Statements { get; } = new();

    public IamGraphSchema Schema => Services.GetRequiredService<IamGraphSchema>();

    /// <summary>Executes like the HTTP layer would: one DI scope per request; returns the serialized response.</summary>
    public async Task<JsonElement> ExecuteAsync(string query, Inputs? variables = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var executer = scope.ServiceProvider.GetRequiredService<IDocumentExecuter<IamGraphSchema>>();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = query,
            Variables = variables,
            RequestServices = scope.ServiceProvider,
        });
        var json = scope.ServiceProvider.GetRequiredService<IGraphQLTextSerializer>().Serialize(result);
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    /// <summary>Executes and fails on any error; returns <c>data</c>.</summary>
    public async Task<JsonElement> DataAsync(string query, Inputs? variables = null)
    {
        var response = await ExecuteAsync(query, variables);
        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        return response.GetProperty("data");
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        Services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }
}

[CollectionDefinition(Name)]
public sealed class CatalogCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "catalog";
}

/// <summary>Counts SQL statements per logical flow (AsyncLocal), so a test sees only its own request's statements.</summary>
public sealed class StatementCounter : DbCommandInterceptor
{
    private readonly AsyncLocal<List<string>?> _current = new();

    public List<string> Start() => _current.Value = [];

    private void Record(DbCommand command)
    {
        if (_current.Value is { } list)
        {
            lock (list)
            {
                list.Add(command.CommandText);
            }
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }
}

internal static class Json
{
    public static string[] Names(this JsonElement connection, string field = "name") =>
        connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty(field).GetString()!).ToArray();

    public static JsonElement At(this JsonElement element, params string[] path)
    {
        foreach (var step in path)
        {
            element = element.GetProperty(step);
        }
        return element;
    }
}
