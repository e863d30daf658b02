using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IamGraph.Http.Health;

/// <summary>`/healthz`: the process answers. `/readyz`: every registered <see cref="ReadinessCheck"/> passes (200) or not (503).</summary>
public static class HealthEndpoints
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapIamGraphHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Json(new { status = "ok" }));
        endpoints.MapGet("/readyz", (Delegate)ReadyAsync);
        return endpoints;
    }

    private static async Task<IResult> ReadyAsync(HttpContext context)
    {
        IServiceProvider services = context.RequestServices;
        ILogger logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HealthEndpoints).FullName!);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(CheckTimeout);

        var checks = new List<object>();
        bool ready = true;
        foreach (NamedReadinessCheck named in services.GetServices<NamedReadinessCheck>())
        {
            ReadinessResult result;
            try
            {
                result = await named.Check(services, timeout.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
            {
                // The exception text may hold connection details: log it, report only that the check failed.
                logger.LogWarning(ex, "Readiness check {Check} threw.", named.Name);
                result = ReadinessResult.NotReady(ex is OperationCanceledException ? "timed out" : "check failed");
            }

            ready &= result.IsReady;
            checks.Add(new { name = named.Name, ready = result.IsReady, detail = result.Detail });
        }

        return Results.Json(
            new { status = ready ? "ready" : "unavailable", checks },
            statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
