namespace IamGraph.Api.Common;

/// <summary>
/// Whether a client's string can be a stored value at all. PostgreSQL text cannot contain NUL, and UTF-8 (both engines'
/// encoding) cannot encode an unpaired surrogate; the import rejects both (NUL bytes and invalid UTF-8 in a source file),
/// so no stored value contains one. Such a string equals, contains, starts or ends no stored value: code that compares it
/// decides so itself, on every engine alike, instead of sending a parameter PostgreSQL rejects (SQLite would compare up
/// to the NUL, or after replacing the surrogate).
/// </summary>
public static class StorableText
{
    public static bool IsStorable(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\0')
            {
                return false;
            }
            if (char.IsSurrogate(value[i]))
            {
                if (!char.IsSurrogatePair(value, i))
                {
                    return false;
                }
                i++;
            }
        }
        return true;
    }
}
