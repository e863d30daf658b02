using IamGraph.Http.Tests.Infrastructure;
using IamGraph.Testing;

namespace IamGraph.Http.Tests;

/// <summary>graphql-http's server audit against the endpoint on a real socket: every audit must be ok.</summary>
public sealed class GraphQLHttpAuditTests
{
    [AuditFact]
    public async Task Graphql_http_audit_reports_every_audit_ok()
    {
        using var host = new KestrelTestHost();

        var (exitCode, output) = await GraphQLHttpAudit.RunAsync(host.GraphQLEndpoint);

        Assert.True(exitCode == 0, output);
        Assert.Contains("graphql-http audit: 61 ok of 61", output);
    }
}
