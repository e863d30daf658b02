using System.Net;

using IamGraph.Http.Tests.Infrastructure;

using static IamGraph.Http.Tests.Infrastructure.GraphQLHttp;

namespace IamGraph.Http.Tests.Serving;

/// <summary>The execution queue's 503 beyond its limit, and the Prometheus endpoint (issue 11).</summary>
public sealed class ExecutionQueueAndMetricsTests
{
    [Fact]
    public async Task Beyond_the_queue_a_request_gets_503_with_Retry_After_while_healthz_answers()
    {
        await using var host = new ServingTestHost(
        [
            ("GraphQL:Concurrency:PermitLimit", "1"),
            ("GraphQL:Concurrency:QueueLimit", "1"),
            ("GraphQL:Concurrency:RetryAfterSeconds", "7"),
        ]);
        using var cancel = new CancellationTokenSource();

        // One runs (slow waits 20 s unless cancelled), one waits in the queue, the third is refused.
        Task<HttpResponseMessage> running = host.Client.SendAsync(Post("{ slow }"), cancel.Token);
        await WaitUntilAsync(() => QueueHasStarted(host));
        Task<HttpResponseMessage> queued = host.Client.SendAsync(Post("{ hello }", GraphQLResponseJson));
        await Task.Delay(200);
        using HttpResponseMessage refused = await host.Client.SendAsync(Post("{ hello }", GraphQLResponseJson));
        using HttpResponseMessage health = await host.Client.GetAsync("/healthz");
        await cancel.CancelAsync();
        using HttpResponseMessage served = await queued;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), refused.Headers.RetryAfter!.Delta);
        Assert.Equal("SERVICE_OVERLOADED", (await refused.ReadJsonAsync()).FirstErrorCode());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("world", (await served.ReadJsonAsync())["data"]!["hello"]!.GetValue<string>());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task A_request_that_waits_in_the_queue_longer_than_allowed_gets_503()
    {
        await using var host = new ServingTestHost(
        [
            ("GraphQL:Concurrency:PermitLimit", "1"),
            ("GraphQL:Concurrency:QueueLimit", "10"),
            ("GraphQL:Concurrency:MaxQueueSeconds", "0.3"),
        ]);
        using var cancel = new CancellationTokenSource();

        Task<HttpResponseMessage> running = host.Client.SendAsync(Post("{ slow }"), cancel.Token);
        await WaitUntilAsync(() => QueueHasStarted(host));
        using HttpResponseMessage waited = await host.Client.SendAsync(Post("{ hello }", GraphQLResponseJson));
        await cancel.CancelAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, waited.StatusCode);
        Assert.Equal("SERVICE_OVERLOADED", (await waited.ReadJsonAsync()).FirstErrorCode());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task Metrics_endpoint_serves_operations_and_cache_counts_when_enabled()
    {
        await using var host = new ServingTestHost([("Telemetry:Prometheus", "true")]);

        await host.Client.SendAsync(Post("{ hello }"));
        await host.Client.SendAsync(Post("{ hello }"));
        using HttpResponseMessage metrics = await host.Client.GetAsync("/metrics");
        string text = await metrics.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("iamgraph_graphql_operation_duration_seconds_count", text);
        Assert.Matches(ResponseCacheHits(1), text);
        Assert.Contains("iamgraph_execution_queued", text);
    }

    [Fact]
    public async Task Metrics_count_only_this_hosts_requests_when_another_host_shares_the_process()
    {
        // OpenTelemetry listens to meters by name process-wide; the other host's cache hits must not reach our scrape.
        await using var host = new ServingTestHost([("Telemetry:Prometheus", "true")]);
        await using var other = new ServingTestHost([("Telemetry:Prometheus", "true")]);

        await host.Client.SendAsync(Post("{ hello }"));
        await host.Client.SendAsync(Post("{ hello }"));
        for (int i = 0; i < 4; i++)
        {
            await other.Client.SendAsync(Post("{ hello }"));
        }

        string ours = await (await host.Client.GetAsync("/metrics")).Content.ReadAsStringAsync();
        string theirs = await (await other.Client.GetAsync("/metrics")).Content.ReadAsStringAsync();

        Assert.Matches(ResponseCacheHits(1), ours);
        Assert.Matches(ResponseCacheHits(3), theirs);
    }

    [Fact]
    public async Task No_metrics_endpoint_when_telemetry_is_off()
    {
        await using var host = new ServingTestHost();

        using HttpResponseMessage metrics = await host.Client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, metrics.StatusCode);
    }

    private static string ResponseCacheHits(int count) => $"(?m)^iamgraph_cache_hits_total\\{{[^}}]*cache=\"response\"[^}}]*\\}} {count}( |$)";

    // The slow request holds the only permit once the endpoint runs it; the IDE-free app has no other requests.
    private static bool QueueHasStarted(ServingTestHost host) =>
        host.Services.GetService(typeof(IamGraph.Http.Serving.ServingCaches)) is IamGraph.Http.Serving.ServingCaches caches && caches.Documents.Misses > 0;

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (int i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition(), "timed out waiting");
    }
}
