using IamGraph.Import.Model;
using IamGraph.Import.Reading;

using IamGraph.Testing;

namespace IamGraph.Import.Tests.Reading;

/// <summary>The whole published dataset, checked against counts taken from the files themselves (see shared/data/README.md).</summary>
public sealed class SharedDocsReadingTests
{
    private static readonly Lazy<DocsCatalog> Catalog = new(() => DocsReader.Read(SharedDocs.Require()));

    [DocsFact]
    public void Reads_every_page_of_the_published_docs()
    {
        var catalog = Catalog.Value;

        Assert.Equal(DocsLayout.Published, catalog.Layout);
        Assert.Equal(1335, catalog.Policies.Count);
        Assert.Empty(catalog.Roles);
        Assert.Equal(10270, catalog.ActionPages.Count);
        Assert.Equal(387, catalog.ServicePages.Count);
    }

    [DocsFact]
    public void Keeps_every_action_row_with_names_exactly_as_written()
    {
        var policies = Catalog.Value.Policies;

        Assert.Equal(41482, policies.Sum(p => p.Actions.Count));
        Assert.Equal(12936, policies.SelectMany(p => p.Actions).Select(a => a.Value).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(10270, policies.SelectMany(p => p.Actions).Select(a => a.Value).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(24, policies.Count(p => p.Actions.Any(a => a.Value == "ecr:BatchGetImage")));
    }

    [DocsFact]
    public void Index_pages_list_every_entity()
    {
        var index = Catalog.Value.Index;

        Assert.Equal(1335, index.Count(e => e.Kind == EntityKind.Policy));
        Assert.Equal(12936, index.Count(e => e.Kind == EntityKind.Action));
        Assert.Equal(397, index.Count(e => e.Kind == EntityKind.Service));
        var acm = Assert.Single(index, e => e.Kind == EntityKind.Service && e.Name == "acm");
        Assert.Equal(41, acm.Policies);
    }

    [DocsFact]
    public void Spot_checks_match_the_files()
    {
        var catalog = Catalog.Value;

        var denyAll = Assert.Single(catalog.Policies, p => p.Name == "AWSDenyAll");
        Assert.Equal("arn:aws:iam::aws:policy/AWSDenyAll", denyAll.Arn);
        Assert.Equal("*", Assert.Single(denyAll.Actions).Value);

        var rdsCustom = Assert.Single(catalog.Policies, p => p.Name == "AmazonRDSCustomInstanceProfileRolePolicy");
        Assert.Contains(rdsCustom.Actions, a => a.Value == "s3:getObject");

        var ecrReadOnly = Assert.Single(catalog.Policies, p => p.Name == "AmazonEC2ContainerRegistryReadOnly");
        var batchGet = Assert.Single(ecrReadOnly.Actions, a => a.Value == "ecr:BatchGetImage");
        Assert.Equal(new SourceRef("policies/amazonec2containerregistryreadonly.md", 22), batchGet.Source);
        Assert.Equal(["ecr"], ecrReadOnly.Services.Select(s => s.Value));

        var ecrPage = Assert.Single(catalog.ActionPages, a => a.Name == "ecr:BatchGetImage");
        Assert.Equal(24, ecrPage.PolicyArns.Count);
        Assert.Contains(ecrPage.PolicyArns, a => a.Value == "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly");
    }
}
