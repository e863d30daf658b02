using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace IamGraph.Catalog;

/// <summary>
/// EF Core conventions whose work the catalogue's model never needs, removed so the model builds faster: it is most of a
/// cold server's wait for its first answer. The entities carry no mapping attributes ([Key], [Table], [MaxLength]...), and
/// <see cref="CatalogDbContext"/> configures every relationship by hand, so neither attribute scans nor relationship,
/// service-property, complex-property and base-type discovery change anything. A test builds the model with EF Core's full
/// convention set too and requires the two to be identical: an entity given an attribute, or a navigation left to be
/// discovered, fails it instead of silently mapping differently.
/// </summary>
public static class ExplicitModelConventions
{
    public static readonly IReadOnlyList<Type> Removed =
    [
        // Attributes, none of which the entities carry.
        typeof(NotMappedTypeAttributeConvention),
        typeof(OwnedAttributeConvention),
        typeof(ComplexTypeAttributeConvention),
        typeof(KeylessAttributeConvention),
        typeof(EntityTypeConfigurationAttributeConvention),
        typeof(NotMappedMemberAttributeConvention),
        typeof(IndexAttributeConvention),
        typeof(KeyAttributeConvention),
        typeof(InversePropertyAttributeConvention),
        typeof(ForeignKeyAttributeConvention),
        typeof(BackingFieldAttributeConvention),
        typeof(NavigationBackingFieldAttributeConvention),
        typeof(ConcurrencyCheckAttributeConvention),
        typeof(DatabaseGeneratedAttributeConvention),
        typeof(RequiredPropertyAttributeConvention),
        typeof(RequiredNavigationAttributeConvention),
        typeof(MaxLengthAttributeConvention),
        typeof(StringLengthAttributeConvention),
        typeof(TimestampAttributeConvention),
        typeof(UnicodeAttributeConvention),
        typeof(PrecisionAttributeConvention),
        typeof(DeleteBehaviorAttributeConvention),
        typeof(RelationalColumnAttributeConvention),
        typeof(RelationalColumnCommentAttributeConvention),
        typeof(RelationalTableAttributeConvention),
        typeof(RelationalTableCommentAttributeConvention),
        typeof(RelationalDbFunctionAttributeConvention),
        typeof(RelationalNavigationJsonPropertyNameAttributeConvention),
        typeof(RelationalPropertyJsonPropertyNameAttributeConvention),
        // Discovery of what OnModelCreating states: relationships, injected services, complex properties, base types.
        typeof(RelationshipDiscoveryConvention),
        typeof(ServicePropertyDiscoveryConvention),
        typeof(ComplexPropertyDiscoveryConvention),
        typeof(BaseTypeDiscoveryConvention),
        // The join entity a many-to-many gets by default: every one names its own (UsingEntity), so the default was built only to be replaced.
        typeof(ManyToManyJoinEntityTypeConvention),
    ];

    public static void Apply(ModelConfigurationBuilder configuration)
    {
        foreach (var convention in Removed)
        {
            configuration.Conventions.Remove(convention);
        }
    }
}
