using GraphQL.Validation;

namespace IamGraph.Api.Common.Paging;

/// <summary>
/// Rejects <c>first</c>/<c>last</c> above <see cref="ApiOptions.MaxPageSize"/> (or negative) during validation,
/// after variables are coerced, so no resolver and no SQL runs for such a request.
/// Only connection fields take <c>first</c>/<c>last</c> in this schema.
/// </summary>
public sealed class PageSizeValidationRule(ApiOptions options) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        if (context.ArgumentValues is { } fields)
        {
            foreach (var (field, arguments) in fields)
            {
                foreach (var name in (ReadOnlySpan<string>)["first", "last"])
                {
                    if (!arguments.TryGetValue(name, out var argument) || argument.Value is not int size)
                    {
                        continue;
                    }
                    if (size > options.MaxPageSize)
                    {
                        context.ReportError(new ValidationError(context.Document.Source, ErrorCodes.PageSizeExceeded,
                            ConnectionArguments.PageSizeMessage(name, size, options.MaxPageSize), field)
                        { Code = ErrorCodes.PageSizeExceeded });
                    }
                    else if (size < 0)
                    {
                        context.ReportError(new ValidationError(context.Document.Source, ErrorCodes.InvalidPageSize,
                            $"'{name}' must not be negative.", field)
                        { Code = ErrorCodes.InvalidPageSize });
                    }
                }
            }
        }
        return default;
    }
}
