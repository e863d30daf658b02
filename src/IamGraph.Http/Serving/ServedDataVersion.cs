namespace IamGraph.Http.Serving;

/// <summary>
/// Which data the endpoint serves (for IamGraph: the import the catalogue holds). It is part of every ETag and response
/// cache key, and a change empties the caches: the host calls <see cref="Change"/> when an import swaps the data in.
/// </summary>
public sealed class ServedDataVersion
{
    private string _current = "start-" + Guid.NewGuid().ToString("N");

    /// <summary>Raised after the version changed (caches empty themselves here).</summary>
    public event Action<string>? Changed;

    public string Current => Volatile.Read(ref _current);

    public void Change(string identity)
    {
        if (Interlocked.Exchange(ref _current, identity) != identity)
        {
            Changed?.Invoke(identity);
        }
    }
}

/// <summary>Who may see what: the part of a cached answer's identity that depends on the caller.</summary>
/// <param name="Key">Distinguishes callers who see different data; equal keys may share answers and ETags.</param>
/// <param name="IsPublic">Anyone may see these answers: shared caches may keep them (`public`), otherwise `private`.</param>
public sealed record CacheScope(string Key, bool IsPublic)
{
    public static readonly CacheScope Public = new("public", true);
}

/// <summary>
/// The seam for authorization (issue 13): resolves the caller's scope, which the response cache key and the ETag include,
/// so an answer computed for one scope is never served to another. The default says every caller sees the public data.
/// </summary>
public interface ICacheScopeResolver
{
    CacheScope Resolve(Microsoft.AspNetCore.Http.HttpContext context);
}

/// <summary>Everyone sees the same public catalogue.</summary>
public sealed class PublicCacheScopeResolver : ICacheScopeResolver
{
    public CacheScope Resolve(Microsoft.AspNetCore.Http.HttpContext context) => CacheScope.Public;
}
