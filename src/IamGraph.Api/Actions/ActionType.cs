using GraphQL.Types;

using IamGraph.Api.Common;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Paging;
using IamGraph.Api.Common.Relay;
using IamGraph.Api.Policies;
using IamGraph.Api.Roles;
using IamGraph.Api.Services;
using IamGraph.Catalog.Entities;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Actions;

public sealed class ActionType : NodeGraphType<Action>, INodeGraphType
{
    public static string GraphTypeName => "Action";

    public ActionType()
        : base(GraphTypeName, "An action string as policies write it: one action (`ecr:BatchGetImage`) or a pattern (`s3:Get*`, `*`).", a => a.Id)
    {
        Field(a => a.Name).Description("Exactly as written; case variants are distinct actions (see `canonical`).");
        Field(a => a.IsWildcard).Description("True when the name holds `*` or `?`.");
        Field(a => a.PolicyCount);
        Field(a => a.RoleCount);
        Field<NonNullGraphType<BooleanGraphType>>("isCanonical")
            .Description("True for the case variant most policies write (ties: ordinal smallest).")
            .Resolve(ctx => ctx.Source.CanonicalId == ctx.Source.Id);
        Field<NonNullGraphType<ActionType>>("canonical")
            .Description("The case variant most policies write (ties: ordinal smallest); itself when it is that variant. IAM reads all variants as this one.")
            // Loaded whole even when it is the action itself: the source may hold only the columns its own selection read.
            .Resolve(ctx => ctx.LoadById<Action>(ctx.Source.CanonicalId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActionType>>>>("variants")
            .Description("Every action string equal to this one ignoring case, the canonical included, by name (ordinal).")
            .ResolveList(ActionRelations.Variants);
        Field<NonNullGraphType<IntGraphType>>("grantedByCount")
            .Description("How many policies grant this action by IAM's rules (case-insensitive, wildcards expanded); answered for the canonical variant. 0 for a pattern.")
            .Resolve(ctx => ctx.Source.CanonicalId == ctx.Source.Id
                ? ctx.Source.GrantedByCount
                : ctx.LoadById<Action>(ctx.Source.CanonicalId).Map(c => c?.GrantedByCount ?? 0));
        Field(a => a.MatchCount).Description("How many canonical concrete actions this string covers: 1 for a literal, any number for a pattern.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AccessLevelGraphType>>>>("accessLevel")
            .Description("From AWS's action catalogue; two for some actions (`TAGGING` and `WRITE`); empty when the catalogue does not list the action or none was imported.")
            .Resolve(ctx => FlagValues.Of(ctx.Source.AccessLevel));
        Field(a => a.Description, nullable: true).Description("AWS's description of the action, from the action catalogue.");
        Field(a => a.InCatalog).Description("AWS's action catalogue lists this action (ignoring case). False for every action when no catalogue was imported.");
        Field<NonNullGraphType<ServiceType>>("service")
            .Description("The service prefix before the first ':' (`all` for `*`).")
            .Resolve(ctx => ctx.Source.Service is { } service
                ? service // joined in with the action's row (see ActionFilterAndSort.Map), narrowed to this field's selection
                : ctx.LoadById<Service>(ctx.Source.ServiceId));

        this.ConnectionField<Action, PolicyType, Policy, PolicyFilterInputType, PolicySortInputType>("policies")
            .Description("Policies naming this action string.")
            .ResolveConnection(ActionRelations.Policies);
        this.ConnectionField<Action, RoleType, Role, RoleFilterInputType, RoleSortInputType>("roles")
            .ResolveConnection(ActionRelations.Roles);
        this.CustomConnectionField<Action, PolicyGrantConnectionGraphType, PolicyFilterInputType, PolicySortInputType>("grantedBy")
            .Description("Policies granting this action by IAM's rules (case-insensitive, `*` and `?` expanded; a policy with a document by its default version's "
                + "Allow and Deny statements), each edge with the patterns that matched and whether the grant is unrestricted. "
                + "Answered for the canonical variant; empty for a pattern (see `matches`).")
            .Argument<BooleanGraphType>(GrantRelations<Action, Policy, PolicyGrant>.ArgumentName,
                "true: only unrestricted grants; false: only grants limited by resource, condition or NotResource (docs-only policies, which do not say, are neither).")
            .ResolveConnection(ActionRelations.GrantedBy.For);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActionResourceTypeGraphType>>>>("resourceTypes")
            .Description("The resource types AWS says the action acts on, by name; answered for the canonical variant; empty when the catalogue does not list it.")
            .ResolveList(ActionRelations.ResourceTypes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConditionKeyGraphType>>>>("conditionKeys")
            .Description("The condition keys AWS says apply to the action itself, by name; answered for the canonical variant.")
            .ResolveList(ActionRelations.ConditionKeys);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActionType>>>>("dependentActions")
            .Description("Actions AWS says a call of this one also needs permission for, by name; answered for the canonical variant.")
            .ResolveList(ActionRelations.DependentActions);
        Principals.PrincipalListLoader.Arguments(Field<NonNullGraphType<Principals.PrincipalConnectionGraphType>>("principals"))
            .Description("The users, groups and roles whose effective actions include this action (see `Principal.effectiveActions`); answered for the canonical variant.")
            .Resolve(ctx => Principals.PrincipalListLoader.Of(ctx).Load(ctx, ctx.Source.CanonicalId, Principals.PrincipalQueries.PrincipalsOf, db => db.Actions.Select(a => a.Id)));
        this.ConnectionField<Action, ActionType, Action, ActionFilterInputType, ActionSortInputType>("matches")
            .Description("The canonical concrete actions this string covers: for a pattern every catalogue action it matches, for a literal its canonical variant.")
            .ResolveConnection(ActionRelations.Matches);
        this.ConnectionField<Action, ActionType, Action, ActionFilterInputType, ActionSortInputType>("matchedBy")
            .Description("The action strings (patterns and literals, any case) that cover this action; answered for the canonical variant.")
            .ResolveConnection(ActionRelations.MatchedBy);
    }
}
