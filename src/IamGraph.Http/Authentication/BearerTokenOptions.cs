using System.Text;

namespace IamGraph.Http.Authentication;

/// <summary>
/// JWT bearer settings, bound from <c>Auth:Jwt</c> (so <c>Auth__Jwt__SigningKey</c> in the environment works). Either an
/// identity provider (<see cref="Authority"/>, found by OIDC discovery) or a shared <see cref="SigningKey"/> (HS256); neither
/// means no authentication: every caller is anonymous.
/// </summary>
public sealed class BearerTokenOptions
{
    public const string SectionName = "Auth:Jwt";

    /// <summary>Minimum length of a shared signing key in UTF-8 bytes: HS256 needs 256 bits.</summary>
    public const int MinimumSigningKeyBytes = 32;

    /// <summary>The identity provider's issuer URL; its keys come from <c>/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must name; checked when set.</summary>
    public string? Audience { get; set; }

    /// <summary>The issuer tokens must name; checked when set (with an authority, the discovered issuer is checked anyway).</summary>
    public string? Issuer { get; set; }

    /// <summary>A shared secret: its UTF-8 bytes sign tokens with HS256. For simple deployments and tests.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Whether the authority's metadata must come over HTTPS (true but for a local identity provider in development).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Failed authentications one client address may make per minute before its token-bearing requests get 429.</summary>
    public int FailedAttemptsPerMinute { get; set; } = 10;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrEmpty(SigningKey);

    internal static bool IsValid(BearerTokenOptions options) =>
        (string.IsNullOrEmpty(options.SigningKey) || Encoding.UTF8.GetByteCount(options.SigningKey) >= MinimumSigningKeyBytes)
        && options.FailedAttemptsPerMinute >= 1;

    internal const string InvalidMessage =
        "Auth:Jwt:SigningKey must be at least 32 bytes of UTF-8 (HS256), and Auth:Jwt:FailedAttemptsPerMinute at least 1.";
}
