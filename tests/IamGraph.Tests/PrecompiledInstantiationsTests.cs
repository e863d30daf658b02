using IamGraph.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IamGraph.Tests;

/// <summary>
/// <see cref="PrecompiledInstantiations"/> names EF Core's converter of every enum the model maps, so the composite image
/// compiles them ahead of time: a new enum property, or one stored otherwise than as an int, must be reflected there.
/// </summary>
public sealed class PrecompiledInstantiationsTests
{
    [Theory]
    [MemberData(nameof(ModelOnlyOptions.Providers), MemberType = typeof(ModelOnlyOptions))]
    public void Every_enum_the_model_maps_is_listed_with_the_converter_ef_core_uses_for_it(CatalogProvider provider)
    {
        using var db = new CatalogDbContext(ModelOnlyOptions.For(provider));

        var enumProperties = db.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType).IsEnum)
            .ToList();
        Assert.NotEmpty(enumProperties);
        foreach (var property in enumProperties)
        {
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            Assert.Equal(typeof(EnumToNumberConverter<,>).MakeGenericType(type, typeof(int)), property.GetTypeMapping().Converter?.GetType());
        }

        Assert.Equal(
            enumProperties.Select(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType).FullName!).Distinct().Order(StringComparer.Ordinal),
            PrecompiledInstantiations.EnumTypes.Select(type => type.FullName!).Order(StringComparer.Ordinal));
    }
}
