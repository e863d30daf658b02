using System.Collections.Concurrent;

using Microsoft.Playwright;

namespace IamGraph.Testing.Browser;

/// <summary>
/// Headless Debian Chromium driven by Playwright's bundled driver (no `playwright install`, no download).
/// Records every request that leaves loopback, so a test can prove the page works offline.
/// </summary>
public sealed class ChromiumSession : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] LaunchArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private readonly IPlaywright _playwright;
    private readonly ConcurrentQueue<string> _externalRequests = new();

    private ChromiumSession(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public IBrowser Browser { get; }

    /// <summary>URLs requested by any page of this session whose host is not loopback.</summary>
    public IReadOnlyCollection<string> ExternalRequests => _externalRequests;

    public static async Task<ChromiumSession> LaunchAsync()
    {
        IPlaywright playwright = await Playwright.CreateAsync();
        try
        {
            IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = LaunchArgs,
            });
            return new ChromiumSession(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async Task<IPage> NewPageAsync()
    {
        IPage page = await Browser.NewPageAsync(new BrowserNewPageOptions
        {
            // Service workers are allowed, as in a person's browser: the server gives BCP a worker that does nothing, where
            // the package's own would reload a fresh profile's page a few seconds after load.
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        page.Request += (_, request) =>
        {
            if (Uri.TryCreate(request.Url, UriKind.Absolute, out Uri? url) && url.Scheme.StartsWith("http", StringComparison.Ordinal) && !url.IsLoopback)
            {
                _externalRequests.Enqueue(request.Url);
            }
        };
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
