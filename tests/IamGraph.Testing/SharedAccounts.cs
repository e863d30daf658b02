namespace IamGraph.Testing;

/// <summary>
/// Finds the example account file (<c>get-account-authorization-details</c> output, BSD-3-Clause):
/// <c>../shared/data/accounts/example-authz-details.json</c> beside some folder above the test's base directory.
/// </summary>
public static class SharedAccounts
{
    public const string ExampleFile = "example-authz-details.json";

    private static readonly Lazy<string?> Found = new(Find);

    /// <summary>The example file's path, or null when it is not on this machine.</summary>
    public static string? Example => Found.Value;

    public static string RequireExample() =>
        Example ?? throw new InvalidOperationException(
            $"The example account file was not found at ../shared/data/accounts/{ExampleFile} beside the repository (CI={Environment.GetEnvironmentVariable("CI")}).");

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "data", "accounts", ExampleFile);
            if (File.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }
        return null;
    }
}

/// <summary>A fact that needs the example account file; skipped with a reason when it is absent, failing instead under <c>CI=true</c>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class AccountDataFactAttribute : CiAwareFactAttribute
{
    public AccountDataFactAttribute()
        : base(SharedAccounts.Example is null, "The example account file ../shared/data/accounts/example-authz-details.json was not found; under CI=true this test fails instead.")
    {
    }
}
