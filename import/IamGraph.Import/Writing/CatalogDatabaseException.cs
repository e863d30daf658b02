using System.Data.Common;

namespace IamGraph.Import.Writing;

/// <summary>
/// The catalogue database cannot be had as named (it does not exist and cannot be created); the message says what to do.
/// A <see cref="DbException"/>, so callers treat it as any other database error.
/// </summary>
public sealed class CatalogDatabaseException : DbException
{
    public CatalogDatabaseException()
    {
    }

    public CatalogDatabaseException(string message)
        : base(message)
    {
    }

    public CatalogDatabaseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
