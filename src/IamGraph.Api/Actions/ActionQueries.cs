using GraphQL.Types;

using IamGraph.Api.Common;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Paging;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Actions;

public static class ActionQueries
{
    public static void AddActionQueries(this ObjectGraphType query)
    {
        query.ConnectionField<object?, ActionType, Action, ActionFilterInputType, ActionSortInputType>("actions")
            .Description("All action strings, by name unless ordered otherwise.")
            .ResolveAsync(async ctx => await RootConnectionResolver.ResolveAsync(ctx, ActionFilterAndSort.Map));

        query.AddCanonicalNameLookup<ActionType, Action>(
            "action",
            "One action string by its exact (case-sensitive) name; with `ignoreCase: true`, the canonical variant of the names equal ignoring case (IAM's reading).",
            "Compare as IAM does, ignoring case, and return the canonical variant.",
            db => db.Actions);
    }
}
