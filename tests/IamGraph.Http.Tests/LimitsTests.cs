using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using IamGraph.Http.Tests.Infrastructure;

using static IamGraph.Http.Tests.Infrastructure.GraphQLHttp;

namespace IamGraph.Http.Tests;

/// <summary>
/// Each limit rejects before execution: under graphql-response+json that is a 400 with no `data` entry
/// (GraphQL.NET always writes `data` once it has executed) and an error carrying `extensions.code`.
/// </summary>
public sealed class LimitsTests(TestHostFactory factory) : IClassFixture<TestHostFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Standard_introspection_query_passes_default_depth_and_complexity()
    {
        JsonObject body = await SendAsync(_client, IntrospectionQuery.Text, HttpStatusCode.OK);

        Assert.False(body.ContainsKey("errors"), body.ToJsonString());
        Assert.Equal("Query", body["data"]!["__schema"]!["queryType"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Realistic_nested_query_passes_default_complexity()
    {
        JsonObject body = await SendAsync(_client, "{ books { title author related { title author } } }", HttpStatusCode.OK);

        Assert.False(body.ContainsKey("errors"), body.ToJsonString());
        Assert.NotEmpty(body["data"]!["books"]![0]!["related"]!.AsArray());
    }

    [Fact]
    public async Task Document_over_default_1_MB_is_rejected()
    {
        // A valid query padded with a comment to just over 1 MiB; the body stays under the 2 MiB cap.
        string query = "{ hello }\n#" + new string('x', (1024 * 1024) + 10);

        JsonObject body = await SendAsync(_client, query, HttpStatusCode.BadRequest);

        Assert.Equal("DOCUMENT_TOO_LARGE", body.FirstErrorCode());
        Assert.False(body.ContainsKey("data"));
    }

    [Fact]
    public async Task Request_body_over_the_cap_gets_413()
    {
        using HttpClient client = factory.WithSettings(("GraphQL:MaxDocumentBytes", "1000"), ("GraphQL:MaxRequestBodyBytes", "4096")).CreateClient();
        string padding = new('x', 5000);

        using HttpResponseMessage response = await client.SendAsync(
            Post("query($p: String) { hello }", GraphQLResponseJson, variables: new { p = padding }));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("REQUEST_TOO_LARGE", (await response.ReadJsonAsync()).FirstErrorCode());
    }

    [Fact]
    public async Task Request_body_over_the_cap_without_a_content_length_gets_413()
    {
        // Streamed (chunked): no declared length to refuse up front, so the cap applies while reading.
        using HttpClient client = factory.WithSettings(("GraphQL:MaxDocumentBytes", "1000"), ("GraphQL:MaxRequestBodyBytes", "4096")).CreateClient();
        string body = JsonSerializer.Serialize(new { query = "query($p: String) { hello }", variables = new { p = new string('x', 40_000) } });

        using HttpResponseMessage response = await client.SendAsync(PostStreamed(body));

        Assert.Null(response.RequestMessage!.Content!.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("REQUEST_TOO_LARGE", (await response.ReadJsonAsync()).FirstErrorCode());
    }

    [Fact]
    public async Task Request_body_without_a_content_length_larger_than_a_read_is_answered()
    {
        // Over the 16 KiB read chunk, under the 2 MiB cap: the body is read whole across several reads.
        string comment = "#" + new string('x', 40_000) + "\n";
        using HttpResponseMessage response = await _client.SendAsync(PostStreamed(JsonSerializer.Serialize(new { query = comment + "{ hello }" })));

        Assert.Null(response.RequestMessage!.Content!.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonObject body = await response.ReadJsonAsync();
        Assert.False(body.ContainsKey("errors"), body.ToJsonString());
        Assert.NotNull(body["data"]!["hello"]);
    }

    [Fact]
    public async Task Depth_over_default_20_is_rejected()
    {
        string query = "{ books { " + string.Concat(Enumerable.Repeat("related { ", 20)) + "title" + new string('}', 21) + " }";

        JsonObject body = await SendAsync(_client, query, HttpStatusCode.BadRequest);

        Assert.Equal("COMPLEXITY", body.FirstErrorCode());
        Assert.Contains("too nested", body.FirstErrorMessage());
    }

    [Fact]
    public async Task Query_that_could_return_more_objects_than_the_budget_is_rejected()
    {
        // 20 books x 20 x 20 x 20 x 20 related: about 3.4 million objects against the default budget of 250,000.
        JsonObject body = await SendAsync(_client, "{ books { related { related { related { related { title } } } } } }", HttpStatusCode.BadRequest);

        Assert.Equal("COMPLEXITY", body.FirstErrorCode());
        Assert.Contains("too complex", body.FirstErrorMessage());
    }

    [Fact]
    public async Task Five_thousand_aliases_are_rejected()
    {
        JsonObject body = await SendAsync(_client, AliasQuery(5000), HttpStatusCode.BadRequest);

        Assert.Equal("MAX_ALIASES", body.FirstErrorCode());
    }

    [Fact]
    public async Task Alias_limit_is_exact_and_configurable()
    {
        using HttpClient client = factory.WithSettings(("GraphQL:MaxAliases", "10")).CreateClient();

        JsonObject ok = await SendAsync(client, AliasQuery(10), HttpStatusCode.OK);
        JsonObject rejected = await SendAsync(client, AliasQuery(11), HttpStatusCode.BadRequest);

        Assert.Equal("world", ok["data"]!["a9"]!.GetValue<string>());
        Assert.Equal("MAX_ALIASES", rejected.FirstErrorCode());
    }

    [Fact]
    public async Task Fragment_cycle_is_rejected()
    {
        const string query = "{ ...A } fragment A on Query { hello ...B } fragment B on Query { ...A }";

        JsonObject body = await SendAsync(_client, query, HttpStatusCode.BadRequest);

        Assert.Equal("NO_FRAGMENT_CYCLES", body.FirstErrorCode());
    }

    [Fact]
    public async Task Slow_execution_times_out_with_code_TIMEOUT()
    {
        using HttpClient client = factory.WithSettings(("GraphQL:ExecutionTimeout", "00:00:00.300")).CreateClient();
        var clock = Stopwatch.StartNew();

        using HttpResponseMessage response = await client.SendAsync(Post("{ slow }", GraphQLResponseJson));
        JsonObject body = await response.ReadJsonAsync();

        Assert.Equal("TIMEOUT", body.FirstErrorCode());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}; the resolver alone waits 20 s");
    }

    [Fact]
    public async Task Unhandled_exceptions_are_masked()
    {
        using HttpResponseMessage response = await _client.SendAsync(Post("{ boom }", GraphQLResponseJson));
        string text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("INVALID_OPERATION", text);
        Assert.DoesNotContain("hunter2", text);
        Assert.DoesNotContain("BooksSchema", text);
        Assert.DoesNotContain("stack", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Development_flag_exposes_exception_details()
    {
        // Proves the masking above is the flag's doing, not an accident of the test schema.
        using HttpClient client = factory.WithSettings(("GraphQL:ExposeExceptionDetails", "true")).CreateClient();

        using HttpResponseMessage response = await client.SendAsync(Post("{ boom }", GraphQLResponseJson));

        Assert.Contains("hunter2", await response.Content.ReadAsStringAsync());
    }

    private static string AliasQuery(int count)
    {
        var query = new StringBuilder("{");
        for (int i = 0; i < count; i++)
        {
            query.Append(" a").Append(i).Append(": hello");
        }

        return query.Append(" }").ToString();
    }

    private static async Task<JsonObject> SendAsync(HttpClient client, string query, HttpStatusCode expected)
    {
        using HttpResponseMessage response = await client.SendAsync(Post(query, GraphQLResponseJson));
        Assert.Equal(expected, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    /// <summary>A POST whose body is a stream of unknown length, as a client that streams its body sends it.</summary>
    private static HttpRequestMessage PostStreamed(string json)
    {
        var pipe = new Pipe();
        pipe.Writer.Write(Encoding.UTF8.GetBytes(json));
        pipe.Writer.Complete();
        var content = new StreamContent(pipe.Reader.AsStream());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
    }
}
