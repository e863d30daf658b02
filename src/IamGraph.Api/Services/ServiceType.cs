using GraphQL.Types;

using IamGraph.Api.Actions;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Paging;
using IamGraph.Api.Common.Relay;
using IamGraph.Api.Policies;
using IamGraph.Api.Roles;
using IamGraph.Catalog.Entities;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Services;

public sealed class ServiceType : NodeGraphType<Service>, INodeGraphType
{
    public static string GraphTypeName => "Service";

    public ServiceType()
        : base(GraphTypeName, "A service prefix as written before the first ':' of an action (`s3`, `S3`, `all` for `*`).", s => s.Id)
    {
        Field(s => s.Name).Description("Exactly as written: `S3` and `s3` are two services (see `canonical`).");
        Field(s => s.ActionCount);
        Field(s => s.PolicyCount);
        Field(s => s.RoleCount);
        Field<NonNullGraphType<BooleanGraphType>>("isCanonical")
            .Description("True for the case variant most policies write (ties: ordinal smallest).")
            .Resolve(ctx => ctx.Source.CanonicalId == ctx.Source.Id);
        Field<NonNullGraphType<ServiceType>>("canonical")
            .Description("The case variant most policies write (ties: ordinal smallest); itself when it is that variant.")
            // Loaded whole even when it is the service itself: the source may hold only the columns its own selection read.
            .Resolve(ctx => ctx.LoadById<Service>(ctx.Source.CanonicalId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ServiceType>>>>("variants")
            .Description("Every service prefix equal to this one ignoring case, the canonical included, by name (ordinal).")
            .ResolveList(ServiceRelations.Variants);

        this.ConnectionField<Service, ActionType, Action, ActionFilterInputType, ActionSortInputType>("actions")
            .ResolveConnection(ServiceRelations.Actions);
        this.ConnectionField<Service, PolicyType, Policy, PolicyFilterInputType, PolicySortInputType>("policies")
            .Description("Policies naming at least one action of the service.")
            .ResolveConnection(ServiceRelations.Policies);
        this.ConnectionField<Service, RoleType, Role, RoleFilterInputType, RoleSortInputType>("roles")
            .ResolveConnection(ServiceRelations.Roles);
    }
}
