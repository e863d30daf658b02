using GraphQL;
using GraphQL.Types;

using IamGraph.Api.Actions;
using IamGraph.Api.Common;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Relay;
using IamGraph.Api.Policies;
using IamGraph.Api.Roles;
using IamGraph.Api.Services;
using IamGraph.Catalog.Entities;

using Microsoft.Extensions.DependencyInjection;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api;

/// <summary>Relay global object identification: <c>node(id:)</c> and <c>nodes(ids:)</c>.</summary>
public static class NodeQueries
{
    private delegate Task<IEnumerable<KeyValuePair<int, object>>> Fetch(IServiceProvider services, int[] ids, CancellationToken cancellationToken);

    /// <summary>The entity behind each type that implements <c>Node</c>, fetched whole by id.</summary>
    private static readonly Dictionary<string, Fetch> Entities = new(StringComparer.Ordinal)
    {
        [PolicyType.GraphTypeName] = FetchAsync<Policy>,
        [ActionType.GraphTypeName] = FetchAsync<Action>,
        [ServiceType.GraphTypeName] = FetchAsync<Service>,
        [RoleType.GraphTypeName] = FetchAsync<Role>,
        [PolicyVersionType.GraphTypeName] = FetchAsync<PolicyVersion>,
        [Principals.UserType.GraphTypeName] = FetchAsync<User>,
        [Principals.GroupType.GraphTypeName] = FetchAsync<Group>,
    };

    public static void AddNodeQueries(this ObjectGraphType query)
    {
        query.Field<NodeInterfaceType>("node")
            .Description("Fetches an object given its ID.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => (await LoadAsync(ctx, [ctx.GetArgument<string>("id")]))[0]);

        query.Field<NonNullGraphType<ListGraphType<NodeInterfaceType>>>("nodes")
            .Description("Lookup nodes by a list of IDs (one statement per type involved).")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids")
            .ResolveAsync(async ctx => await LoadAsync(ctx, ctx.GetArgument<List<string>>("ids")));
    }

    private static async Task<object?[]> LoadAsync(IResolveFieldContext context, IReadOnlyList<string> ids)
    {
        var services = context.RequestServicesOrThrow();
        var max = services.GetRequiredService<ApiOptions>().MaxPageSize;
        if (ids.Count > max)
        {
            throw new ExecutionError($"'nodes' accepts at most {max} ids.") { Code = ErrorCodes.PageSizeExceeded };
        }
        var decoded = ids.Select(id => NodeId.TryDecode(id, out var type, out var key)
            ? (Type: type, Key: key)
            : throw new ExecutionError($"'{id}' is not a valid node id.") { Code = ErrorCodes.InvalidNodeId }).ToArray();

        var found = new Dictionary<(string, int), object>();
        foreach (var group in decoded.GroupBy(d => d.Type, StringComparer.Ordinal))
        {
            if (!Entities.TryGetValue(group.Key, out var fetch))
            {
                continue;
            }
            foreach (var (key, value) in await fetch(services, [.. group.Select(g => g.Key).Distinct()], context.CancellationToken))
            {
                found[(group.Key, key)] = value;
            }
        }
        return decoded.Select(d => found.GetValueOrDefault((d.Type, d.Key))).ToArray();
    }

    private static async Task<IEnumerable<KeyValuePair<int, object>>> FetchAsync<T>(IServiceProvider services, int[] ids, CancellationToken cancellationToken)
        where T : class =>
        (await services.GetRequiredService<ByIdDataLoader<T>>().FetchAsync(ids, cancellationToken)).Select(r => new KeyValuePair<int, object>(r.Key, r.Value));
}
