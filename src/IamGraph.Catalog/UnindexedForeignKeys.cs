using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IamGraph.Catalog;

/// <summary>
/// EF Core indexes every foreign key. A key property marked <see cref="IsUnindexed"/> gets no such index: no query looks rows
/// up by it, and imports write catalogues whole, never deleting a parent row, so the index would only cost import time and
/// file size (statement_actions by action: 761,000 keys, 0.5 s of each full import).
/// </summary>
public static class UnindexedForeignKeys
{
    private const string Annotation = "IamGraph:Unindexed";

    /// <summary>Marks a foreign key property as one that needs no index of its own; mark it before configuring the relationship.</summary>
    public static PropertyBuilder<T> IsUnindexed<T>(this PropertyBuilder<T> property) => property.HasAnnotation(Annotation, true);

    public static void Apply(ModelConfigurationBuilder configuration) =>
        configuration.Conventions.Replace<ForeignKeyIndexConvention>(services => new Convention(services.GetRequiredService<ProviderConventionSetBuilderDependencies>()));

    private sealed class Convention(ProviderConventionSetBuilderDependencies dependencies) : ForeignKeyIndexConvention(dependencies)
    {
        protected override IConventionIndex? CreateIndex(IReadOnlyList<IConventionProperty> properties, bool unique, IConventionEntityTypeBuilder entityTypeBuilder) =>
            properties.Any(IsMarked) ? null : base.CreateIndex(properties, unique, entityTypeBuilder);

        private static bool IsMarked(IConventionProperty property) => property.FindAnnotation(Annotation) is not null;
    }
}
