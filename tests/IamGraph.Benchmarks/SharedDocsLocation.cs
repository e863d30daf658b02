namespace IamGraph.Benchmarks;

/// <summary>Finds the shared IAM docs: $IAMGRAPH_DOCS, else ../shared/data/aws-policies-analyzer-docs above the working folder.</summary>
internal static class SharedDocsLocation
{
    public static string Find()
    {
        if (Environment.GetEnvironmentVariable("IAMGRAPH_DOCS") is { Length: > 0 } env)
        {
            return env;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "aws-policies-analyzer-docs");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("The shared IAM docs were not found: set IAMGRAPH_DOCS or keep ../shared beside the repository.");
    }
}
