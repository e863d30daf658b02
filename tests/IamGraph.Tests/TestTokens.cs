using System.Security.Claims;
using System.Text;

using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IamGraph.Tests;

/// <summary>HS256 tokens as an identity provider sharing a secret with the server would issue them.</summary>
public static class TestTokens
{
    public const string SigningKey = "iamgraph-tests-shared-secret-0123456789abcdef";
    public const string Audience = "iamgraph-tests";

    /// <summary>Server arguments that configure bearer tokens with <see cref="SigningKey"/> and <see cref="Audience"/>.</summary>
    public static string[] ServerArgs(params string[] more) =>
        [$"--Auth:Jwt:SigningKey={SigningKey}", $"--Auth:Jwt:Audience={Audience}", .. more];

    /// <summary>
    /// A signed token. <paramref name="accounts"/>: the <c>iamgraph_accounts</c> claim as a JSON array (null: no claim;
    /// <c>["*"]</c> is sent as the single value <c>*</c>).
    /// </summary>
    public static string Issue(
        string[]? accounts,
        DateTime? expires = null,
        string signingKey = SigningKey,
        string audience = Audience,
        bool withExpiry = true)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["sub"] = "tester" };
        if (accounts is not null)
        {
            claims["iamgraph_accounts"] = accounts is ["*"] ? "*" : accounts;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Audience = audience,
            Claims = claims,
            IssuedAt = now.AddMinutes(-10),
            NotBefore = now.AddMinutes(-10),
            Expires = withExpiry ? expires ?? now.AddHours(1) : null,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
        };
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = withExpiry };
        return handler.CreateToken(descriptor);
    }

    public static ClaimsPrincipal Principal(string[]? accounts)
    {
        var identity = new ClaimsIdentity("test");
        foreach (var account in accounts ?? [])
        {
            identity.AddClaim(new Claim("iamgraph_accounts", account));
        }
        return new ClaimsPrincipal(identity);
    }
}
