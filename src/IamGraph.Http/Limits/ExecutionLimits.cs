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
    private readonly IValidationRule[] _cachedRules;
    private readonly IValidationRule[] _cachedGetRules;
    private readonly TimeSpan _timeout;

    public ExecutionLimits(IOptions<GraphQLHttpOptions> options)
    {
        GraphQLHttpOptions value = options.Value;
        var complexity = new ComplexityValidationRule(ComplexityOptionsFactory.Create(value));
        _rules =
        [
            complexity,
            new MaxAliasesValidationRule(value.MaxAliases),
        ];
        // Shared by every cached request (the rules keep no per-request state): no arrays per request.
        _cachedRules = [complexity];
        _cachedGetRules = [complexity, HttpGetQueriesOnlyValidationRule.Instance];
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

    /// <summary>
    /// For a document from the document cache, which passed every rule once: only what depends on the request runs again,
    /// the complexity budget (variables such as <c>first: $n</c> change it) and GET's queries-only rule (the operation name).
    /// Rules the schema's registration appends (AddValidationRule) still run after these.
    /// </summary>
    public void ApplyCached(ExecutionOptions execution, bool isGet)
    {
        execution.ValidationRules = isGet ? _cachedGetRules : _cachedRules;
        execution.Timeout = _timeout;
        execution.TimeoutAction = TimeoutAction.ReturnTimeoutError;
    }
}
