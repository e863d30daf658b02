using GraphQL;
using GraphQL.Types;

using IamGraph.Api.Actions;
using IamGraph.Api.Common;
using IamGraph.Api.Common.Relay;
using IamGraph.Api.Policies;
using IamGraph.Api.Roles;
using IamGraph.Api.Services;

using Microsoft.Extensions.DependencyInjection;

namespace IamGraph.Api;

/// <summary>Relay global object identification: <c>node(id:)</c> and <c>nodes(ids:)</c>.</summary>
public static class NodeQueries
{
    public const string InvalidNodeId = "INVALID_NODE_ID";

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
        var max = context.RequestServicesOrThrow().GetRequiredService<ApiOptions>().MaxPageSize;
        if (ids.Count > max)
        {
            throw new ExecutionError($"'nodes' accepts at most {max} ids.") { Code = Common.ErrorCodes.PageSizeExceeded };
        }
        var decoded = ids.Select(id => NodeId.TryDecode(id, out var type, out var key)
            ? (Type: type, Key: key)
            : throw new ExecutionError($"'{id}' is not a valid node id.") { Code = InvalidNodeId }).ToArray();

        var found = new Dictionary<(string, int), object>();
        foreach (var group in decoded.GroupBy(d => d.Type, StringComparer.Ordinal))
        {
            var keys = group.Select(g => g.Key).Distinct().ToArray();
            var services = context.RequestServicesOrThrow();
            var ct = context.CancellationToken;
            IEnumerable<KeyValuePair<int, object>> rows = group.Key switch
            {
                "Policy" => Box(await services.GetRequiredService<PolicyByIdDataLoader>().FetchAsync(keys, ct)),
                "Action" => Box(await services.GetRequiredService<ActionByIdDataLoader>().FetchAsync(keys, ct)),
                "Service" => Box(await services.GetRequiredService<ServiceByIdDataLoader>().FetchAsync(keys, ct)),
                "Role" => Box(await services.GetRequiredService<RoleByIdDataLoader>().FetchAsync(keys, ct)),
                _ => [],
            };
            foreach (var (key, value) in rows)
            {
                found[(group.Key, key)] = value;
            }
        }
        return decoded.Select(d => found.GetValueOrDefault((d.Type, d.Key))).ToArray();
    }

    private static IEnumerable<KeyValuePair<int, object>> Box<T>(IReadOnlyDictionary<int, T> rows)
        where T : class =>
        rows.Select(r => new KeyValuePair<int, object>(r.Key, r.Value));
}
