using System.Data.Common;
using System.Text.Json;

using GraphQL;

using GraphQLParser.AST;

using IamGraph.Api.Tests.Engines;
using IamGraph.Catalog;
using IamGraph.Import.Model;
using IamGraph.Import.Writing;
using IamGraph.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace IamGraph.Api.Tests;

/// <summary>
/// A catalogue on one engine and the API's service provider over it, shared by the tests of a collection.
/// Every test class is written once against this base and run once per engine (a concrete subclass per fixture).
/// </summary>
public abstract class ApiFixture(CatalogProvider provider) : IAsyncLifetime
{
    private TestCatalog? _catalog;
    private ServiceProvider? _services;

    public CatalogProvider Provider => provider;

    public ServiceProvider Services => _services ?? throw new InvalidOperationException($"No {provider} catalogue: {PostgresServer.SkipReason}");

    /// <summary>The catalogue database, for checks that bypass the API.</summary>
    public CatalogConnection Catalog => (_catalog ?? throw new InvalidOperationException($"No {provider} catalogue.")).Connection;

    public StatementCounter Statements { get; } = new();

    public IamGraphSchema Schema => Services.GetRequiredService<IamGraphSchema>();

    /// <summary>Writes the catalogue into the new, empty database.</summary>
    protected abstract void Write(TestCatalog catalog);

    /// <summary>What an import of <paramref name="docs"/> writes: the real import model, then the engine's catalogue writer.</summary>
    protected static void WriteAsImported(TestCatalog catalog, DocsCatalog docs, IEnumerable<string>? knownActions = null) =>
        CatalogWriters.For(catalog.Connection).Write(CatalogBuilder.Build(docs, knownActions));

    public async Task InitializeAsync()
    {
        if (provider == CatalogProvider.Postgres && PostgresServer.SkipReason is not null)
        {
            return; // every case on this engine is skipped with the reason (EngineFact), so nothing needs a server
        }
        _catalog = await TestCatalog.CreateAsync(provider);
        Write(_catalog);
        var readers = _catalog.Connection.ReaderConnectionString();
        var services = new ServiceCollection();
        services.AddIamGraphApi(o =>
        {
            // As the server configures it (IamGraphServer), plus the statement counter.
            o.ConfigureDbContext = b =>
            {
                CatalogDatabase.Configure(b, provider, readers);
                b.AddInterceptors(Statements);
            };
            o.MaxPageSize = 1000;
            o.DefaultPageSize = 3;
            // The tests read as the catalogue's owner; who sees which account is tested over HTTP with tokens.
            o.AnonymousScope = AccountScope.Everything;
        });
        _services = services.BuildServiceProvider();
    }

    /// <summary>
    /// Executes like the HTTP layer would: one DI scope per request; returns the serialized response. With
    /// <paramref name="document"/>, runs that parsed document as the HTTP layer runs one from its document cache.
    /// </summary>
    public async Task<JsonElement> ExecuteAsync(string query, Inputs? variables = null, GraphQLDocument? document = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var executer = scope.ServiceProvider.GetRequiredService<IDocumentExecuter<IamGraphSchema>>();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = query,
            Document = document,
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

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        if (_catalog is not null)
        {
            await _catalog.DisposeAsync();
        }
    }
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
