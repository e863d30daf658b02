using IamGraph.Api.Common.Authorization;
using IamGraph.Catalog;
using IamGraph.Http.Serving;

namespace IamGraph.Hosting;

/// <summary>
/// Cached answers and ETags are keyed by the accounts the caller sees, decided exactly as the API decides them, so an answer
/// computed for one set of accounts is never served to another; only the public catalogue's answers may be shared.
/// </summary>
internal sealed class AccountCacheScopeResolver(AccountScope anonymous) : ICacheScopeResolver
{
    public CacheScope Resolve(HttpContext context)
    {
        var scope = AccountClaims.ScopeOf(context.User, anonymous);
        return scope == AccountScope.Public ? CacheScope.Public : new CacheScope(scope.Key, IsPublic: false);
    }
}
