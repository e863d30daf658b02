namespace IamGraph.Api.Tests;

[Collection(CatalogCollection.Name)]
public sealed class SmokeTests(ApiFixture api)
{
    [Fact]
    public async Task Services_are_listed_in_ordinal_name_order()
    {
        var data = await api.DataAsync("{ services(first: 10) { nodes { name } } }");
        Assert.Equal(["S3", "all", "ec2", "ecr", "iam", "s3"], data.At("services").Names());
    }
}