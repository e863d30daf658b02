using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;

using Microsoft.Extensions.Options;

namespace IamGraph.Http.Limits;

/// <summary>
/// Applies the endpoint's limits to one execution: validation rules (depth, complexity, aliases, GET safety)
/// and the timeout. Done per request by the endpoint, so it works whoever registered the schema.
/// </summary>
public sealed class ExecutionLimits
{
    private readonly IValidationRule[] _rules;
    private readonly TimeSpan _timeout;

    public ExecutionLimits(IOptions<GraphQLHttpOptions> options)
    {
        GraphQLHttpOptions value = options.Value;
        _rules =
        [
            new ComplexityValidationRule(ComplexityOptionsFactory.Create(value)),
            new MaxAliasesValidationRule(value.MaxAliases),
        ];
        _timeout = value.ExecutionTimeout;
    }

    public void Apply(ExecutionOptions execution, bool isGet)
    {
        // Fragment cycles and the rest of the spec's rules come from CoreRules; ours are added on top.
        IEnumerable<IValidationRule> rules = (execution.ValidationRules ?? DocumentValidator.CoreRules).Concat(_rules);
        if (isGet)
        {
            rules = rules.Append(HttpGetQueriesOnlyValidationRule.Instance);
        }

        execution.ValidationRules = rules;
        execution.Timeout = _timeout;
        execution.TimeoutAction = TimeoutAction.ReturnTimeoutError;
    }
}
