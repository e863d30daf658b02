using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using IamGraph.Api;
using IamGraph.Catalog;

namespace IamGraph.Querying;

/// <summary>Executes a GraphQL document in-process against a catalogue: the same schema as the server, no HTTP.</summary>
public sealed class LocalQueryRunner : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public LocalQueryRunner(CatalogConnection database)
    {
        _services = new ServiceCollection()
            .AddLogging()
            // Full access: whoever runs this reads the database file itself, so account data is theirs to see.
            .AddIamGraphApi(api =>
            {
                api.ConfigureDbContext = db => CatalogDatabase.Configure(db, database.Provider, database.ReaderConnectionString());
                api.AnonymousScope = AccountScope.Everything;
            })
            .BuildServiceProvider();
    }

    /// <summary>Runs <paramref name="query"/> with optional JSON <paramref name="variablesJson"/>; the result holds data and errors.</summary>
    public async Task<ExecutionResult> ExecuteAsync(string query, string? variablesJson, CancellationToken cancellationToken)
    {
        var serializer = new GraphQLSerializer();
        var variables = string.IsNullOrWhiteSpace(variablesJson) ? null : serializer.Deserialize<Inputs>(variablesJson);
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IDocumentExecuter>().ExecuteAsync(options =>
        {
            options.Schema = scope.ServiceProvider.GetRequiredService<ISchema>();
            options.Query = query;
            options.Variables = variables;
            options.RequestServices = scope.ServiceProvider;
            options.CancellationToken = cancellationToken;
        });
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
