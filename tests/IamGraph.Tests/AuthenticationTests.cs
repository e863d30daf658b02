using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

using IamGraph.Catalog;
using IamGraph.Testing;

namespace IamGraph.Tests;

/// <summary>JWT bearer tokens on the composed server: what a bad token gets, and that nothing else changes for callers without one.</summary>
public sealed class AuthenticationTests
{
    private const string Query = "{ policies(first: 1) { totalCount } }";

    [Fact]
    public async Task Without_a_token_the_caller_is_answered_anonymously()
    {
        using var dir = new TempDirectory();
        await using var server = await StartAsync(dir);
        using var response = await PostAsync(server, token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await BodyAsync(response)).GetProperty("data").GetProperty("policies").GetProperty("totalCount").GetInt32() > 0);
    }

    [Fact]
    public async Task A_valid_token_with_or_without_the_accounts_claim_is_answered()
    {
        using var dir = new TempDirectory();
        await using var server = await StartAsync(dir);
        foreach (var token in new[] { TestTokens.Issue(["111111111111"]), TestTokens.Issue(null), TestTokens.Issue(["*"]) })
        {
            using var response = await PostAsync(server, "Bearer " + token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True((await BodyAsync(response)).TryGetProperty("data", out _));
        }
    }

    public static TheoryData<string, string> BadCredentials() => new()
    {
        { "expired", "Bearer " + TestTokens.Issue(["111111111111"], expires: DateTime.UtcNow.AddMinutes(-5)) },
        { "wrong signature", "Bearer " + TestTokens.Issue(["111111111111"], signingKey: "another-secret-of-at-least-thirty-two-bytes!") },
        { "wrong audience", "Bearer " + TestTokens.Issue(["111111111111"], audience: "someone-else") },
        { "no expiry", "Bearer " + TestTokens.Issue(["111111111111"], withExpiry: false) },
        { "not a token", "Bearer not.a.token" },
        { "not bearer", "Basic dXNlcjpwYXNz" },
    };

    [Theory]
    [MemberData(nameof(BadCredentials))]
    public async Task A_bad_token_gets_401_with_a_challenge_and_a_GraphQL_error_and_no_data(string why, string authorization)
    {
        using var dir = new TempDirectory();
        await using var server = await StartAsync(dir);
        using var response = await PostAsync(server, authorization);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, why);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
        var body = await BodyAsync(response);
        Assert.False(body.TryGetProperty("data", out _));
        Assert.Equal("UNAUTHENTICATED", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Failed_authentications_are_limited_per_client_address_and_health_still_answers()
    {
        using var dir = new TempDirectory();
        await using var server = await StartAsync(dir, "--Auth:Jwt:FailedAttemptsPerMinute=2");
        string bad = "Bearer " + TestTokens.Issue(["111111111111"], signingKey: "another-secret-of-at-least-thirty-two-bytes!");

        for (int i = 0; i < 2; i++)
        {
            using var rejected = await PostAsync(server, bad);
            Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        }

        // The budget is spent: even a good token from this address waits; a caller without a token is not affected.
        using var limited = await PostAsync(server, "Bearer " + TestTokens.Issue(["111111111111"]));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal("TOO_MANY_FAILED_AUTHENTICATIONS", (await BodyAsync(limited)).GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        using var anonymous = await PostAsync(server, token: null);
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        using var health = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        health.Headers.TryAddWithoutValidation("Authorization", bad);
        using var healthy = await server.Client.SendAsync(health);
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
    }

    [Fact]
    public async Task Without_authentication_configured_tokens_are_not_read()
    {
        using var dir = new TempDirectory();
        await using var server = await RunningServer.StartAsync(CatalogConnection.Parse(dir.File("open.db")));
        using var response = await PostAsync(server, "Bearer not.a.token");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_signing_key_shorter_than_32_bytes_stops_the_server_from_starting()
    {
        using var dir = new TempDirectory();
        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            RunningServer.StartAsync(CatalogConnection.Parse(dir.File("short.db")), ["--Auth:Jwt:SigningKey=too-short"]));

        Assert.Contains("at least 32 bytes", error.Message, StringComparison.Ordinal);
    }

    private static Task<RunningServer> StartAsync(TempDirectory dir, params string[] more) =>
        RunningServer.StartAsync(CatalogConnection.Parse(dir.File("auth.db")), TestTokens.ServerArgs(more));

    private static async Task<HttpResponseMessage> PostAsync(RunningServer server, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = Query }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", token);
        }
        return await server.Client.SendAsync(request);
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
