using GraphQL;

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IamGraph.Http.Tests.TestApp;

/// <summary>A tiny app (books schema) that hosts IamGraph.Http exactly as the real composition root does: the transport under test, no catalogue.</summary>
public static class BooksApp
{
    /// <param name="settings">Configuration overrides, e.g. <c>("GraphQL:MaxAliases", "10")</c>.</param>
    /// <param name="server">Picks the server: a TestServer in process, or Kestrel on a socket.</param>
    public static WebApplication Build(IEnumerable<(string Key, string Value)> settings, Action<WebApplicationBuilder> server)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        server(builder);

        builder.Services.AddSingleton<BookStore>();
        builder.Services.AddSingleton<ReadinessSwitch>();
        builder.Services.AddGraphQL(b => b
            .AddSchema<BooksSchema>()
            .AddGraphTypes(typeof(BooksSchema).Assembly)
            .AddSystemTextJson());
        builder.Services.AddIamGraphHttp(builder.Configuration);
        builder.Services.AddIamGraphReadinessCheck<BooksReadinessCheck>("books");

        WebApplication app = builder.Build();
        app.UseIamGraphHttp("/graphql");
        return app;
    }
}
