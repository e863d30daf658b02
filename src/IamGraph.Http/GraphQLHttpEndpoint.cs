using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;

using IamGraph.Http.Limits;

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
    ILogger<GraphQLHttpEndpoint> logger)
{
    private readonly GraphQLHttpRequestReader _reader = new(serializer);

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
            ? _reader.ReadGet(request.Query)
            : await _reader.ReadPostAsync(request, options.Value.MaxRequestBodyBytes, context.RequestAborted);
        if (read.Request is null)
        {
            LogClientErrors([read.Error!], [read.ErrorCode]);
            await WriteResultAsync(context, mediaType.Value, read.StatusCode, ErrorResult(new ExecutionError(read.Error!) { Code = read.ErrorCode }));
            return;
        }

        ExecutionResult result;
        try
        {
            result = await ExecuteAsync(context, read.Request, isGet);
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
            await WriteResultAsync(context, mediaType.Value, StatusCodes.Status405MethodNotAllowed, result);
            return;
        }

        await WriteResultAsync(context, mediaType.Value, StatusFor(result, mediaType.Value), result);
    }

    private async Task<ExecutionResult> ExecuteAsync(HttpContext context, GraphQLRequest request, bool isGet)
    {
        if (DocumentSizeLimit.Check(request.Query, options.Value.MaxDocumentBytes) is { } tooLarge)
        {
            return ErrorResult(tooLarge);
        }

        return await executer.ExecuteAsync(execution =>
        {
            execution.Schema = schema;
            execution.Query = request.Query;
            execution.DocumentId = request.DocumentId;
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
            limits.Apply(execution, isGet);
        });
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

    private async Task WriteResultAsync(HttpContext context, GraphQLResponseMediaType mediaType, int statusCode, ExecutionResult result)
    {
        HttpResponse response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = mediaType == GraphQLResponseMediaType.GraphQLResponseJson
            ? $"{AcceptNegotiation.GraphQLResponseJsonType}; charset=utf-8"
            : $"{AcceptNegotiation.JsonType}; charset=utf-8";
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        await serializer.WriteAsync(response.Body, result, context.RequestAborted);
    }

    private async Task WritePlainErrorAsync(HttpContext context, int statusCode, string code, string message)
    {
        // The client may not accept either GraphQL type here, so answer application/json as a courtesy.
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = $"{AcceptNegotiation.JsonType}; charset=utf-8";
        await serializer.WriteAsync(context.Response.Body, ErrorResult(new ExecutionError(message) { Code = code }), context.RequestAborted);
    }

    private static ExecutionResult ErrorResult(ExecutionError error) => new() { Errors = [error], Executed = false };
}
