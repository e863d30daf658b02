using IamGraph.Testing;

namespace IamGraph.Api.Tests;

[Collection(SqliteCatalogCollection.Name)]
public sealed class SchemaDriftTests(SqliteCatalogFixture api)
{
    private const string Regenerate = "IAMGRAPH_UPDATE_SCHEMA";

    [Fact]
    public void Committed_sdl_matches_the_schema()
    {
        var file = Repository.Path("src", "IamGraph.Api", "schema.graphql");
        var printed = api.Schema.PrintSdl();
        if (Environment.GetEnvironmentVariable(Regenerate) == "1")
        {
            File.WriteAllText(file, printed);
        }
        var committed = File.Exists(file) ? File.ReadAllText(file).ReplaceLineEndings("\n") : "";
        Assert.True(committed == printed,
            $"src/IamGraph.Api/schema.graphql is out of date with the schema. Regenerate it with: {Regenerate}=1 dotnet test tests/IamGraph.Api.Tests --filter Committed_sdl_matches_the_schema, then review and commit the diff.");
    }
}
