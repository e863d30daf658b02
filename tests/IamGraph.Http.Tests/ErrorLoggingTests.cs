using IamGraph.Http.Tests.TestApp;
using IamGraph.Testing;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

using static IamGraph.Http.Tests.Infrastructure.GraphQLHttp;

namespace IamGraph.Http.Tests;

/// <summary>
/// Issue 14, defect 7: client errors are one Information line with their code; only an unexpected exception is an
/// error with its stack trace (the composed server's client errors are tested in IamGraph.Tests).
/// </summary>
public sealed class ErrorLoggingTests
{
    [Fact]
    public async Task An_unexpected_exception_is_logged_as_an_error_with_its_stack_trace()
    {
        using var logs = new CapturedLogs();
        await using WebApplication app = await StartWithLogsAsync(logs);
        using HttpClient client = app.GetTestClient();

        using HttpResponseMessage response = await client.SendAsync(Post("{ boom }", GraphQLResponseJson));

        CapturedLogEntry fault = Assert.Single(logs.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Error, fault.Level);
        Assert.IsType<InvalidOperationException>(fault.Exception);
        Assert.NotNull(fault.Exception.StackTrace);
    }

    [Theory]
    [InlineData("{ nope }", "FIELDS_ON_CORRECT_TYPE")]
    [InlineData("{ ...A } fragment A on Query { hello ...B } fragment B on Query { ...A }", "NO_FRAGMENT_CYCLES")]
    [InlineData("{ books { related { related { related { related { title } } } } } }", "COMPLEXITY")]
    [InlineData("{ slow }", "TIMEOUT")]
    public async Task A_client_error_is_one_Information_line_with_its_code(string query, string code)
    {
        using var logs = new CapturedLogs();
        await using WebApplication app = await StartWithLogsAsync(logs, ("GraphQL:ExecutionTimeout", "00:00:00.300"));
        using HttpClient client = app.GetTestClient();

        using HttpResponseMessage response = await client.SendAsync(Post(query, GraphQLResponseJson));

        Assert.Equal(code, (await response.ReadJsonAsync()).FirstErrorCode());
        CapturedLogEntry entry = Assert.Single(logs.Entries, e => e.Category == typeof(GraphQLHttpEndpoint).FullName);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Null(entry.Exception);
        Assert.Contains(code, entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', entry.Message);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    private static async Task<WebApplication> StartWithLogsAsync(CapturedLogs logs, params (string Key, string Value)[] settings)
    {
        WebApplication app = BooksApp.Build(settings, builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Logging.AddProvider(logs);
        });
        await app.StartAsync();
        return app;
    }
}
