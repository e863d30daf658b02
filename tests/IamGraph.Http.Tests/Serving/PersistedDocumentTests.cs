using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

using IamGraph.Http.Tests.Infrastructure;

using static IamGraph.Http.Tests.Serving.ServingTestHost;

namespace IamGraph.Http.Tests.Serving;

/// <summary>Apollo's automatic persisted queries and trusted documents (issue 11).</summary>
public sealed class PersistedDocumentTests : IDisposable
{
    private const string Titles = "{ books { title } }";
    private const string Authors = "{ books { author } }";
    private readonly string _manifestDir = Directory.CreateTempSubdirectory("iamgraph-trusted-").FullName;

    [Fact]
    public async Task Unknown_hash_gets_PERSISTED_QUERY_NOT_FOUND()
    {
        await using var host = new ServingTestHost();

        using HttpResponseMessage response = await host.Client.SendAsync(PostJson(new { extensions = PersistedQuery(Sha256(Titles)) }));

        JsonObject body = await response.ReadJsonAsync();
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", body.FirstErrorCode());
        Assert.Equal("PersistedQueryNotFound", body.FirstErrorMessage());
        Assert.False(body.ContainsKey("data"));
    }

    [Fact]
    public async Task Hash_sent_with_its_document_registers_it_for_POST_and_GET()
    {
        await using var host = new ServingTestHost();
        string hash = Sha256(Titles);

        using HttpResponseMessage registered = await host.Client.SendAsync(PostJson(new { query = Titles, extensions = PersistedQuery(hash) }));
        using HttpResponseMessage byPost = await host.Client.SendAsync(PostJson(new { extensions = PersistedQuery(hash) }));
        string extensions = Uri.EscapeDataString(JsonSerializer.Serialize(PersistedQuery(hash)));
        using HttpResponseMessage byGet = await host.Client.GetAsync($"/graphql?extensions={extensions}");

        foreach (HttpResponseMessage response in new[] { registered, byPost, byGet })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            JsonObject body = await response.ReadJsonAsync();
            Assert.False(body.ContainsKey("errors"), body.ToJsonString());
            Assert.Equal("Dune", body["data"]!["books"]![0]!["title"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Hash_that_does_not_match_the_document_is_refused_and_not_registered()
    {
        await using var host = new ServingTestHost();
        string authorsHash = Sha256(Authors);

        using HttpResponseMessage planted = await host.Client.SendAsync(PostJson(new { query = Titles, extensions = PersistedQuery(authorsHash) }));
        using HttpResponseMessage lookup = await host.Client.SendAsync(PostJson(new { extensions = PersistedQuery(authorsHash) }));

        Assert.Equal("PERSISTED_QUERY_HASH_MISMATCH", (await planted.ReadJsonAsync()).FirstErrorCode());
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await lookup.ReadJsonAsync()).FirstErrorCode());
    }

    [Fact]
    public async Task APQ_turned_off_refuses_registration()
    {
        await using var host = new ServingTestHost([("GraphQL:PersistedDocuments:AutomaticPersistedQueries", "false")]);

        using HttpResponseMessage response = await host.Client.SendAsync(PostJson(new { query = Titles, extensions = PersistedQuery(Sha256(Titles)) }));

        Assert.Equal("PERSISTED_QUERY_NOT_SUPPORTED", (await response.ReadJsonAsync()).FirstErrorCode());
    }

    [Fact]
    public async Task Relay_manifest_documents_run_by_documentId_id_GET_and_hash()
    {
        string manifest = WriteManifest("relay.json", new Dictionary<string, string> { ["titles-1"] = Titles });
        await using var host = new ServingTestHost([("GraphQL:PersistedDocuments:TrustedDocumentsFile", manifest)]);

        using HttpResponseMessage byDocumentId = await host.Client.SendAsync(PostJson(new { documentId = "titles-1" }));
        using HttpResponseMessage byRelayId = await host.Client.SendAsync(PostJson(new { id = "titles-1" }));
        using HttpResponseMessage byGet = await host.Client.GetAsync("/graphql?documentId=titles-1");
        using HttpResponseMessage byPrefixedHash = await host.Client.SendAsync(PostJson(new { documentId = "sha256:" + Sha256(Titles) }));
        using HttpResponseMessage byApqHash = await host.Client.SendAsync(PostJson(new { extensions = PersistedQuery(Sha256(Titles)) }));

        foreach (HttpResponseMessage response in new[] { byDocumentId, byRelayId, byGet, byPrefixedHash, byApqHash })
        {
            JsonObject body = await response.ReadJsonAsync();
            Assert.False(body.ContainsKey("errors"), body.ToJsonString());
            Assert.Equal("Emma", body["data"]!["books"]![1]!["title"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Apollo_manifest_documents_run_by_their_id()
    {
        string manifest = WriteManifest("apollo.json", new
        {
            format = "apollo-persisted-query-manifest",
            version = 1,
            operations = new[] { new { id = Sha256(Authors), name = "Authors", type = "query", body = Authors } },
        });
        await using var host = new ServingTestHost([("GraphQL:PersistedDocuments:TrustedDocumentsFile", manifest)]);

        using HttpResponseMessage response = await host.Client.SendAsync(PostJson(new { documentId = Sha256(Authors) }));

        JsonObject body = await response.ReadJsonAsync();
        Assert.Equal("Jane Austen", body["data"]!["books"]![1]!["author"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lock_down_runs_only_trusted_documents()
    {
        string manifest = WriteManifest("relay.json", new Dictionary<string, string> { ["titles-1"] = Titles });
        await using var host = new ServingTestHost(
        [
            ("GraphQL:PersistedDocuments:TrustedDocumentsFile", manifest),
            ("GraphQL:PersistedDocuments:TrustedDocumentsOnly", "true"),
            ("GraphQL:EnableIde", "false"),
        ]);

        using HttpResponseMessage adHoc = await host.Client.SendAsync(GraphQLHttp.Post(Authors, GraphQLHttp.GraphQLResponseJson));
        using HttpResponseMessage adHocApq = await host.Client.SendAsync(PostJson(new { query = Authors, extensions = PersistedQuery(Sha256(Authors)) }));
        using HttpResponseMessage trustedById = await host.Client.SendAsync(PostJson(new { documentId = "titles-1" }));
        using HttpResponseMessage trustedText = await host.Client.SendAsync(GraphQLHttp.Post(Titles));

        Assert.Equal(HttpStatusCode.BadRequest, adHoc.StatusCode);
        Assert.Equal("TRUSTED_DOCUMENT_REQUIRED", (await adHoc.ReadJsonAsync()).FirstErrorCode());
        Assert.Equal("TRUSTED_DOCUMENT_REQUIRED", (await adHocApq.ReadJsonAsync()).FirstErrorCode());
        Assert.Equal("Dune", (await trustedById.ReadJsonAsync())["data"]!["books"]![0]!["title"]!.GetValue<string>());
        Assert.Equal("Dune", (await trustedText.ReadJsonAsync())["data"]!["books"]![0]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lock_down_with_the_IDE_enabled_still_runs_ad_hoc_documents_for_it()
    {
        string manifest = WriteManifest("relay.json", new Dictionary<string, string> { ["titles-1"] = Titles });
        await using var host = new ServingTestHost(
        [
            ("GraphQL:PersistedDocuments:TrustedDocumentsFile", manifest),
            ("GraphQL:PersistedDocuments:TrustedDocumentsOnly", "true"),
            ("GraphQL:EnableIde", "true"),
        ]);

        using HttpResponseMessage adHoc = await host.Client.SendAsync(GraphQLHttp.Post(Authors));

        Assert.Equal("Frank Herbert", (await adHoc.ReadJsonAsync())["data"]!["books"]![0]!["author"]!.GetValue<string>());
    }

    private string WriteManifest(string name, object content)
    {
        string path = Path.Combine(_manifestDir, name);
        File.WriteAllText(path, JsonSerializer.Serialize(content));
        return path;
    }

    public void Dispose() => Directory.Delete(_manifestDir, recursive: true);
}
