namespace IamGraph.Testing;

/// <summary>The source tree the tests run from: the folder holding IamGraph.sln, found above the test's output.</summary>
public static class Repository
{
    private static readonly Lazy<string> RootFolder = new(FindRoot);

    public static string Root => RootFolder.Value;

    /// <summary>A path under the repository root, e.g. <c>Repository.Path("src", "IamGraph.Api", "schema.graphql")</c>.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "IamGraph.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("IamGraph.sln not found above " + AppContext.BaseDirectory);
    }
}
