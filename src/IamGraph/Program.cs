using System.CommandLine;
using IamGraph.Commands;

var root = new RootCommand("IamGraph: AWS IAM managed-policy data as a GraphQL API.")
{
    ImportCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
