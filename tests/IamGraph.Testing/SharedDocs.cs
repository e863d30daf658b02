using Xunit;

namespace IamGraph.Testing;

/// <summary>
/// Finds the real published docs: env <c>IAMGRAPH_DOCS</c>, else <c>../shared/data/aws-policies-analyzer-docs</c>
/// beside some folder above the test's base directory (the repository root's parent holds <c>shared/</c>).
/// </summary>
public static class SharedDocs
{
    public const string EnvironmentVariable = "IAMGRAPH_DOCS";

    private static readonly Lazy<string?> Found = new(Find);

    /// <summary>The docs folder, or null when it is not on this machine.</summary>
    public static string? Directory => Found.Value;

    /// <summary>True when the environment says this is CI, where missing data is a failure, not a skip.</summary>
    public static bool IsCi => TestEnvironment.InCi;

    /// <summary>The docs folder, or a failure that says where it was looked for.</summary>
    public static string Require() =>
        Directory ?? throw new InvalidOperationException(
            $"The shared docs were not found: set {EnvironmentVariable} or put them at ../shared/data/aws-policies-analyzer-docs beside the repository (CI={Environment.GetEnvironmentVariable("CI")}).");

    private static string? Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return System.IO.Directory.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "data", "aws-policies-analyzer-docs");
            if (System.IO.Directory.Exists(Path.Combine(candidate, "policies")))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }
}

/// <summary>
/// A fact that needs the shared docs. Skipped with a reason when they are absent, except under <c>CI=true</c>,
/// where it runs and fails (via <see cref="SharedDocs.Require"/>) so CI cannot go green without the real data.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class DocsFactAttribute : FactAttribute
{
    public DocsFactAttribute()
    {
        if (SharedDocs.Directory is null && !SharedDocs.IsCi)
        {
            Skip = $"Shared docs not found (set {SharedDocs.EnvironmentVariable} or provide ../shared/data/aws-policies-analyzer-docs); under CI=true this test fails instead.";
        }
    }
}
