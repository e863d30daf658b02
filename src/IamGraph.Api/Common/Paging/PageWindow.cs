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
        var start = args.After is int after ? after + 1 : 0;
        int? bound = args.Before ?? totalCount;
        if (totalCount is int total && bound > total)
        {
            bound = total;
        }
        var first = args.First ?? (args.Last is null ? defaultPageSize : null);

        int end;
        if (first is int f)
        {
            end = bound is int b ? Math.Min(b, start + f) : start + f;
        }
        else if (bound is int b)
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
        return new PageWindow(start, Math.Max(start, end));
    }
}
