using GraphQL;

namespace IamGraph.Api.Common.Paging;

/// <summary>The Relay slicing arguments of one connection field, cursors already decoded to offsets.</summary>
public sealed record ConnectionArguments(int? First, int? After, int? Last, int? Before)
{
    public static ConnectionArguments From(IResolveFieldContext context, ApiOptions options)
    {
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        // Also enforced by PageSizeValidationRule before execution; repeated here so a schema executed without the rule stays bounded.
        Check(first, "first", options.MaxPageSize);
        Check(last, "last", options.MaxPageSize);
        return new ConnectionArguments(
            first,
            PageCursor.Decode(context.GetArgument<string?>("after"), "after"),
            last,
            PageCursor.Decode(context.GetArgument<string?>("before"), "before"));
    }

    private static void Check(int? size, string name, int max)
    {
        if (size is < 0)
        {
            throw new ExecutionError($"'{name}' must not be negative.") { Code = ErrorCodes.InvalidPageSize };
        }
        if (size > max)
        {
            throw new ExecutionError(PageSizeMessage(name, size.Value, max)) { Code = ErrorCodes.PageSizeExceeded };
        }
    }

    public static string PageSizeMessage(string name, int size, int max) =>
        $"The page size '{name}: {size}' exceeds the maximum page size of {max}.";
}
