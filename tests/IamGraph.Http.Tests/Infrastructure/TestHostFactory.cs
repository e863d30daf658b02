using Microsoft.AspNetCore.Mvc.Testing;

namespace IamGraph.Http.Tests.Infrastructure;

/// <summary>In-process host of the books test app; <see cref="WithSettings"/> overrides `GraphQL:*` configuration.</summary>
public sealed class TestHostFactory : WebApplicationFactory<Program>
{
    public WebApplicationFactory<Program> WithSettings(params (string Key, string Value)[] settings) =>
        WithWebHostBuilder(builder =>
        {
            foreach ((string key, string value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });
}
