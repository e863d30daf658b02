using IamGraph.Api.Common.Authorization;
using IamGraph.Catalog;

namespace IamGraph.Hosting;

/// <summary>
/// Refuses to serve a catalogue that holds account data (users' own IAM configuration) when nobody can be authenticated,
/// unless the operator said so explicitly (<c>--allow-anonymous-account-data</c>, for a laptop), which is logged as a warning.
/// The bundled sample's example account (<paramref name="sampleAccounts"/>, public data) is no user's: it is served, and said once.
/// </summary>
internal sealed class AccountDataGuard(
    CatalogConnection database, bool authenticates, bool allowAnonymous, IReadOnlyList<string>? sampleAccounts, ILogger<AccountDataGuard> logger) : IHostedService
{
    public const string RefusalMessage =
        "The catalogue holds account data (users' own IAM configuration) and no authentication is configured, so serve will not " +
        "start. Configure JWT bearer tokens: Auth:Jwt:Authority and Auth:Jwt:Audience for an identity provider, or " +
        "Auth:Jwt:SigningKey (at least 32 bytes, HS256) for a shared secret; as environment variables Auth__Jwt__Authority, " +
        "Auth__Jwt__Audience, Auth__Jwt__SigningKey. To show it to every caller on a machine only you can reach, start with " +
        "--allow-anonymous-account-data.";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (sampleAccounts is not null)
        {
            logger.LogInformation(
                "Serving the bundled sample: its example account ({Accounts}) is public example data, shown to every caller. Import your own data with `iamgraph import`.",
                string.Join(", ", sampleAccounts));
            return Task.CompletedTask;
        }
        if (authenticates || !CatalogCensus.HoldsAccountData(database))
        {
            return Task.CompletedTask;
        }
        if (!allowAnonymous)
        {
            throw new AccountDataWithoutAuthenticationException(RefusalMessage);
        }
        logger.LogWarning("Serving account data to anonymous callers (--allow-anonymous-account-data): anyone who reaches this server sees every account.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>serve will not show account data to everyone by accident; the command line says so and how to configure it.</summary>
public sealed class AccountDataWithoutAuthenticationException(string message) : InvalidOperationException(message);
