using System.Net;
using System.Text.Json.Nodes;

using IamGraph.Http.Tests.Infrastructure;
using IamGraph.Http.Tests.TestApp;

using Microsoft.Extensions.DependencyInjection;

namespace IamGraph.Http.Tests;

public sealed class HealthAndCorsTests(TestHostFactory factory) : IClassFixture<TestHostFactory>
{
    [Fact]
    public async Task Healthz_answers_ok()
    {
        using HttpResponseMessage response = await factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (await response.ReadJsonAsync())["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Readyz_follows_the_registered_check()
    {
        HttpClient client = factory.CreateClient();
        ReadinessSwitch readiness = factory.Services.GetRequiredService<ReadinessSwitch>();

        using HttpResponseMessage ready = await client.GetAsync("/readyz");
        readiness.IsReady = false;
        try
        {
            using HttpResponseMessage notReady = await client.GetAsync("/readyz");

            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            Assert.Equal("application/json", notReady.Content.Headers.ContentType?.MediaType);
            JsonObject body = await notReady.ReadJsonAsync();
            Assert.Equal("unavailable", body["status"]!.GetValue<string>());
            Assert.Equal("book store offline", body["checks"]![0]!["detail"]!.GetValue<string>());
        }
        finally
        {
            readiness.IsReady = true;
        }
    }

    [Fact]
    public async Task Readyz_does_not_show_what_a_failing_check_threw()
    {
        ReadinessSwitch readiness = factory.Services.GetRequiredService<ReadinessSwitch>();
        readiness.Failure = new InvalidOperationException("secret: Host=db.internal;Password=hunter2");
        try
        {
            using HttpResponseMessage response = await factory.CreateClient().GetAsync("/readyz");
            string text = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("check failed", JsonNode.Parse(text)!["checks"]![0]!["detail"]!.GetValue<string>());
            Assert.DoesNotContain("hunter2", text);
        }
        finally
        {
            readiness.Failure = null;
        }
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task Probes_answer_GET_only(string path)
    {
        using HttpResponseMessage response = await factory.CreateClient().PostAsync(path, null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Cors_allows_any_origin_without_credentials_by_default()
    {
        using HttpResponseMessage response = await factory.CreateClient().SendAsync(Preflight("https://example.org"));

        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Cors_origins_are_configurable()
    {
        HttpClient client = factory.WithSettings(("GraphQL:CorsOrigins:0", "https://allowed.example")).CreateClient();

        using HttpResponseMessage allowed = await client.SendAsync(Preflight("https://allowed.example"));
        using HttpResponseMessage other = await client.SendAsync(Preflight("https://evil.example"));

        Assert.Equal("https://allowed.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }
}
