namespace IamGraph.Api.Common.Paging;

/// <summary>One page of a connection. <see cref="TotalCount"/> runs only when the client selects <c>totalCount</c>.</summary>
public sealed record Page<T>(IReadOnlyList<PageEdge<T>> Edges, PageInfo PageInfo, Func<CancellationToken, Task<int>> TotalCount)
{
    public IEnumerable<T> Nodes => Edges.Select(e => e.Node);
}

public static class Page
{
    /// <summary>Slices a fully loaded, ordered list (nested connections: all rows of one parent are in memory).</summary>
    public static Page<T> FromList<T>(IReadOnlyList<T> ordered, ConnectionArguments args, int defaultPageSize)
    {
        var window = PageWindow.Compute(args, defaultPageSize, ordered.Count)!.Value;
        var edges = new PageEdge<T>[window.Length];
        for (var i = 0; i < edges.Length; i++)
        {
            edges[i] = new PageEdge<T>(window.Start + i, ordered[window.Start + i]);
        }
        var count = ordered.Count;
        return new Page<T>(edges, PageInfo.For(edges, window.Start > 0, window.End < count), _ => Task.FromResult(count));
    }

    /// <summary>Wraps rows fetched for <paramref name="window"/> plus at most one look-ahead row.</summary>
    public static Page<T> FromWindow<T>(IReadOnlyList<T> rows, PageWindow window, Func<CancellationToken, Task<int>> totalCount)
    {
        var length = Math.Min(rows.Count, window.Length);
        var edges = new PageEdge<T>[length];
        for (var i = 0; i < length; i++)
        {
            edges[i] = new PageEdge<T>(window.Start + i, rows[i]);
        }
        return new Page<T>(edges, PageInfo.For(edges, window.Start > 0, rows.Count > window.Length), totalCount);
    }
}

/// <summary>An edge; its cursor is encoded only when asked for (most clients select <c>nodes</c> only).</summary>
public sealed record PageEdge<T>(int Index, T Node)
{
    public string Cursor => PageCursor.Encode(Index);
}

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor)
{
    public static PageInfo For<T>(IReadOnlyList<PageEdge<T>> edges, bool hasPrevious, bool hasNext) =>
        new(hasNext, hasPrevious, edges.Count > 0 ? edges[0].Cursor : null, edges.Count > 0 ? edges[^1].Cursor : null);
}
