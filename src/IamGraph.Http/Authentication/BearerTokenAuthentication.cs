using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace IamGraph.Http.Authentication;

/// <summary>Registration of JWT bearer authentication for the GraphQL endpoint (ASP.NET Core's handler, our answers).</summary>
public static class BearerTokenAuthentication
{
    public const string Scheme = JwtBearerDefaults.AuthenticationScheme;

    /// <summary>
    /// Binds <see cref="BearerTokenOptions"/> from <c>Auth:Jwt</c> and, when a signing key or an authority is set, adds the
    /// JWT bearer handler. Lifetime is always checked; issuer and audience when set.
    /// </summary>
    public static IServiceCollection AddIamGraphBearerTokens(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(BearerTokenOptions.SectionName);
        var settings = section.Get<BearerTokenOptions>() ?? new BearerTokenOptions();
        services.AddOptions<BearerTokenOptions>()
            .Bind(section)
            .Validate(BearerTokenOptions.IsValid, BearerTokenOptions.InvalidMessage)
            .ValidateOnStart();
        if (!settings.IsConfigured)
        {
            return services;
        }

        services.AddAuthentication(Scheme).AddJwtBearer(Scheme, jwt =>
        {
            // Claim names as the token spells them (`iamgraph_accounts`, `sub`), not mapped to WS-* URIs.
            jwt.MapInboundClaims = false;
            jwt.Authority = string.IsNullOrWhiteSpace(settings.Authority) ? null : settings.Authority;
            jwt.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = !string.IsNullOrEmpty(settings.Issuer) || jwt.Authority is not null,
                ValidIssuer = string.IsNullOrEmpty(settings.Issuer) ? null : settings.Issuer,
                ValidateAudience = !string.IsNullOrEmpty(settings.Audience),
                ValidAudience = string.IsNullOrEmpty(settings.Audience) ? null : settings.Audience,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.FromSeconds(30),
                ValidateIssuerSigningKey = true,
            };
            if (!string.IsNullOrEmpty(settings.SigningKey))
            {
                jwt.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(settings.SigningKey));
                jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
            }
        });
        return services;
    }

    /// <summary>Authenticates requests to the GraphQL endpoint at <paramref name="path"/> (not the IDE's files, not the health probes).</summary>
    public static IApplicationBuilder UseIamGraphBearerTokens(this IApplicationBuilder app, PathString path) =>
        app.UseWhen(context => context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase), branch => branch.UseMiddleware<BearerTokenMiddleware>());
}
