using System.Net.Http.Json;
using System.Text.Json;
using IamGraph.Catalog;
using IamGraph.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IamGraph.Tests;

/// <summary>The composed IamGraph server on a free loopback port, exactly as `iamgraph serve` builds it.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public Uri GraphQLEndpoint => new(BaseAddress, "/graphql");

    public HttpClient Client { get; }

    /// <summary>
    /// Prepares the catalogue as `serve` does (the bundled sample when there is none) and starts the server.
    /// <paramref name="args"/> are command-line settings (e.g. <c>--GraphQL:ExecutionTimeout=00:00:01</c>);
    /// <paramref name="logs"/>, when given, receives everything the server logs past its level filters.
    /// </summary>
    public static async Task<RunningServer> StartAsync(CatalogConnection database, string[]? args = null, ILoggerProvider? logs = null)
    {
        CatalogBootstrap.EnsureCatalog(database);
        CatalogBootstrap.EnsureCurrentSchema(database);
        var app = IamGraphServer.Build(new ServerSettings(database, "http://127.0.0.1:0"), args);
        if (logs is not null)
        {
            app.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        }
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningServer(app, new Uri(address));
    }

    /// <summary>POSTs a query and returns the parsed response body (data and errors).</summary>
    public async Task<JsonElement> QueryAsync(string query, object? variables = null)
    {
        using var response = await Client.PostAsJsonAsync("/graphql", new { query, variables });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
