namespace IamGraph.Http.Serving;

/// <summary>Persisted operations: Apollo's automatic persisted queries and a manifest of trusted documents.</summary>
public sealed class PersistedDocumentOptions
{
    /// <summary>Accept Apollo APQ (`extensions.persistedQuery.sha256Hash`): a hash sent with its document registers it.</summary>
    public bool AutomaticPersistedQueries { get; set; } = true;

    /// <summary>Budget of the APQ store, in UTF-16 bytes of document text; the least recently used go first.</summary>
    public long AutomaticPersistedQueryBytes { get; set; } = 16L << 20;

    /// <summary>A manifest of trusted documents: Relay's `{ "id": "text" }` or Apollo's persisted-query manifest.</summary>
    public string? TrustedDocumentsFile { get; set; }

    /// <summary>
    /// Production lock-down: only trusted documents run (by `documentId`, `id`, the APQ hash, or their exact text); ad-hoc
    /// documents and APQ registration are refused. Where the IDE is enabled, ad-hoc documents stay allowed so the IDE works.
    /// </summary>
    public bool TrustedDocumentsOnly { get; set; }
}

/// <summary>Caches: parsed documents, HTTP validators (ETag) and the in-process response cache.</summary>
public sealed class ServingCacheOptions
{
    /// <summary>Keep parsed and validated documents by their text, so a repeated operation skips parsing and most validation.</summary>
    public bool DocumentCache { get; set; } = true;

    /// <summary>Budget of the document cache, in UTF-16 bytes of document text.</summary>
    public long DocumentCacheBytes { get; set; } = 16L << 20;

    /// <summary>GET answers without errors carry a strong ETag and Cache-Control; If-None-Match gets 304.</summary>
    public bool HttpCaching { get; set; } = true;

    /// <summary>Cache-Control max-age of cacheable GET answers, in seconds.</summary>
    public int MaxAgeSeconds { get; set; } = 60;

    /// <summary>Keep whole answers without errors for identical requests on the same catalogue, in process.</summary>
    public bool ResponseCache { get; set; } = true;

    /// <summary>Budget of the response cache, in bytes of response body.</summary>
    public long ResponseCacheBytes { get; set; } = 64L << 20;

    /// <summary>Larger answers are streamed but not kept.</summary>
    public long MaxCachedResponseBytes { get; set; } = 4L << 20;
}

/// <summary>Bounded execution: at most <see cref="PermitLimit"/> requests run, <see cref="QueueLimit"/> wait, the rest get 503.</summary>
public sealed class ConcurrencyOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Requests executing at once; 0 means twice the processor count.</summary>
    public int PermitLimit { get; set; }

    /// <summary>Requests waiting for a permit, oldest first; beyond it, 503 with Retry-After.</summary>
    public int QueueLimit { get; set; } = 128;

    /// <summary>Longest wait in the queue, in seconds; a request that would wait longer gets the 503 too.</summary>
    public double MaxQueueSeconds { get; set; } = 5;

    /// <summary>The Retry-After of a 503, in seconds.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    public int EffectivePermitLimit => PermitLimit > 0 ? PermitLimit : 2 * Environment.ProcessorCount;
}
