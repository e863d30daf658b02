using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IamGraph.Http.Serving;

/// <summary>
/// The endpoint's span and instruments. Without a listener (telemetry off) StartActivity returns null and the instruments
/// record nothing, so off costs a null check per request.
/// </summary>
public sealed class GraphQLTelemetry : IDisposable
{
    public const string SourceName = "IamGraph.GraphQL";

    /// <summary>SQL statements run by the current operation; the host's database interceptor counts into it.</summary>
    private static readonly AsyncLocal<StatementCounter?> CurrentCounter = new();

    private readonly Meter _meter;

    public GraphQLTelemetry(IMeterFactory meters)
    {
        _meter = meters.Create(SourceName);
        OperationDuration = _meter.CreateHistogram(
            "iamgraph.graphql.operation.duration",
            "s",
            "GraphQL operations by name, cache outcome and status: the count is the request rate.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        CacheHits = _meter.CreateCounter<long>("iamgraph.cache.hits", description: "Cache hits, by cache (response, document, apq).");
        CacheMisses = _meter.CreateCounter<long>("iamgraph.cache.misses", description: "Cache misses, by cache (response, document, apq).");
        Rejections = _meter.CreateCounter<long>("iamgraph.execution.rejections", description: "Requests refused with 503 because the execution queue was full.");
    }

    public static ActivitySource ActivitySource { get; } = new(SourceName);

    public Histogram<double> OperationDuration { get; }

    public Counter<long> CacheHits { get; }

    public Counter<long> CacheMisses { get; }

    public Counter<long> Rejections { get; }

    public Meter Meter => _meter;

    /// <summary>Counts statements for the current operation (called by the host's DbCommand interceptor).</summary>
    public static void CountSqlStatement()
    {
        if (CurrentCounter.Value is { } counter)
        {
            Interlocked.Increment(ref counter.Count);
        }
    }

    /// <summary>Starts counting SQL statements for this async flow; only when someone listens to the span.</summary>
    internal static StatementCounter? BeginCounting(Activity? activity)
    {
        if (activity is null || !activity.IsAllDataRequested)
        {
            return null;
        }

        var counter = new StatementCounter();
        CurrentCounter.Value = counter;
        return counter;
    }

    public void Dispose() => _meter.Dispose();

    internal sealed class StatementCounter
    {
        public int Count;
    }
}
