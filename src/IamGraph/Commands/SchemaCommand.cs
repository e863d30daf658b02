using System.CommandLine;
using IamGraph.Api;
using IamGraph.Catalog;

namespace IamGraph.Commands;

/// <summary><c>iamgraph schema</c>: prints the SDL (the committed copy is src/IamGraph.Api/schema.graphql).</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var command = new Command("schema", "Print the GraphQL schema (SDL).");
        command.SetAction(_ =>
        {
            // The schema does not touch the database to print itself; any connection string will do.
            var services = new ServiceCollection()
                .AddIamGraphApi(o => o.ConfigureDbContext = db => CatalogDatabase.Configure(db, CatalogProvider.Sqlite, "Data Source=:memory:"))
                .BuildServiceProvider();
            Console.Out.Write(services.GetRequiredService<IamGraphSchema>().PrintSdl());
            return 0;
        });
        return command;
    }
}
