using System.CommandLine;
using IamGraph.Commands;

var root = new RootCommand("IamGraph: AWS IAM managed-policy data as a GraphQL API. With no command, serves.")
{
    ImportCommand.Create(),
    ServeCommand.Create(),
    SchemaCommand.Create(),
    ServeCommand.Db,
    ServeCommand.Urls,
};
root.SetAction(ServeCommand.RunAsync);
return await root.Parse(args).InvokeAsync();
