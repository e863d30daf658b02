namespace IamGraph.Http;

/// <summary>Refuses nonsensical limits at start-up rather than at the first request.</summary>
internal static class GraphQLHttpOptionsValidation
{
    public const string Message =
        "GraphQL options: MaxDocumentBytes, MaxRequestBodyBytes, MaxDepth, MaxAliases, MaxComplexity, AssumedListSize, FilterRelationSizes and ExecutionTimeout must be positive, and MaxRequestBodyBytes >= MaxDocumentBytes; cache budgets, Concurrency:MaxQueueSeconds and RetryAfterSeconds positive; PermitLimit, QueueLimit and Caching:MaxAgeSeconds not negative.";

    public static bool IsValid(GraphQLHttpOptions o) =>
        o.MaxDocumentBytes > 0
        && o.MaxRequestBodyBytes >= o.MaxDocumentBytes
        && o.MaxDepth > 0
        && o.MaxAliases >= 0
        && o.MaxComplexity > 0
        && o.AssumedListSize > 0
        && o.FilterRelationSizes.Values.All(size => size > 0)
        && o.ExecutionTimeout > TimeSpan.Zero
        && o.PersistedDocuments.AutomaticPersistedQueryBytes > 0
        && o.Caching.DocumentCacheBytes > 0
        && o.Caching.ResponseCacheBytes > 0
        && o.Caching.MaxCachedResponseBytes > 0
        && o.Caching.MaxAgeSeconds >= 0
        && o.Concurrency.PermitLimit >= 0
        && o.Concurrency.QueueLimit >= 0
        && o.Concurrency.MaxQueueSeconds > 0
        && o.Concurrency.RetryAfterSeconds > 0;
}
