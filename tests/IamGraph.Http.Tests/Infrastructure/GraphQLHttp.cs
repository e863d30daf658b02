using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IamGraph.Http.Tests.Infrastructure;

/// <summary>Small helpers to send GraphQL requests and read responses as JSON.</summary>
public static class GraphQLHttp
{
    public const string GraphQLResponseJson = "application/graphql-response+json";

    public static HttpRequestMessage Post(string query, string? accept = null, object? variables = null)
    {
        string body = JsonSerializer.Serialize(new { query, variables });
        return PostRaw(body, "application/json", accept);
    }

    public static HttpRequestMessage PostRaw(string body, string? contentType, string? accept = null)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return request;
    }

    public static HttpRequestMessage Get(string query, string? accept = null, string? variables = null)
    {
        string url = "/graphql?query=" + Uri.EscapeDataString(query)
            + (variables is null ? string.Empty : "&variables=" + Uri.EscapeDataString(variables));
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return request;
    }

    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>The `extensions.code` of the first error; fails the test when there is none.</summary>
    public static string FirstErrorCode(this JsonObject body)
    {
        JsonArray errors = Assert.IsType<JsonArray>(body["errors"]);
        Assert.NotEmpty(errors);
        return errors[0]!["extensions"]!["code"]!.GetValue<string>();
    }

    public static string FirstErrorMessage(this JsonObject body) =>
        body["errors"]![0]!["message"]!.GetValue<string>();
}
