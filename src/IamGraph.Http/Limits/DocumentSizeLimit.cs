using System.Text;

using GraphQL;

namespace IamGraph.Http.Limits;

/// <summary>Rejects oversized documents before they are parsed; code DOCUMENT_TOO_LARGE.</summary>
public static class DocumentSizeLimit
{
    public const string Code = "DOCUMENT_TOO_LARGE";

    public static ExecutionError? Check(string? query, int maxBytes)
    {
        // Cheap bound first: a UTF-8 char takes at most 3 bytes per UTF-16 unit.
        if (query is null || (query.Length <= maxBytes / 3) || Encoding.UTF8.GetByteCount(query) <= maxBytes)
        {
            return null;
        }

        return new ExecutionError($"The GraphQL document is larger than the maximum of {maxBytes} bytes.") { Code = Code };
    }
}
