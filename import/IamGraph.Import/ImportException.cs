namespace IamGraph.Import;

/// <summary>Input the importer cannot accept. Says which file and line, and what was expected there.</summary>
public sealed class ImportException : Exception
{
    public ImportException(string message, string? file = null, int? line = null, Exception? inner = null, int? column = null)
        : base(message, inner)
    {
        File = file;
        Line = line;
        Column = column;
    }

    public ImportException()
    {
    }

    public ImportException(string message)
        : base(message)
    {
    }

    public ImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The offending file (absolute or docs-relative), if one is to blame.</summary>
    public string? File { get; }

    public int? Line { get; }

    /// <summary>The 1-based byte column within <see cref="Line"/>, where the input gives one (JSON does; Markdown pages do not).</summary>
    public int? Column { get; }

    /// <summary><c>file:line[:column]: message</c>, the form editors and CI logs link.</summary>
    public string Describe() =>
        File is null ? Message
        : Line is > 0 ? (Column is > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}:{Line}: {Message}")
        : $"{File}: {Message}";
}
