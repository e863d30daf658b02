using GraphQL.Types;

using IamGraph.Api.Common.Paging;
using IamGraph.Api.Policies;

namespace IamGraph.Api.Actions;

/// <summary><c>action.grantedBy</c>: like a <c>PolicyConnection</c>, but each edge also says which of the policy's patterns matched.</summary>
public sealed class PolicyGrantConnectionGraphType(ApiOptions options)
    : ConnectionGraphTypeBase<PolicyType, PolicyGrantEdgeGraphType, PolicyGrant>("PolicyGrantConnection", options, grant => grant.Policy);

public sealed class PolicyGrantEdgeGraphType : ObjectGraphType<PageEdge<PolicyGrant>>
{
    public PolicyGrantEdgeGraphType()
    {
        Name = "PolicyGrantEdge";
        Description = "A policy granting the action.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("A cursor for use in pagination.").Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<PolicyType>>("node").Description("The granting policy.").Resolve(ctx => ctx.Source.Node.Policy);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("via")
            .Description("The policy's own action strings that matched, exactly as written (e.g. `s3:Get*`, `*`), ordinal order.")
            .Resolve(ctx => ctx.Source.Node.Via);
    }
}
