using IamGraph.Catalog;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace IamGraph.Tests;

/// <summary>
/// The catalogue's model is built with fewer EF Core conventions than the default (<see cref="ExplicitModelConventions"/>),
/// for a faster cold start. These tests hold that to building the very model the full convention set builds, on both engines,
/// and the migrations to describing it. Building a model needs no database, so neither engine is skipped.
/// </summary>
public sealed class CatalogModelConventionsTests
{
    [Theory]
    [MemberData(nameof(ModelOnlyOptions.Providers), MemberType = typeof(ModelOnlyOptions))]
    public void Removing_the_unneeded_conventions_leaves_the_model_as_the_full_set_builds_it(CatalogProvider provider)
    {
        using var trimmed = new CatalogDbContext(ModelOnlyOptions.For(provider));
        using var full = new FullConventionsCatalogDbContext(ModelOnlyOptions.For(provider));

        var trimmedModel = trimmed.GetService<IDesignTimeModel>().Model;
        var fullModel = full.GetService<IDesignTimeModel>().Model;
        Assert.Equal(WithoutBookkeeping(fullModel.ToDebugString(MetadataDebugStringOptions.LongDefault)), trimmedModel.ToDebugString(MetadataDebugStringOptions.LongDefault));
        Assert.Equal(
            fullModel.GetRelationalModel().ToDebugString(MetadataDebugStringOptions.LongDefault),
            trimmedModel.GetRelationalModel().ToDebugString(MetadataDebugStringOptions.LongDefault));
        // The model a served context reads, too (runtime annotations included).
        Assert.Equal(full.Model.ToDebugString(MetadataDebugStringOptions.LongDefault), trimmed.Model.ToDebugString(MetadataDebugStringOptions.LongDefault));
    }

    [Theory]
    [MemberData(nameof(ModelOnlyOptions.Providers), MemberType = typeof(ModelOnlyOptions))]
    public void The_migrations_describe_the_model(CatalogProvider provider)
    {
        using var db = new CatalogDbContext(ModelOnlyOptions.For(provider));
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations' snapshot differs from the model: add a migration.");
    }

    /// <summary>
    /// The design-time model keeps the notes a convention makes for itself (e.g. <c>RelationshipDiscoveryConvention:NavigationCandidates</c>);
    /// a removed convention makes none. They are not mapping: the runtime model and the migrations never see them.
    /// </summary>
    private static string WithoutBookkeeping(string debugString) =>
        string.Join('\n', debugString.Split('\n').Where(line =>
            !ExplicitModelConventions.Removed.Any(c => line.TrimStart().StartsWith(c.Name + ":", StringComparison.Ordinal))));

    /// <summary>The catalogue's context with EF Core's full convention set: everything CatalogDbContext configures but the removals.</summary>
    private sealed class FullConventionsCatalogDbContext(DbContextOptions<CatalogDbContext> options) : CatalogDbContext(options)
    {
        protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => UnindexedForeignKeys.Apply(configurationBuilder);
    }
}
