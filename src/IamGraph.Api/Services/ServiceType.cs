using GraphQL.Types;

using IamGraph.Api.Actions;
using IamGraph.Api.Common;
using IamGraph.Api.Common.Paging;
using IamGraph.Api.Common.Relay;
using IamGraph.Api.Policies;
using IamGraph.Api.Roles;
using IamGraph.Catalog.Entities;

using Microsoft.Extensions.DependencyInjection;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Services;

public sealed class ServiceType : ObjectGraphType<Service>, INodeGraphType
{
    public static string GraphTypeName => "Service";

    public ServiceType()
    {
        Name = GraphTypeName;
        Description = "A service prefix as written before the first ':' of an action (`s3`, `S3`, `all` for `*`).";
        Interface<NodeInterfaceType>();
        IsTypeOf = o => o is Service;

        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => NodeId.Encode(GraphTypeName, ctx.Source.Id));
        Field(s => s.Name).Description("Exactly as written: `S3` and `s3` are two services (see `canonical`).");
        Field(s => s.ActionCount);
        Field(s => s.PolicyCount);
        Field(s => s.RoleCount);
        Field<NonNullGraphType<BooleanGraphType>>("isCanonical")
            .Description("True for the case variant most policies write (ties: ordinal smallest).")
            .Resolve(ctx => ctx.Source.CanonicalId == ctx.Source.Id);
        Field<NonNullGraphType<ServiceType>>("canonical")
            .Description("The case variant most policies write (ties: ordinal smallest); itself when it is that variant.")
            .Resolve(ctx => ctx.Source.CanonicalId == ctx.Source.Id
                ? ctx.Source
                : ctx.RequestServicesOrThrow().GetRequiredService<ServiceByIdDataLoader>().Load(ctx.Source.CanonicalId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ServiceType>>>>("variants")
            .Description("Every service prefix equal to this one ignoring case, the canonical included, by name (ordinal).")
            .Resolve(ctx => ctx.RequestServicesOrThrow().GetRequiredService<ServiceVariantsDataLoader>().LoadAll(ctx.Source.CanonicalId));

        this.ConnectionField<Service, ActionType, Action, ActionFilterInputType, ActionSortInputType>("actions")
            .Resolve(ctx => ctx.RequestServicesOrThrow().GetRequiredService<ServiceActionsDataLoader>().Load(ctx, ctx.Source.Id));
        this.ConnectionField<Service, PolicyType, Policy, PolicyFilterInputType, PolicySortInputType>("policies")
            .Description("Policies naming at least one action of the service.")
            .Resolve(ctx => ctx.RequestServicesOrThrow().GetRequiredService<ServicePoliciesDataLoader>().Load(ctx, ctx.Source.Id));
        this.ConnectionField<Service, RoleType, Role, RoleFilterInputType, RoleSortInputType>("roles")
            .Resolve(ctx => ctx.RequestServicesOrThrow().GetRequiredService<ServiceRolesDataLoader>().Load(ctx, ctx.Source.Id));
    }
}
