using GraphQL.Types;

namespace IamGraph.Api.Common;

/// <summary>
/// A [Flags] column served as a list of enum values: one GraphQL value per set flag, never the empty <c>None</c>.
/// The field that serves it must be named after the entity's property, so the selection's projection reads the column.
/// </summary>
public abstract class FlagsGraphType<TFlags> : EnumerationGraphType
    where TFlags : struct, Enum
{
    protected FlagsGraphType(string name, string description, params (TFlags Flag, string Description)[] values)
    {
        Name = name;
        Description = description;
        foreach (var (flag, valueDescription) in values)
        {
            Add(GraphQL.StringExtensions.ToConstantCase(flag.ToString()), flag, valueDescription);
        }
    }
}

public static class FlagValues
{
    /// <summary>The flags set in <paramref name="value"/>, in declaration order.</summary>
    public static IEnumerable<TFlags> Of<TFlags>(TFlags value)
        where TFlags : struct, Enum =>
        Enum.GetValues<TFlags>().Where(f => Convert.ToInt64(f, System.Globalization.CultureInfo.InvariantCulture) != 0 && value.HasFlag(f));
}
