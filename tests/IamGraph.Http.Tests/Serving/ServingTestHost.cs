using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using IamGraph.Http.Tests.TestApp;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IamGraph.Http.Tests.Serving;

/// <summary>The books app on a TestServer with its own settings and services: each test gets fresh caches.</summary>
public sealed class ServingTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    public ServingTestHost(IEnumerable<(string Key, string Value)>? settings = null, Action<IServiceCollection>? services = null)
    {
        _app = BooksApp.Build(settings ?? [], builder =>
        {
            builder.WebHost.UseTestServer();
            services?.Invoke(builder.Services);
        });
        _app.Start();
        Client = _app.GetTestClient();
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>A POST of any JSON object (e.g. APQ's extensions without a query).</summary>
    public static HttpRequestMessage PostJson(object body, string accept = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        return request;
    }

    public static object PersistedQuery(string hash) => new { persistedQuery = new { version = 1, sha256Hash = hash } };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
