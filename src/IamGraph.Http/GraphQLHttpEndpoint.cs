using System.Buffers.Text;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;
using IamGraph.Http.Limits;
using IamGraph.Http.Serving;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IamGraph.Http;

/// <summary>
/// The GraphQL-over-HTTP endpoint: GET (queries only) and POST application/json, Accept negotiation,
/// limits, execution with the request's services and a cancellation token bounded by the timeout.
/// </summary>
public sealed class GraphQLHttpEndpoint(
    IDocumentExecuter executer,
    ISchema schema,
    [FromKeyedServices(GraphQLHttpServiceCollectionExtensions.SerializerKey)] IGraphQLTextSerializer serializer,
    ExecutionLimits limits,
    IOptions<GraphQLHttpOptions> options,
    PersistedDocumentStore persisted,
    ServingCaches caches,
    ServedDataVersion version,
    ICacheScopeResolver scopes,
    GraphQLTelemetry telemetry,
    ILogger<GraphQLHttpEndpoint> logger)
{
    private readonly GraphQLHttpRequestReader _reader = new(serializer);
    private readonly GraphQLHttpOptions _options = options.Value;

    public async Task HandleAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        bool isGet = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            await WritePlainErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", "Use GET or POST.");
            return;
        }

        GraphQLResponseMediaType? mediaType = AcceptNegotiation.Negotiate(request.Headers.Accept);
        if (mediaType is null)
        {
            await WritePlainErrorAsync(
                context,
                StatusCodes.Status406NotAcceptable,
                "NOT_ACCEPTABLE",
                $"Accept {AcceptNegotiation.GraphQLResponseJsonType} or {AcceptNegotiation.JsonType}.");
            return;
        }

        GraphQLHttpRequestReadResult read = isGet
            ? _reader.ReadGet(request.Query, request.QueryString.Value ?? string.Empty)
            : await _reader.ReadPostAsync(request, _options.MaxRequestBodyBytes, context.RequestAborted);
        if (read.Request is null)
        {
            LogClientErrors([read.Error!], [read.ErrorCode]);
            await WriteResultAsync(context, mediaType.Value, read.StatusCode, ErrorResult(new ExecutionError(read.Error!) { Code = read.ErrorCode }));
            return;
        }

        long started = Stopwatch.GetTimestamp();
        using Activity? activity = GraphQLTelemetry.ActivitySource.StartActivity("graphql.operation");
        var outcome = new OperationOutcome(read.Request.OperationName) { Statements = GraphQLTelemetry.BeginCounting(activity) };
        try
        {
            await HandleGraphQLAsync(context, read, mediaType.Value, isGet, activity, outcome);
        }
        finally
        {
            Record(activity, outcome, started, context.Response.StatusCode);
        }
    }

    private async Task HandleGraphQLAsync(
        HttpContext context, GraphQLHttpRequestReadResult read, GraphQLResponseMediaType mediaType, bool isGet, Activity? activity, OperationOutcome outcome)
    {
        GraphQLRequest request = read.Request!;
        PersistedDocumentResolution document = persisted.Resolve(request.Query, request.DocumentId, request.Extensions);
        outcome.Hash = document.Hash;
        if (document.Error is not null)
        {
            LogClientErrors([document.Error.Message], [document.Error.Code]);
            ExecutionResult refused = ErrorResult(document.Error);
            // As for any request that does not execute: 400 under graphql-response+json, 200 under legacy application/json.
            await WriteResultAsync(context, mediaType, StatusFor(refused, mediaType), refused);
            return;
        }

        if (_options.PersistedDocuments.TrustedDocumentsOnly && !document.Trusted && !_options.EnableIde)
        {
            ExecutionResult refused = ErrorResult(new ExecutionError("Only trusted documents run on this endpoint: send a documentId from its manifest.")
            {
                Code = HttpErrorCodes.TrustedDocumentRequired,
            });
            LogClientErrors([refused.Errors![0].Message], [HttpErrorCodes.TrustedDocumentRequired]);
            await WriteResultAsync(context, mediaType, StatusFor(refused, mediaType), refused);
            return;
        }

        ServingCacheOptions cacheOptions = _options.Caching;
        bool httpCaching = isGet && cacheOptions.HttpCaching;
        bool responseCaching = cacheOptions.ResponseCache;
        string? key = null;
        CacheScope? scope = null;
        if (httpCaching || responseCaching)
        {
            scope = scopes.Resolve(context);
            key = CacheKey(version.Current, scope.Key, mediaType, isGet, read.CacheIdentity);
        }

        if (httpCaching)
        {
            context.Response.Headers.Vary = "Accept, Authorization";
            if (IfNoneMatchMatches(context.Request, key!))
            {
                outcome.Cache = "etag";
                SetValidators(context.Response, key!, scope!);
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }

        if (responseCaching)
        {
            if (caches.Responses.TryGet(key!, out CachedResponse cached))
            {
                outcome.Cache = "hit";
                Count(telemetry.CacheHits, "response");
                if (httpCaching)
                {
                    SetValidators(context.Response, key!, scope!);
                }

                await WriteCachedAsync(context, cached);
                return;
            }

            Count(telemetry.CacheMisses, "response");
        }

        long generation = caches.Responses.Generation;
        ExecutionResult result;
        try
        {
            result = await ExecuteAsync(context, request, document.Query, isGet, outcome);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left: nobody reads an answer, and its leaving is no fault of ours.
            logger.LogDebug("The client left before its GraphQL request was answered.");
            return;
        }

        LogErrors(result);
        if (isGet && result.Errors?.Any(e => e is HttpGetMutationError) == true)
        {
            context.Response.Headers.Allow = "POST";
            await WriteResultAsync(context, mediaType, StatusCodes.Status405MethodNotAllowed, result);
            return;
        }

        int status = StatusFor(result, mediaType);
        bool cacheable = status == StatusCodes.Status200OK && result.Executed && result.Errors is not { Count: > 0 };
        if (httpCaching)
        {
            // Errors are never cached: the next try may succeed (a timeout) and must not be answered from a cache.
            if (cacheable)
            {
                SetValidators(context.Response, key!, scope!);
            }
            else
            {
                context.Response.Headers.CacheControl = "no-store";
            }
        }

        bool store = cacheable && responseCaching && !HttpMethods.IsHead(context.Request.Method);
        await WriteResultAsync(context, mediaType, status, result, store ? (key!, generation) : null);
    }

    private async Task<ExecutionResult> ExecuteAsync(HttpContext context, GraphQLRequest request, string? query, bool isGet, OperationOutcome outcome)
    {
        if (DocumentSizeLimit.Check(query, _options.MaxDocumentBytes) is { } tooLarge)
        {
            return ErrorResult(tooLarge);
        }

        GraphQLDocument? cachedDocument = null;
        bool documentCaching = _options.Caching.DocumentCache && query is not null;
        if (documentCaching)
        {
            if (caches.Documents.TryGet(query!, out GraphQLDocument parsed))
            {
                cachedDocument = parsed;
                Count(telemetry.CacheHits, "document");
            }
            else
            {
                Count(telemetry.CacheMisses, "document");
            }
        }

        outcome.DocumentCached = cachedDocument is not null;
        long generation = caches.Documents.Generation;
        ExecutionResult result = await executer.ExecuteAsync(execution =>
        {
            execution.Schema = schema;
            execution.Query = query;
            execution.Document = cachedDocument;
            execution.DocumentId = null;
            execution.OperationName = request.OperationName;
            execution.Variables = request.Variables;
            execution.Extensions = request.Extensions;
            execution.RequestServices = context.RequestServices;
            execution.User = context.User;
            // The executer links this with its own timeout (ExecutionLimits sets Timeout).
            execution.CancellationToken = context.RequestAborted;
            execution.UnhandledExceptionDelegate = unhandled =>
            {
                // Clients see a masked error; LogErrors logs the details. An exception once the request's token has
                // fired (its timeout, or the client leaving) is the database stopping the work as told, e.g. SQLite's
                // SQLITE_INTERRUPT: report it as GraphQL.NET reports a cancellation, with code TIMEOUT, not as a fault.
                CancellationToken token = unhandled.Context?.CancellationToken ?? unhandled.ExecutionOptions.CancellationToken;
                if (token.IsCancellationRequested)
                {
                    if (unhandled.FieldContext is not null)
                    {
                        // From a field: unwinds the execution like the resolver's own OperationCanceledException would.
                        throw new OperationCanceledException("The request was cancelled while a field resolved.", unhandled.OriginalException, token);
                    }

                    unhandled.Exception = new TimeoutError();
                }

                return Task.CompletedTask;
            };
            if (cachedDocument is null)
            {
                limits.Apply(execution, isGet);
            }
            else
            {
                limits.ApplyCached(execution, isGet);
            }
        });

        // Executed means every validation rule passed: only such documents are kept.
        if (documentCaching && cachedDocument is null && result.Executed && result.Document is { } document)
        {
            caches.Documents.Set(query!, document, generation);
        }

        return result;
    }

    /// <summary>The served data, the caller's scope, the response type and the request as sent: equal keys, equal answers.</summary>
    private static string CacheKey(string dataVersion, string scope, GraphQLResponseMediaType mediaType, bool isGet, string request)
    {
        string material = string.Join('\0', dataVersion, scope, mediaType == GraphQLResponseMediaType.Json ? "json" : "gql", isGet ? "GET" : "POST", request);
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
    }

    private static bool IfNoneMatchMatches(HttpRequest request, string key)
    {
        if (request.Headers.IfNoneMatch.Count == 0
            || !EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out IList<EntityTagHeaderValue>? tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue($"\"{key}\"");
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }

    private void SetValidators(HttpResponse response, string key, CacheScope scope)
    {
        response.Headers.ETag = $"\"{key}\"";
        response.Headers.CacheControl = $"{(scope.IsPublic ? "public" : "private")}, max-age={_options.Caching.MaxAgeSeconds}";
    }

    private static async Task WriteCachedAsync(HttpContext context, CachedResponse cached)
    {
        HttpResponse response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = cached.ContentType;
        response.ContentLength = cached.Body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(cached.Body, context.RequestAborted);
        }
    }

    private static void Count(Counter<long> counter, string cache)
    {
        if (counter.Enabled)
        {
            counter.Add(1, new KeyValuePair<string, object?>("cache", cache));
        }
    }

    private void Record(Activity? activity, OperationOutcome outcome, long started, int status)
    {
        if (activity is not null)
        {
            string name = outcome.OperationName ?? "anonymous";
            activity.DisplayName = $"graphql {name}";
            activity.SetTag("graphql.operation.name", name);
            activity.SetTag("graphql.document.hash", outcome.Hash);
            activity.SetTag("graphql.document.cached", outcome.DocumentCached);
            activity.SetTag("iamgraph.cache", outcome.Cache);
            activity.SetTag("http.response.status_code", status);
            if (outcome.Statements is { } statements)
            {
                activity.SetTag("db.statement_count", statements.Count);
            }
        }

        if (telemetry.OperationDuration.Enabled)
        {
            telemetry.OperationDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("graphql.operation.name", outcome.OperationName ?? "anonymous"),
                new KeyValuePair<string, object?>("iamgraph.cache", outcome.Cache),
                new KeyValuePair<string, object?>("http.response.status_code", status));
        }
    }

    /// <summary>What one request came to, for its span and metrics.</summary>
    private sealed class OperationOutcome(string? operationName)
    {
        public string? OperationName { get; } = operationName;

        public string? Hash { get; set; }

        public bool DocumentCached { get; set; }

        /// <summary>miss (executed), hit (response cache), etag (304).</summary>
        public string Cache { get; set; } = "miss";

        public GraphQLTelemetry.StatementCounter? Statements { get; set; }
    }

    /// <summary>
    /// Client errors (a code we or GraphQL.NET raise on purpose: a bad cursor, a too-large page, validation, TIMEOUT) are
    /// one Information line without a stack trace; only unexpected exceptions are errors with their stack.
    /// </summary>
    private void LogErrors(ExecutionResult result)
    {
        if (result.Errors is not { Count: > 0 } errors)
        {
            return;
        }

        foreach (UnhandledError fault in errors.OfType<UnhandledError>())
        {
            logger.LogError(fault.InnerException, "Unhandled exception while executing a GraphQL request: {Message}", fault.Message);
        }

        ExecutionError[] client = [.. errors.Where(e => e is not UnhandledError)];
        if (client.Length > 0)
        {
            LogClientErrors([.. client.Select(e => e.Message)], [.. client.Select(e => e.Code)]);
        }
    }

    private void LogClientErrors(string[] messages, string?[] codes)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        // One line however many rows failed alike (a bad cursor on a nested connection fails once per parent).
        string summary = string.Join("; ", messages
            .Select((message, i) => $"{codes[i] ?? "NO_CODE"}: {message.ReplaceLineEndings(" ")}")
            .GroupBy(line => line, StringComparer.Ordinal)
            .Take(5)
            .Select(g => g.Count() == 1 ? g.Key : $"{g.Key} (x{g.Count()})"));
        logger.LogInformation("GraphQL request answered with client errors: {Errors}", summary);
    }

    // graphql-response+json: 200 only when execution ran (the response has `data`); otherwise 400.
    // application/json: 200 for every well-formed request, as legacy clients expect.
    private static int StatusFor(ExecutionResult result, GraphQLResponseMediaType mediaType) =>
        mediaType == GraphQLResponseMediaType.Json || result.Executed ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;

    private async Task WriteResultAsync(
        HttpContext context, GraphQLResponseMediaType mediaType, int statusCode, ExecutionResult result, (string Key, long Generation)? store = null)
    {
        HttpResponse response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = AcceptNegotiation.ContentType(mediaType);
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        if (store is not { } entry)
        {
            await serializer.WriteAsync(response.Body, result, context.RequestAborted);
            return;
        }

        // Streams to the client as it serializes and keeps a copy for the cache, unless the answer outgrows the entry cap.
        var capture = new CapturingStream(response.Body, _options.Caching.MaxCachedResponseBytes);
        await serializer.WriteAsync(capture, result, context.RequestAborted);
        if (capture.Captured is { } body)
        {
            caches.Responses.Set(entry.Key, new CachedResponse(body, response.ContentType), entry.Generation);
        }
    }

    private async Task WritePlainErrorAsync(HttpContext context, int statusCode, string code, string message)
    {
        // The client may not accept either GraphQL type here, so answer application/json as a courtesy.
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = AcceptNegotiation.ContentType(GraphQLResponseMediaType.Json);
        await serializer.WriteAsync(context.Response.Body, ErrorResult(new ExecutionError(message) { Code = code }), context.RequestAborted);
    }

    /// <summary>The 503 body beyond the execution queue (the rate limiter has set the status and Retry-After).</summary>
    internal static Task WriteOverloadedAsync(HttpContext context) =>
        WriteRefusalAsync(context, HttpErrorCodes.ServiceOverloaded, "The server is busy: retry after the Retry-After delay.");

    /// <summary>
    /// The body of a request refused before it reached execution (the caller has set the status): one error with its code,
    /// in the media type the client accepts (application/json when it accepts neither).
    /// </summary>
    internal static async Task WriteRefusalAsync(HttpContext context, string code, string message)
    {
        IGraphQLTextSerializer serializer = context.RequestServices.GetRequiredKeyedService<IGraphQLTextSerializer>(GraphQLHttpServiceCollectionExtensions.SerializerKey);
        GraphQLResponseMediaType mediaType = AcceptNegotiation.Negotiate(context.Request.Headers.Accept) ?? GraphQLResponseMediaType.Json;
        context.Response.ContentType = AcceptNegotiation.ContentType(mediaType);
        await serializer.WriteAsync(context.Response.Body, ErrorResult(new ExecutionError(message) { Code = code }), context.RequestAborted);
    }

    private static ExecutionResult ErrorResult(ExecutionError error) => new() { Errors = [error], Executed = false };
}
