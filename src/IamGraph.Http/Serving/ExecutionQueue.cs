using System.Threading.RateLimiting;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IamGraph.Http.Serving;

/// <summary>
/// Bounds execution with ASP.NET Core's rate-limiting middleware: a concurrency limiter with a FIFO queue. Beyond the queue
/// the answer is 503 with Retry-After and a GraphQL error; /healthz and /readyz are not limited, so probes always answer.
/// </summary>
public sealed class ExecutionQueue
{
    public const string PolicyName = "IamGraph.GraphQL";

    private readonly ConcurrencyOptions _options;
    private Func<RateLimiterStatistics?> _statistics = () => null;

    public ExecutionQueue(IOptions<GraphQLHttpOptions> options, GraphQLTelemetry telemetry)
    {
        _options = options.Value.Concurrency;
        telemetry.Meter.CreateObservableGauge("iamgraph.execution.queued", () => _statistics()?.CurrentQueuedCount ?? 0, description: "Requests waiting for an execution permit.");
        telemetry.Meter.CreateObservableGauge("iamgraph.execution.active", () => _options.EffectivePermitLimit - (_statistics()?.CurrentAvailablePermits ?? _options.EffectivePermitLimit), description: "Requests executing.");
    }

    /// <summary>
    /// The middleware disposes a partition's limiter once it has been idle a while and asks for a new one: each call makes
    /// one, and the queue gauges read the latest.
    /// </summary>
    internal RateLimiter CreateLimiter()
    {
        var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = _options.EffectivePermitLimit,
            QueueLimit = _options.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _statistics = limiter.GetStatistics;
        return new QueueTimeLimiter(limiter, TimeSpan.FromSeconds(_options.MaxQueueSeconds));
    }

    internal static void Configure(RateLimiterOptions limiter, ExecutionQueue queue, GraphQLTelemetry telemetry, int retryAfterSeconds, Func<HttpContext, Task> writeRejection)
    {
        limiter.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
        limiter.AddPolicy(PolicyName, _ => RateLimitPartition.Get(PolicyName, _ => queue.CreateLimiter()));
        limiter.OnRejected = async (rejected, cancellationToken) =>
        {
            telemetry.Rejections.Add(1);
            rejected.HttpContext.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await writeRejection(rejected.HttpContext);
        };
    }
}

/// <summary>Registration of the execution queue.</summary>
public static class ExecutionQueueExtensions
{
    internal static IServiceCollection AddIamGraphExecutionQueue(this IServiceCollection services)
    {
        services.AddSingleton<ExecutionQueue>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<ExecutionQueue, GraphQLTelemetry, IOptions<GraphQLHttpOptions>>((limiter, queue, telemetry, http) =>
            ExecutionQueue.Configure(limiter, queue, telemetry, http.Value.Concurrency.RetryAfterSeconds, GraphQLHttpEndpoint.WriteOverloadedAsync));
        return services;
    }

    internal static IEndpointConventionBuilder WithExecutionQueue(this IEndpointConventionBuilder endpoint, GraphQLHttpOptions options) =>
        options.Concurrency.Enabled ? endpoint.RequireRateLimiting(ExecutionQueue.PolicyName) : endpoint;
}
