using System.Net;
using System.Text.Json.Nodes;

using IamGraph.Http.Tests.Infrastructure;

using static IamGraph.Http.Tests.Infrastructure.GraphQLHttp;

namespace IamGraph.Http.Tests;

/// <summary>Transport behaviour of the endpoint: methods, content types, Accept negotiation, status codes.</summary>
public sealed class GraphQLHttpEndpointTests(TestHostFactory factory) : IClassFixture<TestHostFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Post_without_accept_returns_json_with_resolver_data()
    {
        using HttpResponseMessage response = await _client.SendAsync(Post("{ books { title author } }"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        JsonObject body = await response.ReadJsonAsync();
        Assert.Equal("Frank Herbert", body["data"]!["books"]![0]!["author"]!.GetValue<string>());
    }

    [Fact]
    public async Task Graphql_response_json_gets_400_without_data_for_a_validation_error()
    {
        using HttpResponseMessage response = await _client.SendAsync(Post("{ nope }", GraphQLResponseJson));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(GraphQLResponseJson, response.Content.Headers.ContentType?.MediaType);
        JsonObject body = await response.ReadJsonAsync();
        Assert.False(body.ContainsKey("data"));
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", body.FirstErrorCode());
    }

    [Fact]
    public async Task Errors_carry_extensions_code_only_and_plain_apostrophes()
    {
        using HttpResponseMessage validation = await _client.SendAsync(Post("{ nope }", GraphQLResponseJson));
        using HttpResponseMessage field = await _client.SendAsync(Post("{ hello boom }", GraphQLResponseJson));
        string text = await validation.Content.ReadAsStringAsync();

        // GraphQL.NET would add extensions.codes (the code again) and, for validation errors, extensions.number (5.3.1).
        Assert.Equal("""{"code":"FIELDS_ON_CORRECT_TYPE"}""", JsonNode.Parse(text)!["errors"]![0]!["extensions"]!.ToJsonString());
        Assert.Equal(["code"], (await field.ReadJsonAsync())["errors"]![0]!["extensions"]!.AsObject().Select(p => p.Key));
        Assert.Contains("Cannot query field 'nope' on type 'Query'.", text);
        Assert.DoesNotContain(@"\u0027", text);
    }

    [Fact]
    public async Task Application_json_gets_200_for_a_validation_error()
    {
        using HttpResponseMessage response = await _client.SendAsync(Post("{ nope }", "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", (await response.ReadJsonAsync()).FirstErrorCode());
    }

    [Fact]
    public async Task Graphql_response_json_gets_200_when_executed_with_a_field_error()
    {
        using HttpResponseMessage response = await _client.SendAsync(Post("{ hello boom }", GraphQLResponseJson));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonObject body = await response.ReadJsonAsync();
        Assert.Equal("world", body["data"]!["hello"]!.GetValue<string>());
        Assert.Equal("INVALID_OPERATION", body.FirstErrorCode());
    }

    [Fact]
    public async Task Unacceptable_accept_gets_406()
    {
        using HttpResponseMessage response = await _client.SendAsync(Post("{ hello }", "text/plain"));

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("NOT_ACCEPTABLE", (await response.ReadJsonAsync()).FirstErrorCode());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task Post_with_missing_or_other_content_type_gets_415(string? contentType)
    {
        using HttpResponseMessage response = await _client.SendAsync(PostRaw("""{"query":"{ hello }"}""", contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", (await response.ReadJsonAsync()).FirstErrorCode());
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""[{"query":"{ hello }"},{"query":"{ hello }"}]""")]
    [InlineData("""{"qeury":"{ hello }"}""")]
    [InlineData("""{"query":"{ hello }","variables":"not a map"}""")]
    [InlineData("")]
    public async Task Malformed_body_gets_400_even_for_application_json(string body)
    {
        using HttpResponseMessage response = await _client.SendAsync(PostRaw(body, "application/json", "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_REQUEST", (await response.ReadJsonAsync()).FirstErrorCode());
    }

    [Fact]
    public async Task Get_runs_a_query_with_variables()
    {
        using HttpResponseMessage response = await _client.SendAsync(
            Get("query Q($skip: Boolean!) { hello @skip(if: $skip) books { title } }", GraphQLResponseJson, """{"skip":true}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonObject data = (await response.ReadJsonAsync())["data"]!.AsObject();
        Assert.False(data.ContainsKey("hello"));
        Assert.Equal("Dune", data["books"]![0]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_with_unparsable_variables_gets_400()
    {
        using HttpResponseMessage response = await _client.SendAsync(Get("{ hello }", variables: "{oops"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Mutation_over_get_gets_405_allow_post_and_does_not_run()
    {
        using HttpResponseMessage response = await _client.SendAsync(
            Get("""mutation { addBook(title: "Via GET", author: "Nobody") { title } }""", GraphQLResponseJson));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
        Assert.Equal("HTTP_METHOD_NOT_ALLOWED", (await response.ReadJsonAsync()).FirstErrorCode());

        using HttpResponseMessage books = await _client.SendAsync(Post("{ books { title } }"));
        Assert.DoesNotContain("Via GET", await books.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Mutation_over_post_runs()
    {
        using HttpResponseMessage response = await _client.SendAsync(
            Post("""mutation { addBook(title: "Via POST", author: "Someone") { title } }""", GraphQLResponseJson));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Via POST", (await response.ReadJsonAsync())["data"]!["addBook"]!["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Other_methods_get_405_allow_get_post(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/graphql");
        using HttpResponseMessage response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Order());
    }
}
