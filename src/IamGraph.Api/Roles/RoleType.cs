using GraphQL.Types;

using IamGraph.Api.Actions;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Paging;
using IamGraph.Api.Common.Relay;
using IamGraph.Api.Policies;
using IamGraph.Api.Services;
using IamGraph.Catalog.Entities;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Roles;

public sealed class RoleType : NodeGraphType<Role>, INodeGraphType
{
    public static string GraphTypeName => "Role";

    public RoleType()
        : base(GraphTypeName, "An IAM role: of the docs (public catalogue), or of an imported account.", r => r.Id)
    {
        Field(r => r.Name);
        Field(r => r.Arn);
        Field(r => r.Path);
        Field(r => r.PolicyCount);
        Field(r => r.ActionCount);
        Field(r => r.ServiceCount);
        Field(r => r.EffectiveActionCount).Description("How many canonical concrete actions the attached policies grant together.");

        Principals.PrincipalFields.AddTo(this, Principals.PrincipalRelations.RolePolicies, Principals.PrincipalRelations.RoleEffectiveActions);
        Field(r => r.TrustPolicy, nullable: true).Description("Its trust policy (`AssumeRolePolicyDocument`) as JSON; null for a role of the docs.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Principals.RoleTrustGraphType>>>>("trustedBy")
            .Description("Who its trust policy lets assume it, each with its type.")
            .ResolveList(Principals.PrincipalRelations.TrustedBy);
        this.ConnectionField<Role, ActionType, Action, ActionFilterInputType, ActionSortInputType>("actions")
            .Description("Union of the attached policies' action strings.")
            .ResolveConnection(RoleRelations.Actions);
        this.ConnectionField<Role, ServiceType, Service, ServiceFilterInputType, ServiceSortInputType>("services")
            .ResolveConnection(RoleRelations.Services);
    }
}
