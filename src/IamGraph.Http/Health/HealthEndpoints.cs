using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IamGraph.Http.Health;

/// <summary>
/// ASP.NET Core health checks at two paths. `/healthz`: the process answers (no check runs). `/readyz`: every check
/// tagged <see cref="ReadinessTag"/> is healthy (200) or not (503), each named with its detail.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>The tag of the checks /readyz runs (<see cref="GraphQLHttpServiceCollectionExtensions.AddIamGraphReadinessCheck{TCheck}"/> adds it).</summary>
    public const string ReadinessTag = "ready";

    /// <summary>How long one readiness check may take before it counts as failed ("timed out").</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapIamGraphHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", Options(_ => false, static (context, _) => context.Response.WriteAsJsonAsync(new { status = "ok" })))
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]));
        endpoints.MapHealthChecks("/readyz", Options(r => r.Tags.Contains(ReadinessTag), WriteReadinessAsync))
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]));
        return endpoints;
    }

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate, Func<HttpContext, HealthReport, Task> writer) => new()
    {
        Predicate = predicate,
        ResponseWriter = writer,
        // Ready only when every check is healthy.
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
        // The probes have always answered without cache headers; keep the answers as they were.
        AllowCachingResponses = true,
    };

    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        var checks = report.Entries.Select(e => new
        {
            name = e.Key,
            ready = e.Value.Status == HealthStatus.Healthy,
            // An exception's text may hold connection details: the health check service logs it, the answer says only what kind of failure.
            detail = e.Value.Exception switch
            {
                null => e.Value.Description,
                OperationCanceledException => "timed out",
                _ => "check failed",
            },
        });
        return context.Response.WriteAsJsonAsync(new { status = report.Status == HealthStatus.Healthy ? "ready" : "unavailable", checks });
    }
}
