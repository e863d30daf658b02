using GraphQL.Types;

using IamGraph.Api.Common;
using IamGraph.Api.Common.Paging;
using IamGraph.Api.Policies;
using IamGraph.Catalog.Entities;

namespace IamGraph.Api.Actions;

/// <summary><c>action.grantedBy</c>, <c>policiesGranting</c>: like a <c>PolicyConnection</c>, but each edge also says how the policy grants.</summary>
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
        GrantFields.Add(this, edge => edge.Node.Grant);
    }
}

/// <summary><c>policy.effectiveActions</c>: like an <c>ActionConnection</c>, but each edge also says how the policy grants the action.</summary>
public sealed class ActionGrantConnectionGraphType(ApiOptions options)
    : ConnectionGraphTypeBase<ActionType, ActionGrantEdgeGraphType, ActionGrant>("ActionGrantConnection", options, grant => grant.Action);

public sealed class ActionGrantEdgeGraphType : ObjectGraphType<PageEdge<ActionGrant>>
{
    public ActionGrantEdgeGraphType()
    {
        Name = "ActionGrantEdge";
        Description = "An action the policy grants.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("A cursor for use in pagination.").Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<ActionType>>("node").Description("The granted action (canonical, concrete).").Resolve(ctx => ctx.Source.Node.Action);
        GrantFields.Add(this, edge => edge.Node.Grant);
    }
}

public sealed class GrantLimitGraphType() : FlagsGraphType<GrantLimits>(
    "GrantLimit",
    "What limits a grant that is not unrestricted.",
    (GrantLimits.Resource, "Granted only on the resources some Allow statement lists (not `*`)."),
    (GrantLimits.Condition, "Granted only under some Allow statement's `Condition`."),
    (GrantLimits.NotResource, "Granted on every resource but those some Allow statement's `NotResource` lists."));

/// <summary>The fields every grant edge has: <c>via</c>, <c>unrestricted</c>, <c>limitedBy</c>, <c>possiblyDenied</c>.</summary>
internal static class GrantFields
{
    public static void Add<TEdge>(ObjectGraphType<TEdge> edge, Func<TEdge, GrantDetail> grantOf)
    {
        edge.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("via")
            .Description("The policy's own action strings that matched, exactly as written (e.g. `s3:Get*`, `*`), ordinal order; `NotAction#<statement ordinal>` "
                + "for a grant by an Allow with NotAction.")
            .Resolve(ctx => grantOf(ctx.Source).Via);
        edge.Field<BooleanGraphType>("unrestricted")
            .Description("True when some Allow statement with no Condition, no NotResource and `Resource: \"*\"` grants it; false when every granting statement is "
                + "limited (see `limitedBy`); null for a policy known only from the docs, which do not say.")
            .Resolve(ctx => grantOf(ctx.Source).Unrestricted);
        edge.Field<NonNullGraphType<ListGraphType<NonNullGraphType<GrantLimitGraphType>>>>("limitedBy")
            .Description("What limits the grant when it is not unrestricted: the granting statements' resources, conditions or NotResource. Empty when unrestricted.")
            .Resolve(ctx => FlagValues.Of(grantOf(ctx.Source).Limits & ~GrantLimits.PossiblyDenied));
        edge.Field<NonNullGraphType<BooleanGraphType>>("possiblyDenied")
            .Description("A Deny statement that does not remove the action (it has a Condition, specific resources or a NotResource) matches it: some requests may be denied.")
            .Resolve(ctx => grantOf(ctx.Source).Limits.HasFlag(GrantLimits.PossiblyDenied));
    }
}
