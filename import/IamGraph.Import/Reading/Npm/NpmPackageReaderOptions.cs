namespace IamGraph.Import.Reading.Npm;

/// <summary>
/// Limits for the npm package readers, in the spirit of <see cref="DocsReaderOptions"/>: generous for the real packages,
/// small enough that a hostile or wrong file (a 10 GB entry, a gzip bomb) stops with a message instead of filling memory.
/// </summary>
public sealed record NpmPackageReaderOptions
{
    public static readonly NpmPackageReaderOptions Default = new();

    /// <summary>Largest <c>managedPolicies.json</c> accepted, in bytes (the real one is 74 MB).</summary>
    public long MaxManagedPoliciesBytes { get; init; } = 1L << 30;

    /// <summary>Largest single policy in it, in bytes: the reader holds one policy at a time (ReadOnlyAccess, the biggest, is 10 MB).</summary>
    public int MaxPolicyBytes { get; init; } = 64 << 20;

    /// <summary>Largest catalogue file accepted, in bytes (the biggest real one, <c>actions/ec2.json</c>, is 0.6 MB).</summary>
    public long MaxCatalogFileBytes { get; init; } = 16L << 20;

    /// <summary>Largest total of a tarball's entries, in bytes, read or skipped (the real packages unpack to 77 MB and 15 MB).</summary>
    public long MaxArchiveBytes { get; init; } = 2L << 30;
}
