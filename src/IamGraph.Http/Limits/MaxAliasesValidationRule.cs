using GraphQL.Validation;

using GraphQLParser.AST;

namespace IamGraph.Http.Limits;

/// <summary>
/// Rejects documents with more aliased fields than allowed. Aliases let one small query run the same
/// expensive field thousands of times, which depth and per-field cost alone do not catch.
/// </summary>
public sealed class MaxAliasesValidationRule(int maxAliases) : ValidationRuleBase
{
    public int MaxAliases { get; } = maxAliases;

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        // One visitor per validation run, so the counter is per document.
        int count = 0;
        INodeVisitor visitor = new MatchingNodeVisitor<GraphQLField>((field, ctx) =>
        {
            if (field.Alias is not null && ++count == MaxAliases + 1)
            {
                ctx.ReportError(new MaxAliasesError(ctx.Document.Source, MaxAliases, field));
            }
        });
        return ValueTask.FromResult<INodeVisitor?>(visitor);
    }
}

/// <summary>The error <see cref="MaxAliasesValidationRule"/> reports; code MAX_ALIASES.</summary>
public sealed class MaxAliasesError : ValidationError
{
    public MaxAliasesError(GraphQLParser.ROM source, int maxAliases, ASTNode node)
        : base(source, null, $"The document has more than {maxAliases} aliased fields, the maximum allowed on this endpoint.", node)
    {
        Code = "MAX_ALIASES";
    }
}
