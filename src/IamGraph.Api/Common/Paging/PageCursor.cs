using System.Globalization;
using System.Text;

using GraphQL;

namespace IamGraph.Api.Common.Paging;

/// <summary>Offset cursors: base64 of the zero-based index in the ordered result, as HotChocolate's queryable paging does.</summary>
public static class PageCursor
{
    public static string Encode(int index) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(index.ToString(CultureInfo.InvariantCulture)));

    public static int? Decode(string? cursor, string argumentName)
    {
        if (cursor is null)
        {
            return null;
        }
        var buffer = new byte[cursor.Length];
        if (Convert.TryFromBase64String(cursor, buffer, out var length)
            && int.TryParse(Encoding.UTF8.GetString(buffer, 0, length), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return index;
        }
        throw new ExecutionError($"The cursor given as '{argumentName}' is not a valid cursor of this connection.") { Code = ErrorCodes.InvalidCursor };
    }
}
