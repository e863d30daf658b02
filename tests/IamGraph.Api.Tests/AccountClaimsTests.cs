using System.Security.Claims;

using IamGraph.Api.Common.Authorization;
using IamGraph.Catalog;

namespace IamGraph.Api.Tests;

/// <summary>Which accounts a caller's identity opens: the claim as JWT handlers deliver it, in each shape it may take.</summary>
public sealed class AccountClaimsTests
{
    [Fact]
    public void An_anonymous_caller_gets_the_hosts_anonymous_scope()
    {
        Assert.Equal(AccountScope.Public, AccountClaims.ScopeOf(null, AccountScope.Public));
        Assert.Equal(AccountScope.Public, AccountClaims.ScopeOf(new ClaimsPrincipal(new ClaimsIdentity()), AccountScope.Public));
        Assert.Equal(AccountScope.Everything, AccountClaims.ScopeOf(new ClaimsPrincipal(new ClaimsIdentity()), AccountScope.Everything));
    }

    [Fact]
    public void An_authenticated_caller_without_the_claim_sees_the_public_catalogue_only_even_where_anonymous_sees_all()
    {
        var scope = AccountClaims.ScopeOf(Authenticated(), AccountScope.Everything);

        Assert.Equal(AccountScope.Public, scope);
        Assert.False(scope.Sees("111111111111"));
        Assert.True(scope.Sees(null));
    }

    [Fact]
    public void Array_elements_as_separate_claims_or_as_one_JSON_text_name_the_same_accounts()
    {
        var separate = AccountClaims.ScopeOf(Authenticated("222222222222", "111111111111"), AccountScope.Public);
        var text = AccountClaims.ScopeOf(Authenticated("[\"111111111111\",\"222222222222\"]"), AccountScope.Public);

        Assert.Equal(["111111111111", "222222222222"], separate.Accounts);
        Assert.Equal(separate, text);
        Assert.Equal("accounts:111111111111,222222222222", text.Key);
        Assert.True(text.Sees("222222222222"));
        Assert.False(text.Sees("333333333333"));
    }

    [Fact]
    public void A_star_opens_every_account_and_malformed_text_opens_none()
    {
        Assert.Equal(AccountScope.Everything, AccountClaims.ScopeOf(Authenticated("*"), AccountScope.Public));
        Assert.Equal(AccountScope.Everything, AccountClaims.ScopeOf(Authenticated("[\"*\"]"), AccountScope.Public));
        Assert.Equal(AccountScope.Public, AccountClaims.ScopeOf(Authenticated("[1, 2"), AccountScope.Public));
        Assert.NotEqual(AccountScope.Public.Key, AccountScope.Everything.Key);
    }

    private static ClaimsPrincipal Authenticated(params string[] accounts) =>
        new(new ClaimsIdentity(accounts.Select(a => new Claim(AccountClaims.ClaimType, a)), authenticationType: "Bearer"));
}
