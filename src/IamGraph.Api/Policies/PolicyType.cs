using GraphQL.Types;

using IamGraph.Api.Actions;
using IamGraph.Api.Analytics;
using IamGraph.Api.Common;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Paging;
using IamGraph.Api.Common.Relay;
using IamGraph.Api.Roles;
using IamGraph.Api.Services;
using IamGraph.Catalog.Entities;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Policies;

public sealed class PolicyType : NodeGraphType<Policy>, INodeGraphType
{
    public static string GraphTypeName => "Policy";

    public PolicyType()
        : base(GraphTypeName, "A managed IAM policy.", p => p.Id)
    {
        Field(p => p.Name);
        Field(p => p.Arn);
        Field(p => p.Path).Description("The ARN's path, e.g. `/service-role/`; `/` when there is none.");
        Field(p => p.AwsManaged).Description("True for `arn:aws:iam::aws:policy/...`.");
        Field(p => p.ActionCount).Description("Number of distinct action strings the policy names.");
        Field(p => p.ServiceCount);
        Field(p => p.RoleCount);
        Field(p => p.EffectiveActionCount).Description("How many canonical concrete actions the policy grants by IAM's rules (case-insensitive, wildcards expanded).");
        Field(p => p.DefaultVersionId, nullable: true).Description("AWS's default (current) version of the document, e.g. `v5`; null for a policy known only from the docs.");
        Field(p => p.CreatedAt, nullable: true).Description("When AWS created the policy (from the managed-policies package).");
        Field(p => p.UpdatedAt, nullable: true).Description("When AWS last changed the policy (from the managed-policies package).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PolicySourceGraphType>>>>("sources")
            .Description("Where the import read the policy from: the docs, the managed-policies package, or both.")
            .Resolve(ctx => FlagValues.Of(ctx.Source.Sources));

        Field<NonNullGraphType<Principals.PolicyKindGraphType>>("kind").Description("AWS_MANAGED, CUSTOMER_MANAGED (an account's) or INLINE (one principal's).").Resolve(ctx => ctx.Source.Kind);
        Field<StringGraphType>("accountId").Description("The account a customer-managed or inline policy belongs to; null for AWS-managed policies.").Resolve(ctx => ctx.Source.AccountId);
        Principals.PrincipalListLoader.Arguments(Field<NonNullGraphType<Principals.PrincipalConnectionGraphType>>("principals"))
            .Description("The users, groups and roles holding the policy (attached, inline, or a user through a group), by name then ARN.")
            .Resolve(ctx => Principals.PrincipalListLoader.Of(ctx).Load(ctx, ctx.Source.Id, Principals.PrincipalQueries.HoldersOf, db => db.Policies.Select(p => p.Id)));

        this.ConnectionField<Policy, ActionType, Action, ActionFilterInputType, ActionSortInputType>("actions")
            .Description("The action strings the policy's statements name.")
            .ResolveConnection(PolicyRelations.Actions);
        this.ConnectionField<Policy, ServiceType, Service, ServiceFilterInputType, ServiceSortInputType>("services")
            .ResolveConnection(PolicyRelations.Services);
        this.ConnectionField<Policy, RoleType, Role, RoleFilterInputType, RoleSortInputType>("roles")
            .Description("Roles the policy is attached to.")
            .ResolveConnection(PolicyRelations.Roles);
        this.CustomConnectionField<Policy, ActionGrantConnectionGraphType, ActionFilterInputType, ActionSortInputType>("effectiveActions")
            .Description("The canonical concrete actions the policy grants by IAM's rules, each edge with how. With a document: its default version's Allow "
                + "statements (Action patterns, or all but NotAction's) minus what unconditional Deny statements on `*` remove. Known only from the docs: "
                + "its strings expanded over the catalogue, case variants folded; the docs do not tell Allow from Deny, so a Deny counts as a grant there.")
            .Argument<BooleanGraphType>(GrantRelations<Policy, Action, ActionGrant>.ArgumentName,
                "true: only unrestricted grants; false: only grants limited by resource, condition or NotResource (a docs-only policy's grants are neither).")
            .ResolveConnection(PolicyRelations.EffectiveActions.For);
        this.ConnectionField<Policy, PolicyVersionType, PolicyVersion, PolicyVersionFilterInputType, PolicyVersionSortInputType>("versions")
            .Description("The stored versions of the policy's document, newest first by version number; empty for a policy known only from the docs.")
            .ResolveConnection(PolicyRelations.Versions);
        this.AddAccessSummaryField();
        Field<PolicyVersionType>("defaultVersion")
            .Description("The default (current) version of the document, the one `actions` and `effectiveActions` follow; null for a policy known only from the docs.")
            .ResolveFirst(PolicyRelations.DefaultVersion);
    }
}
