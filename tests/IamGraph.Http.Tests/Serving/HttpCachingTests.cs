using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

using IamGraph.Http.Serving;
using IamGraph.Http.Tests.Infrastructure;
using IamGraph.Http.Tests.TestApp;

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

using static IamGraph.Http.Tests.Infrastructure.GraphQLHttp;

namespace IamGraph.Http.Tests.Serving;

/// <summary>ETag/304, Cache-Control and Vary on GET; the in-process response cache and its invalidation (issue 11).</summary>
public sealed class HttpCachingTests
{
    private const string Titles = "{ books { title } }";

    [Fact]
    public async Task GET_answer_carries_a_strong_ETag_Cache_Control_and_Vary_and_a_matching_If_None_Match_gets_304()
    {
        await using var host = new ServingTestHost([("GraphQL:Caching:MaxAgeSeconds", "120")]);

        using HttpResponseMessage first = await host.Client.SendAsync(Get(Titles, GraphQLResponseJson));
        EntityTagHeaderValue etag = Assert.IsType<EntityTagHeaderValue>(first.Headers.ETag);
        using HttpRequestMessage again = Get(Titles, GraphQLResponseJson);
        again.Headers.IfNoneMatch.Add(etag);
        using HttpResponseMessage notModified = await host.Client.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(etag.IsWeak);
        Assert.True(first.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromSeconds(120), first.Headers.CacheControl.MaxAge);
        Assert.Contains("Accept", first.Headers.Vary);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ETag_differs_by_request_and_by_response_type()
    {
        await using var host = new ServingTestHost();

        using HttpResponseMessage titles = await host.Client.SendAsync(Get(Titles, GraphQLResponseJson));
        using HttpResponseMessage authors = await host.Client.SendAsync(Get("{ books { author } }", GraphQLResponseJson));
        using HttpResponseMessage titlesAsJson = await host.Client.SendAsync(Get(Titles, "application/json"));

        Assert.NotEqual(titles.Headers.ETag, authors.Headers.ETag);
        Assert.NotEqual(titles.Headers.ETag, titlesAsJson.Headers.ETag);
    }

    [Fact]
    public async Task Errors_and_POST_are_not_cacheable()
    {
        await using var host = new ServingTestHost();

        using HttpResponseMessage failed = await host.Client.SendAsync(Get("{ boom }", GraphQLResponseJson));
        using HttpResponseMessage invalid = await host.Client.SendAsync(Get("{ nope }", GraphQLResponseJson));
        using HttpResponseMessage post = await host.Client.SendAsync(Post(Titles, GraphQLResponseJson));

        Assert.Null(failed.Headers.ETag);
        Assert.True(failed.Headers.CacheControl!.NoStore);
        Assert.Null(invalid.Headers.ETag);
        Assert.True(invalid.Headers.CacheControl!.NoStore);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Null(post.Headers.ETag);
        Assert.Null(post.Headers.CacheControl);
    }

    [Fact]
    public async Task A_data_swap_changes_every_ETag_and_the_old_one_no_longer_matches()
    {
        await using var host = new ServingTestHost();
        ServedDataVersion version = host.Services.GetRequiredService<ServedDataVersion>();

        using HttpResponseMessage before = await host.Client.SendAsync(Get(Titles, GraphQLResponseJson));
        version.Change("import-2");
        using HttpRequestMessage conditional = Get(Titles, GraphQLResponseJson);
        conditional.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        using HttpResponseMessage after = await host.Client.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotNull(after.Headers.ETag);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task Response_cache_answers_identical_requests_until_the_data_swaps()
    {
        await using var host = new ServingTestHost();
        ServingCaches caches = host.Services.GetRequiredService<ServingCaches>();
        BookStore store = host.Services.GetRequiredService<BookStore>();

        JsonObject first = await (await host.Client.SendAsync(Post(Titles))).ReadJsonAsync();
        // The store changes behind the server's back: only a cached answer can still say two books.
        store.Add("Ulysses", "James Joyce");
        JsonObject cached = await (await host.Client.SendAsync(Post(Titles))).ReadJsonAsync();
        host.Services.GetRequiredService<ServedDataVersion>().Change("import-2");
        JsonObject afterSwap = await (await host.Client.SendAsync(Post(Titles))).ReadJsonAsync();

        Assert.Equal(2, first["data"]!["books"]!.AsArray().Count);
        Assert.Equal(first.ToJsonString(), cached.ToJsonString());
        Assert.Equal(3, afterSwap["data"]!["books"]!.AsArray().Count);
        Assert.Equal(1, caches.Responses.Hits);
        Assert.Equal(2, caches.Responses.Misses);
    }

    [Fact]
    public async Task Response_cache_keeps_no_errors()
    {
        await using var host = new ServingTestHost();
        ServingCaches caches = host.Services.GetRequiredService<ServingCaches>();

        await host.Client.SendAsync(Post("{ boom }"));
        await host.Client.SendAsync(Post("{ boom }"));

        Assert.Equal(0, caches.Responses.Count);
        Assert.Equal(0, caches.Responses.Hits);
    }

    [Fact]
    public async Task Both_caches_can_be_turned_off()
    {
        await using var host = new ServingTestHost([("GraphQL:Caching:ResponseCache", "false"), ("GraphQL:Caching:HttpCaching", "false")]);
        BookStore store = host.Services.GetRequiredService<BookStore>();

        using HttpResponseMessage get = await host.Client.SendAsync(Get(Titles, GraphQLResponseJson));
        await host.Client.SendAsync(Post(Titles));
        store.Add("Ulysses", "James Joyce");
        JsonObject fresh = await (await host.Client.SendAsync(Post(Titles))).ReadJsonAsync();

        Assert.Null(get.Headers.ETag);
        Assert.Null(get.Headers.CacheControl);
        Assert.Equal(3, fresh["data"]!["books"]!.AsArray().Count);
    }

    [Fact]
    public async Task Answers_are_never_shared_across_cache_scopes()
    {
        // The seam issue 13's authorization plugs into: here the scope comes from a header.
        await using var host = new ServingTestHost(services: s => s.AddSingleton<ICacheScopeResolver>(new HeaderScope()));
        ServingCaches caches = host.Services.GetRequiredService<ServingCaches>();

        using HttpResponseMessage a = await host.Client.SendAsync(Scoped(Get(Titles, GraphQLResponseJson), "account-a"));
        using HttpResponseMessage b = await host.Client.SendAsync(Scoped(Get(Titles, GraphQLResponseJson), "account-b"));
        long hitsAfterB = caches.Responses.Hits;
        using HttpRequestMessage bWithA = Scoped(Get(Titles, GraphQLResponseJson), "account-b");
        bWithA.Headers.IfNoneMatch.Add(a.Headers.ETag!);
        using HttpResponseMessage crossed = await host.Client.SendAsync(bWithA);

        Assert.NotEqual(a.Headers.ETag, b.Headers.ETag);
        Assert.True(a.Headers.CacheControl!.Private);
        Assert.Equal(HttpStatusCode.OK, crossed.StatusCode);
        Assert.Equal(0, hitsAfterB);
    }

    [Fact]
    public async Task Repeated_document_is_parsed_and_validated_once()
    {
        await using var host = new ServingTestHost([("GraphQL:Caching:ResponseCache", "false")]);
        ServingCaches caches = host.Services.GetRequiredService<ServingCaches>();

        JsonObject first = await (await host.Client.SendAsync(Post(Titles))).ReadJsonAsync();
        JsonObject second = await (await host.Client.SendAsync(Post(Titles))).ReadJsonAsync();
        JsonObject invalid = await (await host.Client.SendAsync(Post("{ books { nope } }"))).ReadJsonAsync();
        JsonObject invalidAgain = await (await host.Client.SendAsync(Post("{ books { nope } }"))).ReadJsonAsync();

        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.Equal(1, caches.Documents.Hits);
        Assert.Equal(1, caches.Documents.Count);
        Assert.Equal(invalid.ToJsonString(), invalidAgain.ToJsonString());
    }

    private static HttpRequestMessage Scoped(HttpRequestMessage request, string scope)
    {
        request.Headers.Add("X-Test-Scope", scope);
        return request;
    }

    private sealed class HeaderScope : ICacheScopeResolver
    {
        public CacheScope Resolve(HttpContext context) => new(context.Request.Headers["X-Test-Scope"].ToString(), IsPublic: false);
    }
}
