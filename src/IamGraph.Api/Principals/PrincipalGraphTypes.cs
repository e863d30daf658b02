using System.Text.Json;

using GraphQL;
using GraphQL.Builders;
using GraphQL.DataLoader;
using GraphQL.Types;

using IamGraph.Api.Actions;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Paging;
using IamGraph.Api.Common.Relay;
using IamGraph.Api.Policies;
using IamGraph.Api.Roles;
using IamGraph.Catalog.Entities;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Principals;

public sealed class PrincipalKindGraphType : EnumerationGraphType<PrincipalKind>
{
    public PrincipalKindGraphType()
    {
        Name = "PrincipalKind";
        Description = "Which kind of IAM principal.";
    }
}

public sealed class PolicyAttachmentGraphType : EnumerationGraphType<PolicyAttachment>
{
    public PolicyAttachmentGraphType()
    {
        Name = "PolicyAttachment";
        Description = "How a principal holds a policy: attached to it, inline in it, or (a user) through a group.";
    }
}

public sealed class PolicyKindGraphType : EnumerationGraphType<PolicyKind>
{
    public PolicyKindGraphType()
    {
        Name = "PolicyKind";
        Description = "AWS-managed, customer-managed (an account's), or inline (one principal's).";
    }
}

public sealed class TrustedEntityTypeGraphType : EnumerationGraphType<TrustedEntityType>
{
    public TrustedEntityTypeGraphType()
    {
        Name = "TrustedEntityType";
        Description = "The kind of principal a role's trust policy names: `Service`, `AWS`, `Federated` or `CanonicalUser`.";
    }
}

/// <summary>A tag of a principal.</summary>
public sealed record Tag(string Key, string Value);

public sealed class TagGraphType : ObjectGraphType<Tag>
{
    public TagGraphType()
    {
        Name = "Tag";
        Field(t => t.Key);
        Field(t => t.Value);
    }
}

public sealed class RoleTrustGraphType : ObjectGraphType<RoleTrust>
{
    public RoleTrustGraphType()
    {
        Name = "TrustedEntity";
        Description = "Someone a role's trust policy lets assume the role (an Allow statement's Principal).";
        Field<NonNullGraphType<TrustedEntityTypeGraphType>>("type").Resolve(ctx => ctx.Source.Type);
        Field(t => t.Value).Description("The service (`ec2.amazonaws.com`), ARN or account, identity provider, or canonical user id; `*` for anyone.");
    }
}

/// <summary><c>principal.policies</c>: policies with how the principal holds each.</summary>
public sealed class PrincipalPolicyConnectionGraphType(ApiOptions options)
    : ConnectionGraphTypeBase<PolicyType, PrincipalPolicyEdgeGraphType, PrincipalPolicyItem>("PrincipalPolicyConnection", options, item => item.Policy);

public sealed class PrincipalPolicyEdgeGraphType : ObjectGraphType<PageEdge<PrincipalPolicyItem>>
{
    public PrincipalPolicyEdgeGraphType()
    {
        Name = "PrincipalPolicyEdge";
        Description = "A policy the principal holds, and how.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("A cursor for use in pagination.").Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<PolicyType>>("node").Resolve(ctx => ctx.Source.Node.Policy);
        Field<NonNullGraphType<PolicyAttachmentGraphType>>("attachment")
            .Description("ATTACHED, INLINE, or GROUP (held through `group`).")
            .Resolve(ctx => Holding(ctx.Source.Node) is { } id
                ? ctx.LoadById<PrincipalPolicy>(id).Map(h => (object?)(h?.Attachment ?? PolicyAttachment.Attached))
                : PolicyAttachment.Attached);
        Field<GroupType>("group")
            .Description("For GROUP: the group the user holds the policy through.")
            .Resolve(ctx => Holding(ctx.Source.Node) is { } id
                ? ctx.LoadById<PrincipalPolicy>(id).Map(h => h?.GroupId is { } group ? ctx.LoadById<Group>(group) : null)
                : null);
    }

