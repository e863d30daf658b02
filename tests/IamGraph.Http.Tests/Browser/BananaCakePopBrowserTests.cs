using System.Collections.Concurrent;

using IamGraph.Http.Tests.Infrastructure;
using IamGraph.Testing.Browser;

using Microsoft.Playwright;

using Xunit.Abstractions;

namespace IamGraph.Http.Tests.Browser;

/// <summary>A person's path: open /graphql in a browser, wait for the schema, run a query, see resolver data.</summary>
public sealed class BananaCakePopBrowserTests(ITestOutputHelper output)
{
    [BrowserFact]
    public async Task Ide_loads_the_schema_and_shows_real_data_from_a_query()
    {
        using var host = new KestrelTestHost();
        await using ChromiumSession chromium = await ChromiumSession.LaunchAsync();
        var ide = new BananaCakePopPage(await chromium.NewPageAsync());

        await ide.OpenAsync(host.GraphQLEndpoint);
        string response = await ide.RunAsync("query Books { books { title author } }");

        string screenshot = Path.Combine(Path.GetTempPath(), $"iamgraph-bcp-{Guid.NewGuid():N}.png");
        await ide.ScreenshotAsync(screenshot);
        output.WriteLine($"screenshot: {screenshot}");

        Assert.Contains("\"Frank Herbert\"", response);
        Assert.Contains("\"Emma\"", response);
        await Assertions.Expect(ide.Page).ToHaveURLAsync(new Uri(host.BaseAddress, "/graphql/").ToString());
        Assert.Empty(chromium.ExternalRequests);
    }

    [BrowserFact]
    public async Task Ide_loads_with_its_service_worker_and_no_console_error_failed_request_or_reload()
    {
        using var host = new KestrelTestHost();
        await using ChromiumSession chromium = await ChromiumSession.LaunchAsync();
        IPage page = await chromium.NewPageAsync();
        var problems = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Enqueue("console: " + message.Text);
            }
        };
        page.PageError += (_, error) => problems.Enqueue("page error: " + error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Enqueue($"{response.Status} {response.Url}");
            }
        };
        page.RequestFailed += (_, request) => problems.Enqueue($"failed: {request.Url} {request.Failure}");
        var loads = 0;
        page.Load += (_, _) => loads++;
        var ide = new BananaCakePopPage(page);

        await ide.OpenAsync(host.GraphQLEndpoint);
        // The IDE registers its worker after load; wait until it is active (or 30 s pass).
        string? scope = await page.EvaluateAsync<string?>(
            "Promise.race([navigator.serviceWorker.ready.then(r => r.active ? r.scope : null), new Promise(r => setTimeout(() => r(null), 30000))])");
        // The build's own worker would take control about now and reload the page.
        await Task.Delay(TimeSpan.FromSeconds(3));
        string response = await ide.RunAsync("query Books { books { title } }");

        Assert.True(problems.IsEmpty, string.Join(Environment.NewLine, problems));
        Assert.Equal(1, loads);
        Assert.Equal(new Uri(host.BaseAddress, "/graphql/").ToString(), scope);
        Assert.Contains("\"Dune\"", response);
    }
}
