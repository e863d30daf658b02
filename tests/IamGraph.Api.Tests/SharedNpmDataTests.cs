using IamGraph.Api.Tests.Engines;
using IamGraph.Catalog;
using IamGraph.Import;
using IamGraph.Testing;

namespace IamGraph.Api.Tests;

/// <summary>Needs the shared docs and npm packages: skipped where either is absent, failing instead under CI=true.</summary>
public sealed class SharedDataFactAttribute() : CiAwareFactAttribute(
    SharedDocs.Directory is null || SharedNpmPackages.Directory is null,
    $"Shared docs or npm packages not found (set {SharedDocs.EnvironmentVariable} and {SharedNpmPackages.EnvironmentVariable}); under CI=true this test fails instead.");

/// <summary>The shared docs with both npm packages, imported for real into SQLite once, on first use.</summary>
public sealed class SharedNpmDataCatalog : IAsyncLifetime
{
    private readonly Lazy<Task<ImportedFixture>> _api = new(async () =>
    {
        var fixture = new ImportedFixture();
        await fixture.InitializeAsync();
        return fixture;
    });

    public Task<ImportedFixture> GetAsync() => _api.Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_api.IsValueCreated)
        {
            await (await _api.Value).DisposeAsync();
        }
    }

    public sealed class ImportedFixture() : ApiFixture(CatalogProvider.Sqlite)
    {
        protected override void Write(TestCatalog catalog) =>
            CatalogImporter.Import(new ImportInputs(SharedDocs.Require(), SharedNpmPackages.ManagedPolicies, SharedNpmPackages.ActionCatalog), catalog.Connection);
    }
}

/// <summary>Issue 9's numbers through GraphQL over the real data (docs + both packages).</summary>
public sealed class SharedNpmDataTests(SharedNpmDataCatalog catalog) : IClassFixture<SharedNpmDataCatalog>
{
    [SharedDataFact]
    public async Task Effective_permissions_versions_and_access_levels_match_IAM()
    {
        var api = await catalog.GetAsync();
        var data = await api.DataAsync("""
            { powerUser: policy(name: "PowerUserAccess") { effectiveActions { totalCount } unrestricted: effectiveActions(unrestricted: true) { totalCount }
                versions { totalCount } defaultVersion { versionId statements { effect notActions } } }
              denyAll: policy(name: "AWSDenyAll") { effectiveActions { totalCount } accessSummary { actionCount } versions { totalCount } }
              acm: policy(name: "AWSCertificateManagerReadOnly") { effectiveActions { totalCount } defaultVersion { statements { effect } } }
              passRole: action(name: "iam:PassRole") { accessLevel grantedBy { totalCount } unrestricted: grantedBy(unrestricted: true) { totalCount } limited: grantedBy(unrestricted: false) { totalCount } }
              granting: policiesGranting(actions: ["iam:PassRole"], unrestricted: true) { totalCount }
              pmIam: policiesGrantingAccess(level: PERMISSIONS_MANAGEMENT, service: "iam") { totalCount }
              pmIamUnrestricted: policiesGrantingAccess(level: PERMISSIONS_MANAGEMENT, service: "iam", unrestricted: true, first: 10) { totalCount nodes { name } } }
            """);

        var powerUser = data.At("powerUser");
        var granted = powerUser.At("effectiveActions", "totalCount").GetInt32();
        Assert.True(granted > 22000, $"PowerUserAccess grants {granted}");
        // Its NotAction statement has no Condition, Resource "*": every grant is unrestricted.
        Assert.Equal(granted, powerUser.At("unrestricted", "totalCount").GetInt32());
        Assert.Equal((10, "v12"), (powerUser.At("versions", "totalCount").GetInt32(), powerUser.At("defaultVersion", "versionId").GetString()));
        Assert.Contains("iam:*", powerUser.At("defaultVersion", "statements")[0].At("notActions").EnumerateArray().Select(a => a.GetString()));

        Assert.Equal((0, 0, 2), (data.At("denyAll", "effectiveActions", "totalCount").GetInt32(), data.At("denyAll", "accessSummary").GetArrayLength(),
            data.At("denyAll", "versions", "totalCount").GetInt32()));
        // A Statement given as a single object: one statement, and grants.
        Assert.Equal(1, data.At("acm", "defaultVersion", "statements").GetArrayLength());
        Assert.Equal(16, data.At("acm", "effectiveActions", "totalCount").GetInt32());

        var passRole = data.At("passRole");
        Assert.Equal(["WRITE"], passRole.At("accessLevel").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal((260, 7, 253), (passRole.At("grantedBy", "totalCount").GetInt32(), passRole.At("unrestricted", "totalCount").GetInt32(),
            passRole.At("limited", "totalCount").GetInt32()));
        Assert.Equal(7, data.At("granting", "totalCount").GetInt32());

        Assert.Equal(37, data.At("pmIam", "totalCount").GetInt32());
        Assert.Equal(4, data.At("pmIamUnrestricted", "totalCount").GetInt32());
        Assert.Contains("IAMFullAccess", data.At("pmIamUnrestricted").Names());
    }
}
