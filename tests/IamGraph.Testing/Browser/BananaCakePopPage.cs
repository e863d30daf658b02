using System.Text.RegularExpressions;

using Microsoft.Playwright;

namespace IamGraph.Testing.Browser;

/// <summary>
/// Page object for the self-hosted Banana Cake Pop 18 IDE: open it at a GraphQL endpoint, wait until the
/// schema has loaded, run one operation and read the response panel. Schema-agnostic, so it can be pointed
/// at any IamGraph.Http host.
/// </summary>
public sealed partial class BananaCakePopPage(IPage page)
{
    // Parsing the schema runs in web workers and is slow on 2 cores; typing before it is ready can hang.
    private static readonly float SchemaTimeoutMs = 90_000;
    private static readonly float ResponseTimeoutMs = 60_000;

    public IPage Page { get; } = page;

    /// <summary>Opens the IDE via the endpoint URL (as a browser would, through the redirect) and waits for "Schema available".</summary>
    public async Task OpenAsync(Uri graphqlEndpoint)
    {
        await Page.GotoAsync(graphqlEndpoint.ToString());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create Document" }).ClickAsync();
        await Page.GetByText("Schema available").First.WaitForAsync(new() { Timeout = SchemaTimeoutMs });
    }

    /// <summary>Replaces the request editor's text with <paramref name="singleLineQuery"/>, runs it and returns the response panel's text.</summary>
    /// <remarks>
    /// The query must be a named operation (`query Name { ... }`): the IDE syncs its document state from the editor
    /// a moment after input, and the operation appearing in the Builder panel as "Name:" is the signal that Run will
    /// send it (clicking earlier sends an empty query). It is inserted, not typed, so Monaco's auto-closing of brackets
    /// and quotes leaves it intact; keep it on one line, since a newline triggers auto-indent.
    /// </remarks>
    public async Task<string> RunAsync(string singleLineQuery)
    {
        string operationName = OperationName().Match(singleLineQuery) is { Success: true } match
            ? match.Groups[1].Value
            : throw new ArgumentException("Pass a named operation, e.g. `query Books { books { title } }`.", nameof(singleLineQuery));
        try
        {
            ILocator requestEditor = Page.Locator(".monaco-editor").First;
            await requestEditor.ClickAsync();
            await Page.Keyboard.PressAsync("Control+A");
            await Page.Keyboard.PressAsync("Delete");
            await Page.Keyboard.InsertTextAsync(singleLineQuery);
            await Assertions.Expect(requestEditor).ToContainTextAsync(singleLineQuery);
            await Page.GetByText($"{operationName}:").First.WaitForAsync(new() { Timeout = ResponseTimeoutMs });

            // The toolbar button; its accessible name carries an icon, so match its visible text instead.
            await Page.Locator("button", new() { HasTextRegex = RunButtonText() }).ClickAsync();

            // The response panel is the editor that shows a GraphQL result.
            ILocator response = Page.Locator(".monaco-editor").Filter(new() { HasText = "\"data\"" }).First;
            await response.WaitForAsync(new() { Timeout = ResponseTimeoutMs });
            // Monaco renders spaces as non-breaking spaces.
            return (await response.InnerTextAsync()).Replace('\u00a0', ' ');
        }
        catch (TimeoutException ex)
        {
            // Say what the page showed: the screenshot is the quickest diagnosis.
            string shot = Path.Combine(Path.GetTempPath(), $"iamgraph-bcp-failure-{Guid.NewGuid():N}.png");
            await ScreenshotAsync(shot);
            throw new TimeoutException($"{ex.Message} (screenshot: {shot})", ex);
        }
    }

    public Task ScreenshotAsync(string path) => Page.ScreenshotAsync(new() { Path = path });

    [GeneratedRegex(@"^\s*query\s+([_A-Za-z][_0-9A-Za-z]*)")]
    private static partial Regex OperationName();

    [GeneratedRegex(@"^\s*Run\s*$")]
    private static partial Regex RunButtonText();
}
