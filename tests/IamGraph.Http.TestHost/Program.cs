using GraphQL;

using IamGraph.Http;
using IamGraph.Http.Health;
using IamGraph.Http.TestHost;

WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<BookStore>();
builder.Services.AddSingleton<ReadinessSwitch>();
builder.Services.AddGraphQL(b => b
    .AddSchema<BooksSchema>()
    .AddGraphTypes(typeof(BooksSchema).Assembly)
    .AddSystemTextJson());
builder.Services.AddIamGraphHttp(builder.Configuration);
builder.Services.AddIamGraphReadinessCheck("books", static (services, _) =>
    Task.FromResult(services.GetRequiredService<ReadinessSwitch>().IsReady
        ? ReadinessResult.Ready()
        : ReadinessResult.NotReady("book store offline")));

WebApplication app = builder.Build();
app.UseIamGraphHttp("/graphql");
app.Run();
