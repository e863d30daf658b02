using GraphQL.Validation;

using GraphQLParser.AST;

namespace IamGraph.Http.Limits;

/// <summary>
/// GET must be safe: only query operations may run over it (GraphQL-over-HTTP spec). The endpoint turns
/// <see cref="HttpGetMutationError"/> into 405 with `Allow: POST`.
/// </summary>
public sealed class HttpGetQueriesOnlyValidationRule : ValidationRuleBase
{
    public static readonly HttpGetQueriesOnlyValidationRule Instance = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        INodeVisitor visitor = new MatchingNodeVisitor<GraphQLOperationDefinition>((operation, ctx) =>
        {
            if (operation == ctx.Operation && operation.Operation != OperationType.Query)
            {
                ctx.ReportError(new HttpGetMutationError(ctx.Document.Source, operation));
            }
        });
        return ValueTask.FromResult<INodeVisitor?>(visitor);
    }
}

/// <summary>A mutation or subscription sent over GET; code HTTP_METHOD_NOT_ALLOWED.</summary>
public sealed class HttpGetMutationError : ValidationError
{
    public HttpGetMutationError(GraphQLParser.ROM source, GraphQLOperationDefinition operation)
        : base(source, null, $"Only query operations can be sent with GET; send this {operation.Operation.ToString().ToLowerInvariant()} with POST.", operation)
    {
        Code = "HTTP_METHOD_NOT_ALLOWED";
    }
}
