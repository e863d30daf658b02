using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace IamGraph.Http.Authentication;

/// <summary>
/// Authenticates GraphQL requests that carry an <c>Authorization</c> header. A valid token becomes the caller's identity;
/// a bad, expired or unsigned one is answered 401 with <c>WWW-Authenticate</c> and a GraphQL error, never with data.
/// No header: the caller is anonymous. No authentication configured: tokens are not read and every caller is anonymous.
/// </summary>
internal sealed class BearerTokenMiddleware(
    RequestDelegate next,
    IOptions<BearerTokenOptions> options,
    FailedAuthenticationLimiter failures,
    ILogger<BearerTokenMiddleware> logger)
{
    public const string UnauthenticatedCode = "UNAUTHENTICATED";
    public const string TooManyFailuresCode = "TOO_MANY_FAILED_AUTHENTICATIONS";

    public Task InvokeAsync(HttpContext context) =>
        // No token to check: straight on, without an async frame of our own on every anonymous request.
        !options.Value.IsConfigured || string.IsNullOrEmpty(context.Request.Headers.Authorization)
            ? next(context)
            : AuthenticateAsync(context);

    private async Task AuthenticateAsync(HttpContext context)
    {
        string address = FailedAuthenticationLimiter.KeyOf(context.Connection.RemoteIpAddress);
        if (failures.IsLockedOut(address))
        {
            context.Response.Headers.RetryAfter = ((int)FailedAuthenticationLimiter.Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, TooManyFailuresCode, "Too many failed authentications from this address; try again later.");
            return;
        }

        AuthenticateResult result = await context.AuthenticateAsync(BearerTokenAuthentication.Scheme);
        if (result.Succeeded)
        {
            context.User = result.Principal;
            await next(context);
            return;
        }

        failures.RecordFailure(address);
        string reason = Describe(result.Failure);
        logger.LogInformation("Rejected a GraphQL request from {Address}: {Reason}", address, reason);
        context.Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{reason}\"";
        await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, UnauthenticatedCode, $"The bearer token was not accepted: {reason}");
    }

    // Our words, not the token library's: its messages can carry token content.
    private static string Describe(Exception? failure) => failure switch
    {
        null => "the Authorization header does not hold a bearer token",
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenNoExpirationException => "the token has no expiry",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "the signature does not verify",
        SecurityTokenInvalidAudienceException => "the audience is not this API",
        SecurityTokenInvalidIssuerException => "the issuer is not trusted",
        SecurityTokenInvalidAlgorithmException => "the signing algorithm is not accepted",
        SecurityTokenMalformedException or ArgumentException => "the token is malformed",
        _ => "the token is invalid",
    };

    private static Task WriteErrorAsync(HttpContext context, int statusCode, string code, string message)
    {
        context.Response.StatusCode = statusCode;
        return GraphQLHttpEndpoint.WriteRefusalAsync(context, code, message);
    }
}
