namespace IamGraph.Api.Common.Paging;

/// <summary>
/// One page of a connection: a slice of rows whose first has index <see cref="FirstIndex"/> in the whole ordered list.
/// Edges and cursors are made only when selected: most clients read <c>nodes</c>, and a large nested page is a thousand
/// rows per parent. <see cref="TotalCount"/> runs only when the client selects <c>totalCount</c>.
/// </summary>
public sealed class Page<T>
{
    private readonly IReadOnlyList<T> _rows;
    private readonly int _offset;

    internal Page(IReadOnlyList<T> rows, int offset, int length, int firstIndex, bool hasPreviousPage, bool hasNextPage, Func<CancellationToken, Task<int>> totalCount)
    {
        _rows = rows;
        _offset = offset;
        Count = length;
        FirstIndex = firstIndex;
        HasPreviousPage = hasPreviousPage;
        HasNextPage = hasNextPage;
        TotalCount = totalCount;
    }

    /// <summary>How many rows the page holds.</summary>
    public int Count { get; }

    /// <summary>The index of the page's first row in the whole ordered list (what its cursor encodes).</summary>
    public int FirstIndex { get; }

    public bool HasPreviousPage { get; }

    public bool HasNextPage { get; }

    public Func<CancellationToken, Task<int>> TotalCount { get; }

    public T this[int i] => _rows[_offset + i];

    public IEnumerable<T> Nodes
    {
        get
        {
            for (int i = 0; i < Count; i++)
            {
                yield return _rows[_offset + i];
            }
        }
    }

    /// <summary>
    /// The page's nodes as the <c>nodes</c> field hands them to GraphQL.NET: an array, which it sizes its item list from
    /// (an enumeration would grow it by doubling, per page).
    /// </summary>
    public object?[] NodeList(Func<T, object?> nodeOf)
    {
        var nodes = new object?[Count];
        for (int i = 0; i < nodes.Length; i++)
        {
            nodes[i] = nodeOf(this[i]);
        }
        return nodes;
    }

    public IReadOnlyList<PageEdge<T>> Edges
    {
        get
        {
            var edges = new PageEdge<T>[Count];
            for (int i = 0; i < edges.Length; i++)
            {
                edges[i] = new PageEdge<T>(FirstIndex + i, this[i]);
            }
            return edges;
        }
    }

    public PageInfo PageInfo => new(
        HasNextPage, HasPreviousPage, Count > 0 ? PageCursor.Encode(FirstIndex) : null, Count > 0 ? PageCursor.Encode(FirstIndex + Count - 1) : null);

    /// <summary>The same page over other rows (one per row, in order): an edge that carries more than its node.</summary>
    public Page<TResult> Map<TResult>(Func<T, TResult> map)
    {
        var rows = new TResult[Count];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = map(this[i]);
        }
        return new Page<TResult>(rows, 0, rows.Length, FirstIndex, HasPreviousPage, HasNextPage, TotalCount);
    }
}

public static class Page
{
    /// <summary>Slices a fully loaded, ordered list (nested connections: all rows of one parent are in memory).</summary>
    public static Page<T> FromList<T>(IReadOnlyList<T> ordered, ConnectionArguments args, int defaultPageSize)
    {
        var window = PageWindow.Compute(args, defaultPageSize, ordered.Count)!.Value;
        var count = ordered.Count;
        return new Page<T>(ordered, window.Start, window.Length, window.Start, window.Start > 0, window.End < count, _ => Task.FromResult(count));
    }

    /// <summary>Wraps rows fetched for <paramref name="window"/> plus at most one look-ahead row.</summary>
    public static Page<T> FromWindow<T>(IReadOnlyList<T> rows, PageWindow window, Func<CancellationToken, Task<int>> totalCount) =>
        new(rows, 0, Math.Min(rows.Count, window.Length), window.Start, window.Start > 0, rows.Count > window.Length, totalCount);
}

/// <summary>An edge; its cursor is encoded only when asked for (most clients select <c>nodes</c> only).</summary>
public sealed record PageEdge<T>(int Index, T Node)
{
    public string Cursor => PageCursor.Encode(Index);
}

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
