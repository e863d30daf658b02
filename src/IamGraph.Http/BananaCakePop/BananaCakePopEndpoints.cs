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

            // The build's service worker caches the IDE for offline use and reloads the page once it takes control,
            // wiping what a first-time visitor has typed. The server is always there to serve the IDE, so the worker
            // is not offered: registration fails quietly and the page never reloads.
            if (request.Path.Equals(serviceWorkerPath))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
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
