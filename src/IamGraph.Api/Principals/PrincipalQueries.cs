using GraphQL;
using GraphQL.Types;

using IamGraph.Api.Analytics;
using IamGraph.Api.Common;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Paging;
using IamGraph.Catalog.Entities;

namespace IamGraph.Api.Principals;

public static class PrincipalQueries
{
    public static void AddPrincipalQueries(this ObjectGraphType query)
    {
        query.ConnectionField<object?, UserType, User, UserFilterInputType, UserSortInputType>("users")
            .Description("All users of the imported accounts, by name unless ordered otherwise.")
            .ResolveAsync(async ctx => await RootConnectionResolver.ResolveAsync(ctx, PrincipalFilterAndSort.Users));
        query.AddArnOrNameLookup<UserType, User>("user", "user", db => db.Users);

        query.ConnectionField<object?, GroupType, Group, GroupFilterInputType, GroupSortInputType>("groups")
            .Description("All groups of the imported accounts, by name unless ordered otherwise.")
            .ResolveAsync(async ctx => await RootConnectionResolver.ResolveAsync(ctx, PrincipalFilterAndSort.Groups));
        query.AddArnOrNameLookup<GroupType, Group>("group", "group", db => db.Groups);

        PrincipalListLoader.Arguments(query.Field<NonNullGraphType<PrincipalConnectionGraphType>>("principals"))
            .Description("Users, groups and roles (the docs' roles included), by name then ARN unless ordered otherwise.")
            .Resolve(ctx => PrincipalListLoader.Of(ctx).Load(ctx, 0, All));

        PrincipalListLoader.Arguments(query.Field<NonNullGraphType<PrincipalConnectionGraphType>>("principalsGranting"))
            .Description("Principals whose effective actions include all (or any) of the given actions, by name then ARN: who can do these. "
                + "Inputs ignore case; a pattern stands for every catalogue action it matches. `unrestricted: true` keeps principals some policy "
                + "grants them to unrestricted (and whose boundary does too).")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("actions")
            .Argument<GrantMatchGraphType>("match", a => a.DefaultValue = GrantMatch.All)
            .Argument<BooleanGraphType>("unrestricted", a => a.DefaultValue = false)
            .ResolveAsync(async ctx =>
            {
                var inputs = ctx.GetArgument<List<string>>("actions");
                if (inputs.Count == 0)
                {
                    throw CatalogLookups.InvalidArgument("'actions' must name at least one action.");
                }
                var all = ctx.GetArgument<GrantMatch>("match") == GrantMatch.All;
                var unrestricted = ctx.GetArgument<bool>("unrestricted");
                IReadOnlyList<RequestedAction> requested;
                await using (var db = await ctx.CreateDbContextAsync())
                {
                    requested = await CatalogLookups.ResolveActionsAsync(db, inputs, ctx.CancellationToken);
                }
                var ids = requested.SelectMany(r => r.ActionIds).Distinct().ToArray();
                var none = ids.Length == 0 || (all && requested.Any(r => r.ActionIds.Count == 0));
                var count = ids.Length;
                return PrincipalListLoader.Of(ctx).Load(ctx, 0, (db, kind) =>
                {
                    if (none)
                    {
                        return db.PrincipalPolicies.Where(p => p.Id < 0).Select(p => new Link { ParentId = 0, NodeId = p.PrincipalId });
                    }
                    var links = PrincipalEffective.Links(db, kind, unrestricted).Where(l => ids.Contains(l.NodeId));
                    // One action (or any of them): whoever has a link; all of several: whoever has a link to each.
                    var granting = all && count > 1
                        ? links.Select(l => new { l.ParentId, l.NodeId }).Distinct().GroupBy(p => p.ParentId).Where(g => g.Count() == count).Select(g => g.Key)
                        : links.Select(l => l.ParentId);
                    return granting.Select(id => new Link { ParentId = 0, NodeId = id });
                });
            });
    }

    /// <summary>Every principal of the kind, under parent 0.</summary>
    private static IQueryable<Link> All(Catalog.CatalogDbContext db, PrincipalKind kind) => kind switch
    {
        PrincipalKind.User => db.Users.Select(u => new Link { ParentId = 0, NodeId = u.Id }),
        PrincipalKind.Group => db.Groups.Select(g => new Link { ParentId = 0, NodeId = g.Id }),
        _ => db.Roles.Select(r => new Link { ParentId = 0, NodeId = r.Id }),
    };

    /// <summary>A policy's holders: every principal holding it, any way (a user through a group included).</summary>
    public static IQueryable<Link> HoldersOf(Catalog.CatalogDbContext db, PrincipalKind kind) =>
        PrincipalEffective.Held(db, kind).Select(h => new Link { ParentId = h.PolicyId, NodeId = h.PrincipalId });

    /// <summary>An action's principals: every principal whose effective actions include it.</summary>
    public static IQueryable<Link> PrincipalsOf(Catalog.CatalogDbContext db, PrincipalKind kind) =>
        PrincipalEffective.Links(db, kind).Select(l => new Link { ParentId = l.NodeId, NodeId = l.ParentId });
}
