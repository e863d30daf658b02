namespace IamGraph.Http;

/// <summary>
/// Transport limits and switches, bound from the configuration section <see cref="SectionName"/>.
/// Defaults are safe for a public read-mostly API; each limit rejects a request before any resolver runs.
/// The defaults here are the server's: configuration only overrides them (the README's Limits table states them).
/// </summary>
public sealed class GraphQLHttpOptions
{
    public const string SectionName = "GraphQL";

    /// <summary>Largest accepted GraphQL document (the `query` text), in UTF-8 bytes.</summary>
    public int MaxDocumentBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest accepted POST body (document plus variables and extensions), in bytes; larger gets 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Deepest selection nesting. The standard introspection query measures 15, so keep this at 15 or more.</summary>
    public int MaxDepth { get; set; } = 20;

    /// <summary>Most aliased fields in one document: blocks alias-amplification attacks that depth and cost miss.</summary>
    public int MaxAliases { get; set; } = 200;

    /// <summary>
    /// Budget for GraphQL.NET's complexity analyzer: roughly the number of objects and scalars a query could return,
    /// counting each list as <see cref="AssumedListSize"/> items unless `first`/`last` says otherwise.
    /// </summary>
    public int MaxComplexity { get; set; } = 250_000;

    /// <summary>How many items the complexity analyzer assumes an unpaged list returns.</summary>
    public double AssumedListSize { get; set; } = 20;

    /// <summary>
    /// Sizes of the relations a <c>where:</c> filter can quantify over (<c>some/none/all/any</c>), by filter field name, for
    /// pricing filters in the complexity budget (<see cref="Limits.FilterCost"/>); unlisted relations count <see cref="AssumedListSize"/>.
    /// </summary>
    /// <remarks>The two large relations are listed by default: each holds about 100,000 effective grants in the full docs.</remarks>
    public IDictionary<string, double> FilterRelationSizes { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["effectiveActions"] = 100_000,
        ["grantedBy"] = 100_000,
    };

    /// <summary>Wall-clock limit for one execution; exceeding it answers an error with code TIMEOUT.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Development only: include exception types and stack traces in error responses.</summary>
    public bool ExposeExceptionDetails { get; set; }

    /// <summary>Origins allowed by CORS; empty means any origin. Credentials are never allowed.</summary>
    public IList<string> CorsOrigins { get; } = [];

    /// <summary>Serve the Banana Cake Pop IDE to browsers at the GraphQL path.</summary>
    public bool EnableIde { get; set; } = true;

    /// <summary>Apollo APQ and trusted documents (`GraphQL:PersistedDocuments:*`).</summary>
    public Serving.PersistedDocumentOptions PersistedDocuments { get; set; } = new();

    /// <summary>Document cache, ETag/Cache-Control and the response cache (`GraphQL:Caching:*`).</summary>
    public Serving.ServingCacheOptions Caching { get; set; } = new();

    /// <summary>The execution queue (`GraphQL:Concurrency:*`).</summary>
    public Serving.ConcurrencyOptions Concurrency { get; set; } = new();
}
