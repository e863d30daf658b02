using IamGraph.Catalog;
using IamGraph.Testing;

namespace IamGraph.Tests;

/// <summary>One server over the bundled sample, shared by a test class (starting one costs about a second).</summary>
public sealed class SampleServerFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();

    public RunningServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await RunningServer.StartAsync(CatalogConnection.Parse(_dir.File("sample.db")));

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public void Dispose() => _dir.Dispose();
}
