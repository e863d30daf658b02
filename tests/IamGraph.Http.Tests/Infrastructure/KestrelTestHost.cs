using IamGraph.Http.Tests.TestApp;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IamGraph.Http.Tests.Infrastructure;

/// <summary>
/// The books test app on a real Kestrel socket (127.0.0.1, random port), for clients outside the process:
/// the graphql-http audit and the browser.
/// </summary>
public sealed class KestrelTestHost : IDisposable
{
    private readonly WebApplication _app;

    public KestrelTestHost()
    {
        _app = BooksApp.Build([], builder => builder.WebHost.UseUrls("http://127.0.0.1:0"));
        _app.Start();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>E.g. http://127.0.0.1:41234/</summary>
    public Uri BaseAddress { get; }

    public Uri GraphQLEndpoint => new(BaseAddress, "/graphql");

    public void Dispose()
    {
        _app.StopAsync().GetAwaiter().GetResult();
        ((IDisposable)_app).Dispose();
    }
}
