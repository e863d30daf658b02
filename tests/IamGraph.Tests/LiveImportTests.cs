using IamGraph.Catalog;
using IamGraph.Hosting;
using IamGraph.Import;
using IamGraph.Testing;

namespace IamGraph.Tests;

/// <summary>An import while the server runs: every request answers, first from the old catalogue, then from the new one.</summary>
public sealed class LiveImportTests
{
    [Fact]
    public async Task The_server_keeps_answering_during_an_import_and_then_serves_the_new_catalogue()
    {
        using var dir = new TempDirectory();
        var file = dir.File("live.db");
        await using var server = await RunningServer.StartAsync(CatalogConnection.Parse(file));
        // The sample: its six policies and its example account's 37 (AmazonS3ReadOnlyAccess in both).
        Assert.Equal(43, await PolicyCountAsync(server));

        // A smaller catalogue: the sample's docs without AWSDenyAll (and without the example account).
        var docs = dir.CopyFolder(CatalogBootstrap.SampleDocs, "docs");
        File.Delete(Path.Combine(docs, "policies", "awsdenyall.md"));

        using var stop = new CancellationTokenSource();
        var seen = new List<int>();
        var polling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                seen.Add(await PolicyCountAsync(server));
            }
        });
        CatalogImporter.Import(docs, file);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await PolicyCountAsync(server) != 5 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        await stop.CancelAsync();
        await polling;

        Assert.Equal(5, await PolicyCountAsync(server));
        Assert.All(seen, count => Assert.True(count is 43 or 5, $"saw {count}"));
        Assert.NotEmpty(seen);
    }

    [Fact]
    public async Task An_import_empties_the_response_cache_and_changes_every_ETag()
    {
        using var dir = new TempDirectory();
        var file = dir.File("etag.db");
        await using var server = await RunningServer.StartAsync(CatalogConnection.Parse(file));
        const string url = "/graphql?query=%7B%20policies%20%7B%20totalCount%20%7D%20%7D";
        using var before = await server.Client.GetAsync(url);
        var etag = before.Headers.ETag!;
        var docs = dir.CopyFolder(CatalogBootstrap.SampleDocs, "docs");
        File.Delete(Path.Combine(docs, "policies", "awsdenyall.md"));

        CatalogImporter.Import(docs, file);
        // The same request, revalidated with the old ETag, until the watcher has seen the new file (it looks every second).
        HttpResponseMessage after;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            await Task.Delay(100);
            using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
            conditional.Headers.IfNoneMatch.Add(etag);
            after = await server.Client.SendAsync(conditional);
        }
        while (after.StatusCode == System.Net.HttpStatusCode.NotModified && DateTime.UtcNow < deadline);

        Assert.Equal(System.Net.HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(etag, after.Headers.ETag);
        Assert.Contains("\"totalCount\":5", await after.Content.ReadAsStringAsync());
        Assert.Equal(5, await PolicyCountAsync(server));
        after.Dispose();
    }

    private static async Task<int> PolicyCountAsync(RunningServer server)
    {
        var body = await server.QueryAsync("{ policies { totalCount } }");
        return body.GetProperty("data").GetProperty("policies").GetProperty("totalCount").GetInt32();
    }
}
