namespace IamGraph.Testing;

public static class TestEnvironment
{
    /// <summary>CI=true: what a test needs (data, a database, a browser) must be there, so absence fails instead of skipping.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
