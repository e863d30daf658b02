using System.Net;

using IamGraph.Http.BananaCakePop;
using IamGraph.Http.Tests.Infrastructure;

namespace IamGraph.Http.Tests;

/// <summary>The IDE is served from the build output, only to browsers, with the offline config.</summary>
public sealed class BananaCakePopHostingTests(TestHostFactory factory) : IClassFixture<TestHostFactory>
{
    // Does not follow redirects: the redirect to the IDE is what one test checks.
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Browser_get_on_the_endpoint_redirects_to_the_ide()
    {
        using HttpResponseMessage response = await _client.SendAsync(Html("/graphql"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/graphql/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Ide_index_and_its_assets_are_served()
    {
        using HttpResponseMessage index = await _client.SendAsync(Html("/graphql/"));
        string html = await index.Content.ReadAsStringAsync();
        string script = System.Text.RegularExpressions.Regex.Match(html, "src=\"(static/js/main\\.[^\"]+\\.js)\"").Groups[1].Value;
        using HttpResponseMessage asset = await _client.GetAsync("/graphql/" + script);

        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("text/html", index.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Banana Cake Pop</title>", html);
        Assert.NotEmpty(script);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
    }

    [Fact]
    public async Task The_IDE_gets_a_no_op_service_worker_instead_of_the_package_one()
    {
        using HttpResponseMessage worker = await _client.GetAsync("/graphql/service-worker.js");
        string script = await worker.Content.ReadAsStringAsync();

        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, BananaCakePopEndpoints.IdeFolderName, "service-worker.js")));
        Assert.Equal(HttpStatusCode.OK, worker.StatusCode);
        // The IDE registers the worker only when the answer's content type names javascript.
        Assert.Contains("javascript", worker.Content.Headers.ContentType?.MediaType);
        Assert.Equal(BananaCakePopEndpoints.ServiceWorkerScript, script);
        Assert.DoesNotContain("clients.claim", script);
        Assert.DoesNotContain("caches", script);
    }

    [Fact]
    public async Task Config_points_the_ide_at_its_own_url_without_telemetry()
    {
        using HttpResponseMessage response = await _client.GetAsync("/graphql/bcp-config.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"useBrowserUrlAsEndpoint":true,"disableTelemetry":true}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_clients_on_the_trailing_slash_path_get_graphql_not_html()
    {
        using HttpResponseMessage response = await _client.GetAsync("/graphql/?query=" + Uri.EscapeDataString("{ hello }"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("world", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Licence_ships_with_the_ide_in_the_output()
    {
        string licence = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, BananaCakePopEndpoints.IdeFolderName, "LICENSE"));

        Assert.Contains("ChilliCream License 1.0", licence);
    }

    private static HttpRequestMessage Html(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return request;
    }
}
