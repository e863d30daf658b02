using IamGraph.Http.Tests.TestApp;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;

namespace IamGraph.Http.Tests.Infrastructure;

/// <summary>
/// The books app in process on a TestServer, started on first use. <see cref="WithSettings"/> gives another one with
/// `GraphQL:*` configuration overridden, disposed with this one.
/// </summary>
public sealed class TestHostFactory : IDisposable
{
    private readonly (string Key, string Value)[] _settings;
    private readonly Lazy<WebApplication> _app;
    private readonly List<TestHostFactory> _derived = [];

    public TestHostFactory()
        : this([])
    {
    }

    private TestHostFactory((string Key, string Value)[] settings)
    {
        _settings = settings;
        _app = new Lazy<WebApplication>(Start);
    }

    public IServiceProvider Services => _app.Value.Services;

    /// <summary>A client of the in-process server; it does not follow redirects, so tests see them.</summary>
    public HttpClient CreateClient() => _app.Value.GetTestClient();

    public TestHostFactory WithSettings(params (string Key, string Value)[] settings)
    {
        var derived = new TestHostFactory([.. _settings, .. settings]);
        lock (_derived)
        {
            _derived.Add(derived);
        }

        return derived;
    }

    private WebApplication Start()
    {
        WebApplication app = BooksApp.Build(_settings, builder => builder.WebHost.UseTestServer());
        app.Start();
        return app;
    }

    public void Dispose()
    {
        lock (_derived)
        {
            _derived.ForEach(d => d.Dispose());
        }

        if (_app.IsValueCreated)
        {
            _app.Value.StopAsync().GetAwaiter().GetResult();
            ((IDisposable)_app.Value).Dispose();
        }
    }
}
