using System.Diagnostics;
using System.Reflection;

using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;

using IamGraph.Api.Common;
using IamGraph.Http;
using IamGraph.Http.Limits;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IamGraph.Api.Tests.Fuzzing;

/// <summary>One engine's answer to one document, and what is wrong with it by property 1.</summary>
/// <param name="Json">The response as the HTTP endpoint writes it (exception details masked); null when there was no answer in time.</param>
/// <param name="Violations">Errors a client must never see: unhandled exceptions, codes the API does not document, no answer at all.</param>
/// <param name="Exceptions">The exceptions behind unhandled errors (type and message), for the report only: clients never see them.</param>
public sealed record FuzzAnswer(string? Json, IReadOnlyList<FuzzViolation> Violations, IReadOnlyList<string> Exceptions, IReadOnlyList<string> Codes, TimeSpan Elapsed)
{
    public bool HasErrors => Codes.Count > 0 || Json is null;

    public string Describe(int maxLength = 1500)
    {
        var text = Json ?? "(no answer)";
        if (text.Length > maxLength)
        {
            text = text[..maxLength] + $"... ({text.Length} chars)";
        }
        return Exceptions.Count == 0 ? text : text + "\n      behind it: " + string.Join("\n      behind it: ", Exceptions.Distinct());
    }
}

/// <param name="Kind">What went wrong, without detail, to group and shrink by: <c>unhandled ARGUMENT</c>, <c>no answer</c>.</param>
public sealed record FuzzViolation(string Kind, string Detail);

/// <summary>
/// Executes documents in-process exactly as the HTTP endpoint does (<see cref="GraphQLHttpEndpoint"/>): the document-size check,
/// the endpoint's validation rules and timeout (<see cref="ExecutionLimits"/>), one DI scope per request, and its serializer,
/// which masks exception details. A watchdog bounds the wait, so a query the timeout fails to stop is reported, not waited for.
/// An exception no resolver turned into an <see cref="ExecutionError"/> reaches a client as GraphQL.NET's <see cref="UnhandledError"/>:
/// <c>{"message":"Error trying to resolve field 'x'.","path":[...],"extensions":{"code":"ARGUMENT","codes":["ARGUMENT"]}}</c>, the code
/// made from the exception's type (ArgumentException, PostgresException: <c>POSTGRES</c>); it is recognised by type, whatever the code.
/// </summary>
public sealed class FuzzExecutor
{
    /// <summary>
    /// The codes a client may see: ours (<see cref="ErrorCodes"/>) and the limits'
    /// (complexity and depth, aliases, document size, timeout). Nothing else: a generated document is valid, so a spec validation
    /// code means a generator bug, and GraphQL.NET names an unhandled exception by its type (<c>ARGUMENT</c>, <c>INVALID_OPERATION</c>).
    /// </summary>
    public static readonly IReadOnlySet<string> HandledCodes = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)
        .Concat([ErrorCodes.InvalidNodeId, "COMPLEXITY", "MAX_ALIASES", DocumentSizeLimit.Code, "TIMEOUT"])
        .ToHashSet(StringComparer.Ordinal);

    private readonly ApiFixture _api;
    private readonly GraphQLHttpOptions _options;
    private readonly ExecutionLimits _limits;
    // The endpoint's serializer: exception details never reach a client.
    private readonly IGraphQLTextSerializer _serializer = ClientErrorSerializer.Create(exposeExceptionDetails: false);

    public FuzzExecutor(ApiFixture api, TimeSpan timeout)
    {
        _api = api;
        _options = new GraphQLHttpOptions { ExecutionTimeout = timeout };
        _limits = new ExecutionLimits(Options.Create(_options));
    }

    /// <summary>How long to wait for an answer before calling it a runaway: well past the timeout, which should have answered TIMEOUT.</summary>
    public TimeSpan Watchdog => (_options.ExecutionTimeout * 3) + TimeSpan.FromSeconds(5);

    public async Task<FuzzAnswer> ExecuteAsync(PrintedDocument document)
    {
        var clock = Stopwatch.StartNew();
        var exceptions = new List<string>();
        // Task.Run: SQLite's async methods run synchronously, so without it a runaway statement would block this caller too.
        var execution = Task.Run(() => ExecuteCoreAsync(document, exceptions));
        if (await Task.WhenAny(execution, Task.Delay(Watchdog)) != execution)
        {
            return new FuzzAnswer(null, [new FuzzViolation("no answer", $"no answer {Watchdog.TotalSeconds:0} s after the request (the timeout is {_options.ExecutionTimeout.TotalSeconds:0} s): the timeout did not stop the work")], [], [], clock.Elapsed);
        }
        var (result, json) = await execution;
        var violations = new List<FuzzViolation>();
        var codes = new List<string>();
        foreach (var error in result.Errors ?? [])
        {
            var code = error.Code ?? "(none)";
            codes.Add(code);
            if (error is UnhandledError)
            {
                // What GraphQL.NET makes of an exception no resolver handled: "Error trying to resolve field 'x'." with the exception type as code.
                violations.Add(new FuzzViolation($"unhandled {code}", $"{error.Message} at {string.Join(".", error.Path ?? [])}"));
            }
            else if (!HandledCodes.Contains(code))
            {
                violations.Add(new FuzzViolation($"code {code}", error.Message));
            }
        }
        if (codes.Count == 0 && result.Data is null)
        {
            violations.Add(new FuzzViolation("no data", "neither data nor errors"));
        }
        lock (exceptions)
        {
            return new FuzzAnswer(json, violations, [.. exceptions], codes, clock.Elapsed);
        }
    }

    private async Task<(ExecutionResult Result, string Json)> ExecuteCoreAsync(PrintedDocument document, List<string> exceptions)
    {
        if (DocumentSizeLimit.Check(document.Query, _options.MaxDocumentBytes) is { } tooLarge)
        {
            var rejected = new ExecutionResult { Errors = [tooLarge], Executed = false };
            return (rejected, _serializer.Serialize(rejected));
        }
        await using var scope = _api.Services.CreateAsyncScope();
        var executer = scope.ServiceProvider.GetRequiredService<IDocumentExecuter>();
        // The schema instance the fixture built (resolving ISchema would build a second one over the same singleton graph types).
        var schema = scope.ServiceProvider.GetRequiredService<IamGraphSchema>();
        var variables = document.VariablesJson is null ? null : _serializer.Deserialize<Inputs>(document.VariablesJson);
        var result = await executer.ExecuteAsync(execution =>
        {
            execution.Schema = schema;
            execution.Query = document.Query;
            execution.Variables = variables;
            execution.RequestServices = scope.ServiceProvider;
            execution.UnhandledExceptionDelegate = unhandled =>
            {
                lock (exceptions)
                {
                    var e = unhandled.OriginalException;
                    exceptions.Add($"{e.GetType().FullName}: {e.Message.Split('\n')[0]}");
                }
                return Task.CompletedTask;
            };
            _limits.Apply(execution, isGet: false);
        });
        return (result, _serializer.Serialize(result));
    }
}
