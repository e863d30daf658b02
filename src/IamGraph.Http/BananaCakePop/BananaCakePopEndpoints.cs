using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace IamGraph.Http.BananaCakePop;

/// <summary>
/// Serves the self-hosted Banana Cake Pop IDE (copied into $(OutDir)ide/ by BananaCakePop.targets) to browsers
/// at the GraphQL path. Must run before UseRouting, or routing sends `/graphql/` to the GraphQL endpoint.
/// </summary>
public static class BananaCakePopEndpoints
{
    /// <summary>Folder name under the app's base directory that holds the IDE's static build.</summary>
    public const string IdeFolderName = "ide";

    // The IDE talks to the URL it was loaded from and sends no telemetry, so it works with loopback only.
    private const string ConfigJson = """{"useBrowserUrlAsEndpoint":true,"disableTelemetry":true}""";

    /// <summary>
    /// Served instead of the build's service worker. That one caches the IDE for offline use, and on a first visit takes control
    /// of the page (skipWaiting, clients.claim), whose controllerchange handler reloads it, wiping what the visitor has typed;
    /// and declining it (404) makes the IDE log a failed request or a failed registration on every load. This worker registers
    /// cleanly and does nothing: no cache, no fetch handler (requests go to the network as without a worker), no claim, so the
    /// open page never changes controller. A later visit starts controlled by it, which changes nothing either. It steps in only
    /// when asked to (the IDE's "Update" button after a new worker script), as the build's worker does.
    /// </summary>
    public const string ServiceWorkerScript = """
        // IamGraph: a no-op service worker for the self-hosted Banana Cake Pop IDE (see BananaCakePopEndpoints).
        self.addEventListener('message', (event) => {
          if (event.data && event.data.type === 'SKIP_WAITING') {
            self.skipWaiting();
          }
        });
        """;

    public static IApplicationBuilder UseBananaCakePop(this IApplicationBuilder app, string path = "/graphql")
    {
        string folder = Path.Combine(AppContext.BaseDirectory, IdeFolderName);
        if (!File.Exists(Path.Combine(folder, "index.html")))
        {
            throw new InvalidOperationException(
                $"The Banana Cake Pop IDE is missing from {folder}; the IamGraph.Http build copies it there (needs npm).");
        }

        var files = new PhysicalFileProvider(folder);
        var requestPath = new PathString(path.TrimEnd('/'));
        PathString configPath = requestPath.Add("/bcp-config.json");
        PathString serviceWorkerPath = requestPath.Add("/service-worker.js");

        app.Use(async (context, next) =>
        {
            HttpRequest request = context.Request;
            bool isGet = HttpMethods.IsGet(request.Method);
            if (isGet && request.Path.Equals(requestPath) && AcceptsHtml(request))
            {
                // Relative asset URLs in index.html need the trailing slash.
                context.Response.Redirect(requestPath.Add("/") + request.QueryString);
                return;
            }

            if (isGet && request.Path.Equals(serviceWorkerPath))
            {
                context.Response.ContentType = "text/javascript; charset=utf-8";
                // Browsers check a worker script for updates on navigation anyway; no-cache keeps that check cheap and current.
                context.Response.Headers.CacheControl = "no-cache";
                await context.Response.WriteAsync(ServiceWorkerScript);
                return;
            }

            if (isGet && request.Path.Equals(configPath))
            {
                context.Response.ContentType = "application/json; charset=utf-8";
                await context.Response.WriteAsync(ConfigJson);
                return;
            }

            await next(context);
        });

        // Only browsers get index.html for `/graphql/`; API clients fall through to the endpoint.
        app.UseWhen(
            context => AcceptsHtml(context.Request),
            html => html.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = requestPath }));
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, RequestPath = requestPath });
        return app;
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.Headers.Accept.Any(value => value?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
}
