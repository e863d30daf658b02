namespace IamGraph.Http.Health;

/// <summary>A readiness probe supplied by the composition root, e.g. "the catalogue database answers".</summary>
public delegate Task<ReadinessResult> ReadinessCheck(IServiceProvider services, CancellationToken cancellationToken);

/// <summary>The outcome of one <see cref="ReadinessCheck"/>.</summary>
public sealed record ReadinessResult(bool IsReady, string? Detail = null)
{
    public static ReadinessResult Ready(string? detail = null) => new(true, detail);

    public static ReadinessResult NotReady(string detail) => new(false, detail);
}

/// <summary>A registered check and the name /readyz reports it under.</summary>
public sealed record NamedReadinessCheck(string Name, ReadinessCheck Check);
