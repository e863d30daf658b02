using System.Globalization;
using IamGraph.Api;
using IamGraph.Http;
using IamGraph.Testing;
using Microsoft.Extensions.Configuration;

namespace IamGraph.Tests;

/// <summary>
/// One place for the limits: the option classes' defaults are the server's, appsettings.json may only override them,
/// and the README's Limits table states what the server runs with.
/// </summary>
public sealed class DocumentedLimitsTests
{
    [Fact]
    public void The_README_states_the_option_defaults()
    {
        Assert.Equal(Sorted(Documented()), Sorted(Stated(new GraphQLHttpOptions(), new ApiOptions())));
    }

    [Fact]
    public void The_server_runs_with_the_limits_the_README_states()
    {
        // As IamGraphServer binds them, from the appsettings.json the executable ships.
        var configuration = new ConfigurationBuilder().AddJsonFile(Repository.Path("src", "IamGraph", "appsettings.json")).Build();
        var http = new GraphQLHttpOptions();
        configuration.GetSection(GraphQLHttpOptions.SectionName).Bind(http);
        var api = new ApiOptions();
        configuration.GetSection("Api").Bind(api);

        Assert.Equal(Sorted(Documented()), Sorted(Stated(http, api)));
    }

    /// <summary>The options in the README's words, keyed by the table's first column.</summary>
    private static Dictionary<string, string> Stated(GraphQLHttpOptions http, ApiOptions api) => new()
    {
        ["document size"] = Bytes(http.MaxDocumentBytes),
        ["request body"] = Bytes(http.MaxRequestBodyBytes),
        ["depth"] = Count(http.MaxDepth),
        ["aliases"] = Count(http.MaxAliases),
        ["page size (`first`/`last`)"] = $"{Count(api.MaxPageSize)} (`Api:MaxPageSize`)",
        ["complexity (objects a result could hold, plus rows a `where:` could visit)"] = Count(http.MaxComplexity),
        ["execution time (the database statement is stopped too)"] = $"{http.ExecutionTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s",
    };

    /// <summary>The rows of the table under "## Limits": limit -> default.</summary>
    private static Dictionary<string, string> Documented()
    {
        var lines = File.ReadAllLines(Repository.Path("README.md"));
        var section = lines.SkipWhile(l => l != "## Limits").Skip(1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal));
        return section
            .Where(l => l.StartsWith('|') && !l.StartsWith("|---", StringComparison.Ordinal) && !l.StartsWith("| limit ", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(cells => cells[1], cells => cells[2]);
    }

    private static List<KeyValuePair<string, string>> Sorted(Dictionary<string, string> rows) => [.. rows.OrderBy(r => r.Key, StringComparer.Ordinal)];

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Bytes(long n) => n % (1024 * 1024) == 0 ? $"{n / (1024 * 1024)} MiB" : $"{Count(n)} bytes";
}
