using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

using GraphQL;
using GraphQL.Transport;

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace IamGraph.Http;

/// <summary>Either a GraphQL request or the HTTP status, error code and message that explain why there is none.</summary>
/// <remarks><see cref="CacheIdentity"/> is the request as sent (GET: the query string; POST: the body's SHA-256), for cache keys.</remarks>
internal sealed record GraphQLHttpRequestReadResult(GraphQLRequest? Request, int StatusCode, string? ErrorCode, string? Error)
{
    private string? _cacheIdentity;

    /// <summary>GET: the query string as sent.</summary>
    public string? QueryString { get; init; }

    /// <summary>POST: the body as sent.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>Computed on first use: only the caches need it, so an uncached request never hashes its body.</summary>
    public string CacheIdentity => _cacheIdentity ??= QueryString ?? Convert.ToBase64String(SHA256.HashData(Body.Span));

    /// <summary>A request without `query` (or a persisted `documentId`) is not well-formed: 400 whatever the Accept.</summary>
    public static GraphQLHttpRequestReadResult Ok(GraphQLRequest request) =>
        string.IsNullOrEmpty(request.Query) && string.IsNullOrEmpty(request.DocumentId) && !IsPersistedQuery(request.Extensions)
            ? Fail(StatusCodes.Status400BadRequest, "The 'query' parameter is required.")
            : new(request, StatusCodes.Status200OK, null, null);

    // Apollo's APQ sends only the hash in extensions; the persisted-document store resolves it.
    private static bool IsPersistedQuery(Inputs? extensions) => extensions?.ContainsKey("persistedQuery") == true;

    public static GraphQLHttpRequestReadResult Fail(int statusCode, string error) => new(null, statusCode, CodeFor(statusCode), error);

    private static string CodeFor(int statusCode) => statusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => "REQUEST_TOO_LARGE",
        StatusCodes.Status415UnsupportedMediaType => "UNSUPPORTED_MEDIA_TYPE",
        _ => "BAD_REQUEST",
    };
}

/// <summary>
/// Turns a GET query string or a POST `application/json` body into a <see cref="GraphQLRequest"/>,
/// enforcing the body cap. Batches (JSON arrays) are not supported and are rejected.
/// </summary>
internal sealed class GraphQLHttpRequestReader(IGraphQLTextSerializer serializer)
{
    public GraphQLHttpRequestReadResult ReadGet(IQueryCollection query, string queryString)
    {
        foreach (string name in new[] { "query", "operationName", "variables", "extensions", "documentId", "id" })
        {
            if (query.TryGetValue(name, out StringValues values) && values.Count > 1)
            {
                return GraphQLHttpRequestReadResult.Fail(StatusCodes.Status400BadRequest, $"The '{name}' parameter was given more than once.");
            }
        }

        try
        {
            var request = new GraphQLRequest
            {
                Query = NullIfEmpty(query["query"]),
                OperationName = NullIfEmpty(query["operationName"]),
                Variables = DeserializeMap(NullIfEmpty(query["variables"])),
                Extensions = DeserializeMap(NullIfEmpty(query["extensions"])),
                // `id` is Relay's name for a persisted document.
                DocumentId = NullIfEmpty(query["documentId"]) ?? NullIfEmpty(query["id"]),
            };
            return GraphQLHttpRequestReadResult.Ok(request) with { QueryString = queryString };
        }
        catch (Exception ex) when (IsBadJson(ex))
        {
            return GraphQLHttpRequestReadResult.Fail(StatusCodes.Status400BadRequest, "The 'variables' or 'extensions' parameter is not a JSON object.");
        }
    }

