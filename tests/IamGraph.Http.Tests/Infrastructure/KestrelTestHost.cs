using Microsoft.AspNetCore.Mvc.Testing;

namespace IamGraph.Http.Tests.Infrastructure;

/// <summary>
/// The books test app on a real Kestrel socket (127.0.0.1, random port), for clients outside the process:
/// the graphql-http audit and the browser.
/// </summary>
public sealed class KestrelTestHost : IDisposable
{
    private readonly WebApplicationFactory<Program> _factory = new();

    public KestrelTestHost()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseAddress = _factory.ClientOptions.BaseAddress;
    }

    /// <summary>E.g. http://127.0.0.1:41234/</summary>
    public Uri BaseAddress { get; }

    public Uri GraphQLEndpoint => new(BaseAddress, "/graphql");

    public void Dispose() => _factory.Dispose();
}
