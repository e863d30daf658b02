using GraphQL.Validation;

using GraphQLParser.AST;

namespace IamGraph.Api.Common;

/// <summary>
/// The spec's "operation type existence": a mutation or subscription needs the schema's mutation (subscription) type, and this
/// schema has neither. Without the rule GraphQL.NET fails such a request at execution, as an unhandled error without location
/// ("Error executing document."); with it the client hears why, where, and before anything runs.
/// </summary>
public sealed class OperationTypeExistenceValidationRule : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        INodeVisitor visitor = new MatchingNodeVisitor<GraphQLOperationDefinition>((operation, ctx) =>
        {
            var (kind, type) = operation.Operation switch
            {
                OperationType.Mutation => ("mutation", ctx.Schema.Mutation),
                OperationType.Subscription => ("subscription", ctx.Schema.Subscription),
                _ => ("query", (GraphQL.Types.IObjectGraphType?)ctx.Schema.Query),
            };
            if (type is null)
            {
                ctx.ReportError(new ValidationError(ctx.Document.Source, ErrorCodes.OperationNotSupported,
                    $"The schema has no {kind} type: this API is read-only and runs queries only, so it cannot run a {kind}.", operation)
                { Code = ErrorCodes.OperationNotSupported });
            }
        });
        return ValueTask.FromResult<INodeVisitor?>(visitor);
    }
}
