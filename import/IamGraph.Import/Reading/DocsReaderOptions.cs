namespace IamGraph.Import.Reading;

/// <summary>Limits for <see cref="DocsReader"/>.</summary>
public sealed record DocsReaderOptions
{
    public static readonly DocsReaderOptions Default = new();

    /// <summary>Largest page accepted, in bytes. The biggest real page is well under 1 MB; 8 MB stops a wrong file early.</summary>
    public long MaxFileBytes { get; init; } = 8L * 1024 * 1024;

    /// <summary>Files parsed at once; null lets the runtime choose (one per core).</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
