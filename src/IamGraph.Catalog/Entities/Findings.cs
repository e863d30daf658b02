namespace IamGraph.Catalog.Entities;

/// <summary>Something the import saw that the docs disagree on: an index count against its detail page, a lost page, a duplicate row.</summary>
public class DataQualityFinding : IAccountOwned
{
    public int Id { get; set; }

    /// <summary>The account whose file or objects the finding is about (shown only to callers who see it); null for the public catalogue.</summary>
    public string? AccountId { get; set; }

    /// <summary><c>discrepancy</c> (the docs disagree with themselves) or <c>warning</c> (odd but harmless).</summary>
    public required string Category { get; set; }

    /// <summary>Machine-readable kind, e.g. <c>index-count-mismatch</c>, <c>duplicate-row</c>, <c>missing-page</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>Which entity it concerns, e.g. <c>service:acm</c>.</summary>
    public string? Entity { get; set; }

    /// <summary>Docs-relative file, e.g. <c>services/README.md</c>.</summary>
    public string? File { get; set; }
    public int? Line { get; set; }
    public long? Declared { get; set; }
    public long? Actual { get; set; }
    public required string Message { get; set; }
}

/// <summary>One row per import: what was read, when, and what came of it. The newest row describes the catalogue being served.</summary>
public class ImportRun
{
    public int Id { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public required string Source { get; set; }

    /// <summary>Which docs layout was recognised: <c>published</c> (the 2025 published docs) or <c>current</c> (the generator's current output).</summary>
    public required string Format { get; set; }
    public required string ToolVersion { get; set; }
}
