using System.Globalization;
using System.Text;

using GraphQL;

namespace IamGraph.Api.Common.Paging;

/// <summary>Offset cursors: base64 of the zero-based index in the ordered result, as HotChocolate's queryable paging does.</summary>
public static class PageCursor
{
    /// <summary>
    /// The largest index a row can have: a connection holds at most <see cref="int.MaxValue"/> rows (counts are ints), so
    /// a larger index is no row's, and "the row after it" would overflow.
    /// </summary>
    private const int MaxIndex = int.MaxValue - 1;

    /// <summary>The longest cursor <see cref="Encode"/> writes (that of <see cref="MaxIndex"/>); anything longer is rejected unread.</summary>
    private static readonly int MaxLength = Encode(MaxIndex).Length;

    public static string Encode(int index) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(index.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// The index a cursor names. Only a cursor <see cref="Encode"/> writes for an index in [0, <see cref="MaxIndex"/>] is
    /// valid: negative, out-of-range, non-numeric and non-canonical ones (padding, whitespace, leading zeros, a sign) are
    /// <c>INVALID_CURSOR</c>. A valid index past the end of this connection is not an error: the page is empty (after)
    /// or unbounded (before), as Relay says of a cursor that matches no edge; rows may have gone since it was issued.
    /// </summary>
    public static int? Decode(string? cursor, string argumentName)
    {
        if (cursor is null)
        {
            return null;
        }
        Span<byte> buffer = stackalloc byte[MaxLength];
        if (cursor.Length <= MaxLength
            && Convert.TryFromBase64String(cursor, buffer, out var length)
            && int.TryParse(buffer[..length], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index <= MaxIndex
            && Encode(index) == cursor)
        {
            return index;
        }
        throw new ExecutionError($"The cursor given as '{argumentName}' is not a valid cursor of this connection.") { Code = ErrorCodes.InvalidCursor };
    }
}
