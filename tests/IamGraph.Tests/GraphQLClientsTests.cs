using IamGraph.Testing;

namespace IamGraph.Tests;

/// <summary>
/// Issue 12, as a frontend developer meets it: graphql-js and relay-compiler (tests/tools/graphql-clients) against the
/// composed server over the bundled sample, on a real socket.
/// </summary>
public sealed class GraphQLClientsTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    private readonly RunningServer _server = fixture.Server;

    [ClientsFact]
    public Task Graphql_js_full_introspection_round_trips_to_the_committed_sdl() =>
        AssertAllOk("introspection", _server.GraphQLEndpoint.ToString(), Repository.Path("src", "IamGraph.Api", "schema.graphql"));

    [ClientsFact]
    public Task Relay_compiler_validates_frontend_operations_against_the_live_schema() =>
        AssertAllOk("relay", _server.GraphQLEndpoint.ToString());

    [ClientsFact]
    public Task Case_1_full_introspection() => Case(1);

    [ClientsFact]
    public Task Case_2_sort_keys_in_the_order_written() => Case(2);

    [ClientsFact]
    public Task Case_3_ngt_ngte_nlt_nlte() => Case(3);

    [ClientsFact]
    public Task Case_4_id_in_filters_and_sorting_by_a_related_object() => Case(4);

    [ClientsFact]
    public Task Case_5_mutation_and_subscription_say_what_is_missing() => Case(5);

    [ClientsFact]
    public Task Case_6_the_ide_service_worker_is_served() => Case(6);

    [ClientsFact]
    public Task Case_7_errors_carry_code_only_with_plain_apostrophes() => Case(7);

    private Task Case(int number) => AssertAllOk("case", number.ToString(System.Globalization.CultureInfo.InvariantCulture), _server.GraphQLEndpoint.ToString());

    private static async Task AssertAllOk(params string[] args)
    {
        var (exitCode, output) = await GraphQLClients.RunAsync(args);

        Assert.True(exitCode == 0, output);
        Assert.Contains("graphql clients: all ok", output);
        Assert.DoesNotContain("FAIL", output);
    }
}
