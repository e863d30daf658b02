namespace IamGraph.Api.Common.Paging;

/// <summary>The rows [Start, End) of the ordered result that one page shows.</summary>
public readonly record struct PageWindow(int Start, int End)
{
    public int Length => End - Start;

    /// <summary>
    /// Applies after/before, then first, then last (Relay's algorithm). Returns null when the total count is needed
    /// but not known yet: <c>last</c> without <c>before</c> counts back from the end.
    /// </summary>
    public static PageWindow? Compute(ConnectionArguments args, int defaultPageSize, int? totalCount)
    {
        // In long: "after the last possible index" plus a page size is past int.MaxValue.
        long start = args.After is int after ? after + 1L : 0;
        long? bound = args.Before ?? totalCount;
        if (totalCount is int total && bound > total)
        {
            bound = total;
        }
        var first = args.First ?? (args.Last is null ? defaultPageSize : null);

        long end;
        if (first is int f)
        {
            end = bound is long b ? Math.Min(b, start + f) : start + f;
        }
        else if (bound is long b)
        {
            end = b;
        }
        else
        {
            return null;
        }
        if (args.Last is int last)
        {
            start = Math.Max(start, end - last);
        }
        if (totalCount is int t)
        {
            start = Math.Min(start, t);
        }
        // Rows have ints for indexes: a window reaching past int.MaxValue holds nothing beyond it.
        return new PageWindow((int)Math.Min(start, int.MaxValue), (int)Math.Min(Math.Max(start, end), int.MaxValue));
    }
}
