using GraphQL.Types;

using IamGraph.Api.Common;
using IamGraph.Api.Common.Paging;
using IamGraph.Api.Common.Relay;
using IamGraph.Api.Policies;
using IamGraph.Api.Roles;
using IamGraph.Api.Services;
using IamGraph.Catalog.Entities;

using Microsoft.Extensions.DependencyInjection;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Actions;

public sealed class ActionType : ObjectGraphType<Action>, INodeGraphType
{
    public static string GraphTypeName => "Action";

    public ActionType()
    {
        Name = GraphTypeName;
        Description = "An action string as policies write it: one action (`ecr:BatchGetImage`) or a pattern (`s3:Get*`, `*`).";
        Interface<NodeInterfaceType>();
        IsTypeOf = o => o is Action;

        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => NodeId.Encode(GraphTypeName, ctx.Source.Id));
        Field(a => a.Name).Description("Exactly as written; case variants are distinct actions.");
        Field(a => a.IsWildcard).Description("True when the name holds `*` or `?`.");
        Field(a => a.PolicyCount);
        Field(a => a.RoleCount);
        Field<NonNullGraphType<ServiceType>>("service")
            .Description("The service prefix before the first ':' (`all` for `*`).")
            .Resolve(ctx => ctx.Source.Service is { } service
                ? service // loaded with the action (see ActionFields.Map.Projection)
                : ctx.RequestServicesOrThrow().GetRequiredService<ServiceByIdDataLoader>().Load(ctx.Source.ServiceId));

        this.ConnectionField<Action, PolicyType, Policy, PolicyFilterInputType, PolicySortInputType>("policies")
            .Description("Policies naming this action string.")
            .Resolve(ctx => ctx.RequestServicesOrThrow().GetRequiredService<ActionPoliciesDataLoader>().Load(ctx, ctx.Source.Id));
        this.ConnectionField<Action, RoleType, Role, RoleFilterInputType, RoleSortInputType>("roles")
            .Resolve(ctx => ctx.RequestServicesOrThrow().GetRequiredService<ActionRolesDataLoader>().Load(ctx, ctx.Source.Id));
    }
}
