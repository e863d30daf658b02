using System.CommandLine;

namespace IamGraph.Commands;

/// <summary>The command line: `iamgraph [serve] | import | query | schema`. With no command, serves.</summary>
public static class IamGraphCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("IamGraph: AWS IAM managed-policy data as a GraphQL API. With no command, serves.")
        {
            ImportCommand.Create(),
            ServeCommand.Create(),
            SchemaCommand.Create(),
            QueryCommand.Create(),
            ServeCommand.Db,
            ServeCommand.Urls,
            ServeCommand.TrustedDocuments,
            ServeCommand.TrustedDocumentsOnly,
            ServeCommand.AllowAnonymousAccountData,
        };
        root.SetAction(ServeCommand.RunAsync);
        return root;
    }
}
