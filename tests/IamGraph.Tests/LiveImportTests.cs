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
        Assert.Equal(6, await PolicyCountAsync(server));

        // A smaller catalogue: the sample without AWSDenyAll.
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
        Assert.All(seen, count => Assert.True(count is 6 or 5, $"saw {count}"));
        Assert.NotEmpty(seen);
    }

    private static async Task<int> PolicyCountAsync(RunningServer server)
    {
        var body = await server.QueryAsync("{ policies { totalCount } }");
        return body.GetProperty("data").GetProperty("policies").GetProperty("totalCount").GetInt32();
    }
}