    private static int? Holding(PrincipalPolicyItem item) =>
        int.TryParse(item.HoldingId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
}

/// <summary><c>principal.effectiveActions</c>: actions, each with the principal's policies that grant it.</summary>
public sealed class PrincipalActionConnectionGraphType(ApiOptions options)
    : ConnectionGraphTypeBase<ActionType, PrincipalActionEdgeGraphType, PrincipalActionItem>("PrincipalActionConnection", options, item => item.Action);

public sealed class PrincipalActionEdgeGraphType : ObjectGraphType<PageEdge<PrincipalActionItem>>
{
    public PrincipalActionEdgeGraphType()
    {
        Name = "PrincipalActionEdge";
        Description = "An action the principal may perform.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("A cursor for use in pagination.").Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<ActionType>>("node").Resolve(ctx => ctx.Source.Node.Action);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PolicyType>>>>("via")
            .Description("The principal's policies that grant it (a user's include its groups'), by name.")
            .Resolve(ctx => PrincipalGrantLoader.Of(ctx).Load(ctx.Source.Node).Map(grant => (object?)(grant?.Via ?? [])));
        Field<NonNullGraphType<BooleanGraphType>>("unrestricted")
            .Description("Some policy grants it with no Condition, no NotResource and `Resource: \"*\"`, and so does the permissions boundary if there is one.")
            .Resolve(ctx => PrincipalGrantLoader.Of(ctx).Load(ctx.Source.Node).Map(grant => (object?)(grant?.Unrestricted ?? false)));
    }
}

/// <summary>The fields users, groups and roles share as principals, once for the interface and each object type.</summary>
public static class PrincipalFields
{
    public static void AddTo<TPrincipal>(
        ObjectGraphType<TPrincipal> type,
        Relation<TPrincipal, Policy, PrincipalPolicyItem> policies,
        PrincipalEffectiveActions<TPrincipal> effectiveActions)
        where TPrincipal : IPrincipal
    {
        type.Interface<PrincipalInterfaceType>();
        type.Field<StringGraphType>("accountId").Description("The account it belongs to; null for a role of the docs.").Resolve(ctx => ctx.Source.AccountId);
        type.Field<NonNullGraphType<PrincipalKindGraphType>>("principalKind").Resolve(ctx => ctx.Source.Kind);
        type.Field<DateTimeOffsetGraphType>("createdAt").Resolve(ctx => ctx.Source.CreatedAt);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TagGraphType>>>>("tags").Resolve(ctx => TagsOf(ctx.Source.Tags));
        type.Field<NonNullGraphType<BooleanGraphType>>("incomplete")
            .Description("Some policy it holds (or its boundary, or a group's) is in no imported source: its answers may lack actions.")
            .Resolve(ctx => ctx.Source.Incomplete);
        type.Field<PolicyType>("permissionsBoundary")
            .Description("The managed policy that bounds its permissions, if any.")
            .Resolve(ctx => ctx.Source.PermissionsBoundaryId is { } id ? ctx.LoadById<Policy>(id) : null);
        type.CustomConnectionField<TPrincipal, PrincipalPolicyConnectionGraphType, PolicyFilterInputType, PolicySortInputType>("policies")
            .Description("The policies it holds: attached, inline, and (a user) through its groups, each edge saying how.")
            .ResolveConnection(policies);
        type.CustomConnectionField<TPrincipal, PrincipalActionConnectionGraphType, ActionFilterInputType, ActionSortInputType>("effectiveActions")
            .Description("What it may do: the union of its policies' grants, minus their unconditional Denies, within its permissions boundary's grants. "
                + "Each edge with the policies that grant it (`via`) and whether unrestricted.")
            .Argument<BooleanGraphType>(UnrestrictedArgument, UnrestrictedDescription)
            .Resolve(ctx => PrincipalActionLoader.Of(ctx).Load(ctx, effectiveActions.For(ctx.GetArgument<bool?>(UnrestrictedArgument)), effectiveActions.Kind, ctx.Source.Id));
    }

    public const string UnrestrictedArgument = "unrestricted";

    public const string UnrestrictedDescription =
        "true: only actions some policy grants unrestricted (and the permissions boundary too, if any); false: only the others.";

    public static IReadOnlyList<Tag> TagsOf(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<Tag[]>(json, JsonSerializerOptions.Web) ?? [];
}

/// <summary><c>interface Principal</c>: a user, group or role.</summary>
public sealed class PrincipalInterfaceType : InterfaceGraphType<IPrincipal>
{
    public PrincipalInterfaceType()
    {
        Name = "Principal";
        Description = "An IAM user, group or role: what it holds and what it may do.";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<StringGraphType>>("arn");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<StringGraphType>>("path");
        Field<StringGraphType>("accountId");
        Field<NonNullGraphType<PrincipalKindGraphType>>("principalKind")
            .Description("USER, GROUP or ROLE; not `kind`, which `Policy` spells with another enum: both can be selected together on `Node`.");
        Field<DateTimeOffsetGraphType>("createdAt");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TagGraphType>>>>("tags");
        Field<NonNullGraphType<BooleanGraphType>>("incomplete");
        Field<NonNullGraphType<IntGraphType>>("effectiveActionCount");
        Field<PolicyType>("permissionsBoundary");
        ConnectionArguments(Field<NonNullGraphType<PrincipalPolicyConnectionGraphType>>("policies"), typeof(PolicyFilterInputType), typeof(PolicySortInputType));
        ConnectionArguments(Field<NonNullGraphType<PrincipalActionConnectionGraphType>>("effectiveActions"), typeof(ActionFilterInputType), typeof(ActionSortInputType))
            .Argument<BooleanGraphType>(PrincipalFields.UnrestrictedArgument, PrincipalFields.UnrestrictedDescription);
        ResolveType = value => value switch
        {
            User => new GraphQLTypeReference(UserType.GraphTypeName),
            Group => new GraphQLTypeReference(GroupType.GraphTypeName),
            Role => new GraphQLTypeReference(RoleType.GraphTypeName),
            _ => null,
        };
    }

    private static FieldBuilder<IPrincipal, object> ConnectionArguments(FieldBuilder<IPrincipal, object> field, Type filter, Type sort) => field
        .Argument<IntGraphType>("first", "Returns the first _n_ elements from the list.")
        .Argument<StringGraphType>("after", "Returns the elements in the list that come after the specified cursor.")
        .Argument<IntGraphType>("last", "Returns the last _n_ elements from the list.")
        .Argument<StringGraphType>("before", "Returns the elements in the list that come before the specified cursor.")
        .Argument(filter, "where")
        .Argument(typeof(ListGraphType<>).MakeGenericType(typeof(NonNullGraphType<>).MakeGenericType(sort)), "order");
}
