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
}
