using Microsoft.Net.Http.Headers;

namespace IamGraph.Http;

/// <summary>The two response media types of the GraphQL-over-HTTP spec.</summary>
public enum GraphQLResponseMediaType
{
    /// <summary>`application/json`: legacy clients; every well-formed request gets 200.</summary>
    Json,

    /// <summary>`application/graphql-response+json`: status codes follow the spec (400 when not executed).</summary>
    GraphQLResponseJson,
}

/// <summary>Chooses the response media type from the Accept header, honouring q-values.</summary>
public static class AcceptNegotiation
{
    public const string GraphQLResponseJsonType = "application/graphql-response+json";
    public const string JsonType = "application/json";

    /// <summary>The Content-Type header for answers of <paramref name="mediaType"/>.</summary>
    public static string ContentType(GraphQLResponseMediaType mediaType) =>
        mediaType == GraphQLResponseMediaType.GraphQLResponseJson ? $"{GraphQLResponseJsonType}; charset=utf-8" : $"{JsonType}; charset=utf-8";

    /// <summary>Returns null when the client accepts neither media type (the caller answers 406).</summary>
    public static GraphQLResponseMediaType? Negotiate(IList<string>? acceptHeaderValues)
    {
        // No Accept header: legacy clients expect application/json (graphql-http audit 80D8).
        if (acceptHeaderValues is null || acceptHeaderValues.Count == 0 || acceptHeaderValues.All(string.IsNullOrWhiteSpace))
        {
            return GraphQLResponseMediaType.Json;
        }

        if (!MediaTypeHeaderValue.TryParseList(acceptHeaderValues, out IList<MediaTypeHeaderValue>? ranges))
        {
            return null;
        }

        GraphQLResponseMediaType? best = null;
        double bestQuality = 0;
        int bestSpecificity = -1;
        foreach (MediaTypeHeaderValue range in ranges)
        {
            double quality = range.Quality ?? 1.0;
            if (quality <= 0 || !AcceptsUtf8(range))
            {
                continue;
            }

            (GraphQLResponseMediaType? type, int specificity) = Match(range);
            if (type is null)
            {
                continue;
            }

            // Higher q wins; on a tie the more specific range wins (an exact type beats */*).
            if (quality > bestQuality || (quality == bestQuality && specificity > bestSpecificity))
            {
                best = type;
                bestQuality = quality;
                bestSpecificity = specificity;
            }
        }

        return best;
    }

    private static (GraphQLResponseMediaType? Type, int Specificity) Match(MediaTypeHeaderValue range)
    {
        string mediaType = range.MediaType.Value ?? string.Empty;
        if (mediaType.Equals(GraphQLResponseJsonType, StringComparison.OrdinalIgnoreCase))
        {
            return (GraphQLResponseMediaType.GraphQLResponseJson, 2);
        }

        if (mediaType.Equals(JsonType, StringComparison.OrdinalIgnoreCase))
        {
            return (GraphQLResponseMediaType.Json, 2);
        }

        // Wildcards get the legacy type, as the spec advises for clients that did not ask for the new one.
        if (mediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase))
        {
            return (GraphQLResponseMediaType.Json, 1);
        }

        return mediaType == "*/*" ? (GraphQLResponseMediaType.Json, 0) : (null, -1);
    }

    private static bool AcceptsUtf8(MediaTypeHeaderValue range)
    {
        string? charset = range.Charset.Value;
        return charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
    }
}