    public async Task<GraphQLHttpRequestReadResult> ReadPostAsync(HttpRequest request, long maxBodyBytes, CancellationToken cancellationToken)
    {
        if (!IsJsonContentType(request.ContentType))
        {
            return GraphQLHttpRequestReadResult.Fail(
                StatusCodes.Status415UnsupportedMediaType,
                "POST requests must have Content-Type application/json (charset utf-8).");
        }

        if (request.ContentLength > maxBodyBytes)
        {
            return TooLarge(maxBodyBytes);
        }

        MemoryStream? body = await ReadCappedAsync(request.Body, request.ContentLength, maxBodyBytes, cancellationToken);
        if (body is null)
        {
            return TooLarge(maxBodyBytes);
        }

        if (body.Length == 0)
        {
            return GraphQLHttpRequestReadResult.Fail(StatusCodes.Status400BadRequest, "The request body is empty.");
        }

        try
        {
            // A JSON array would be a batch, which this endpoint does not support.
            if (FirstNonWhitespace(body) != '{')
            {
                return GraphQLHttpRequestReadResult.Fail(StatusCodes.Status400BadRequest, "The request body must be a JSON object.");
            }

            GraphQLRequest? parsed = await serializer.ReadAsync<GraphQLRequest>(body, cancellationToken);
            if (parsed is null)
            {
                return GraphQLHttpRequestReadResult.Fail(StatusCodes.Status400BadRequest, "The request body must be a JSON object.");
            }

            ReadOnlySpan<byte> bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
            if (parsed.Query is null && parsed.DocumentId is null)
            {
                parsed.DocumentId = RelayId(bytes);
            }

            return GraphQLHttpRequestReadResult.Ok(parsed) with { Body = body.GetBuffer().AsMemory(0, (int)body.Length) };
        }
        catch (Exception ex) when (IsBadJson(ex))
        {
            return GraphQLHttpRequestReadResult.Fail(StatusCodes.Status400BadRequest, "The request body is not a valid GraphQL-over-HTTP JSON object.");
        }
    }

    /// <summary>Relay names a persisted document `id`, which GraphQL.NET's request reader skips: read it only when nothing else names one.</summary>
    private static string? RelayId(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isId = reader.ValueTextEquals("id"u8);
            reader.Read();
            if (isId && reader.TokenType == JsonTokenType.String)
            {
                return reader.GetString();
            }

            reader.Skip();
        }

        return null;
    }

    private Inputs? DeserializeMap(string? json)
    {
        if (json is null)
        {
            return null;
        }

        string trimmed = json.TrimStart();
        if (!trimmed.StartsWith('{') && trimmed != "null")
        {
            throw new JsonException("Expected a JSON object.");
        }

        return serializer.Deserialize<Inputs>(json);
    }

    private static bool IsJsonContentType(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? parsed)
            || !parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string? charset = parsed.Charset.Value;
        return charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
    }

    // Reads at most maxBytes; null when the body is larger. Buffering is fine: the cap keeps it small. Sized to the declared
    // length (the caller has checked it against the cap), and read through a pooled chunk: a request allocates its body only.
    private static async Task<MemoryStream?> ReadCappedAsync(Stream source, long? contentLength, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream(contentLength is long declared && declared > 0 && declared <= maxBytes ? (int)declared : 0);
        byte[] chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        buffer.Position = 0;
        return buffer;
    }

    private static char FirstNonWhitespace(MemoryStream body)
    {
        ReadOnlySpan<byte> bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
        int index = bytes.IndexOfAnyExcept(" \t\r\n"u8);
        return index < 0 ? '\0' : (char)bytes[index];
    }

    private static GraphQLHttpRequestReadResult TooLarge(long maxBodyBytes) =>
        GraphQLHttpRequestReadResult.Fail(
            StatusCodes.Status413PayloadTooLarge,
            $"The request body is larger than the maximum of {maxBodyBytes} bytes.");

    private static string? NullIfEmpty(StringValues value) => StringValues.IsNullOrEmpty(value) ? null : value.ToString();

    private static bool IsBadJson(Exception ex) =>
        ex is JsonException or InvalidOperationException or NotSupportedException or FormatException or ArgumentException;
}
