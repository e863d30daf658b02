using System.Runtime.CompilerServices;
using IamGraph.Catalog.Entities;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IamGraph.Catalog;

/// <summary>
/// EF Core's converter and comparer of each enum the model maps. EF Core makes them with <c>MakeGenericType</c> while it
/// builds the model, so the ReadyToRun compiler never sees them and a cold server JIT-compiles about fifteen methods per
/// enum on the way to its first answer. Naming the instantiations here (never called) has the composite image compile
/// them ahead of time. A test requires every enum the model maps to be listed.
/// </summary>
public static class PrecompiledInstantiations
{
    /// <summary>One entry per mapped enum; each names <see cref="Mapping{TEnum}"/> for it, which is all it takes.</summary>
    public static readonly IReadOnlyList<System.Action> Enums =
    [
        Mapping<AccessLevels>,
        Mapping<GrantLimits>,
        Mapping<PolicyAttachment>,
        Mapping<PolicyKind>,
        Mapping<PolicySources>,
        Mapping<PrincipalKind>,
        Mapping<StatementEffect>,
        Mapping<TrustedEntityType>,
    ];

    /// <summary>The enum types <see cref="Enums"/> covers.</summary>
    public static IEnumerable<Type> EnumTypes => Enums.Select(mapping => mapping.Method.GetGenericArguments()[0]);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Mapping<TEnum>()
        where TEnum : struct, Enum
    {
        _ = new EnumToNumberConverter<TEnum, int>();
        _ = new ValueComparer<TEnum>(favorStructuralComparisons: false);
    }

    /// <summary>The comparers EF Core makes the same way for the model's keys and flags.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Scalars()
    {
        _ = new ValueComparer<int>(favorStructuralComparisons: false);
        _ = new ValueComparer<long>(favorStructuralComparisons: false);
        _ = new ValueComparer<bool>(favorStructuralComparisons: false);
        _ = new ValueComparer<DateTimeOffset>(favorStructuralComparisons: false);
    }
}
