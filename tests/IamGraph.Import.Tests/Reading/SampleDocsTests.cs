using IamGraph.Import.Model;
using IamGraph.Import.Reading;
using IamGraph.Testing;

namespace IamGraph.Import.Tests.Reading;

/// <summary>The bundled <c>import/sample</c> dataset reads cleanly, with the counts its README states.</summary>
public sealed class SampleDocsTests
{
    private static string SampleFolder() => Repository.Path("import", "sample");

    [Fact]
    public void Sample_reads_with_the_counts_its_readme_states()
    {
        var catalog = DocsReader.Read(SampleFolder());

        Assert.Equal(DocsLayout.Published, catalog.Layout);
        Assert.Equal("docs", Path.GetFileName(catalog.Root));
        Assert.Equal(6, catalog.Policies.Count);
        Assert.Equal(75, catalog.Policies.Sum(p => p.Actions.Count));
        Assert.Equal(61, catalog.Policies.SelectMany(p => p.Actions).Select(a => a.Value).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(61, catalog.ActionPages.Count);
        Assert.Equal(14, catalog.ServicePages.Count);
        Assert.Empty(catalog.Roles);
        Assert.Equal(
            [(EntityKind.Policy, 6), (EntityKind.Action, 61), (EntityKind.Service, 14)],
            catalog.Index.GroupBy(e => e.Kind).Select(g => (g.Key, g.Count())));
        Assert.Empty(catalog.Notes);
    }

    [Fact]
    public void Sample_keeps_the_facts_it_was_chosen_for()
    {
        var policies = DocsReader.Read(SampleFolder()).Policies.ToDictionary(p => p.Name);

        Assert.Equal("*", Assert.Single(policies["AWSDenyAll"].Actions).Value);
        var rds = policies["AmazonRDSCustomInstanceProfileRolePolicy"].Actions;
        Assert.Contains(rds, a => a.Value == "s3:getObject");
        Assert.Equal(3, rds.Count(a => a.Value == "ec2:CreateSnapshots"));
        Assert.Contains(policies["AmazonS3ReadOnlyAccess"].Actions, a => a.Value == "s3:Get*");
        Assert.Equal("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy", policies["AmazonECSTaskExecutionRolePolicy"].Arn);
    }
}
