using System.Text.Encodings.Web;

using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;

namespace IamGraph.Http;

/// <summary>
/// The JSON a client reads: errors carry <c>message</c>, <c>locations</c>, <c>path</c> and <c>extensions.code</c> (plus
/// <c>extensions.details</c> when exception details are exposed), and text is written as text.
/// </summary>
public static class ClientErrorSerializer
{
    public static IGraphQLTextSerializer Create(bool exposeExceptionDetails, bool indent = false) =>
        new GraphQLSerializer(
            json =>
            {
                // The default encoder writes ' as \u0027 and every non-ASCII letter as \uXXXX, since it guards against JSON pasted
                // into HTML. These bodies are only ever served as application/json or application/graphql-response+json, which no
                // browser renders as HTML, so the relaxed encoder is safe here; it still escapes what JSON requires (", \, controls).
                json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
                json.WriteIndented = indent;
            },
            new CodeOnlyErrorInfoProvider(exposeExceptionDetails));

    /// <summary>
    /// GraphQL.NET also writes <c>extensions.codes</c> (the code again, plus one per inner exception type) and, for validation
    /// errors, <c>extensions.number</c> (the spec section); neither is standard nor meant for clients, so only <c>code</c> stays.
    /// </summary>
    private sealed class CodeOnlyErrorInfoProvider(bool exposeExceptionDetails)
        : ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeCodes = false, ExposeData = false, ExposeExceptionDetails = exposeExceptionDetails })
    {
        public override ErrorInfo GetInfo(ExecutionError executionError)
        {
            var info = base.GetInfo(executionError);
            if (info.Extensions is { } extensions)
            {
                extensions.Remove("number");
                if (extensions.Count == 0)
                {
                    info.Extensions = null;
                }
            }
            return info;
        }
    }
}
