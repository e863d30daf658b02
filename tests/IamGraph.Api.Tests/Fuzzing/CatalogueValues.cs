using System.Text.Json;

using IamGraph.Api.Common.Relay;

namespace IamGraph.Api.Tests.Fuzzing;

/// <summary>
/// What the generator draws names from: the fixture's catalogue as the API itself lists it (ordered, so the same on every
/// engine and every run), plus ids that name nothing, so lookups hit and miss.
/// </summary>
public sealed record CatalogueValues(
    IReadOnlyList<string> Policies,
    IReadOnlyList<string> PolicyArns,
    IReadOnlyList<string> Paths,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> Services,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> RoleArns,
    IReadOnlyList<string> Findings,
    IReadOnlyList<string> NodeIds)
{
    public static async Task<CatalogueValues> ReadAsync(ApiFixture api)
    {
        var data = await api.DataAsync("""
            { policies(first: 1000) { nodes { id name arn path } }
              actions(first: 1000) { nodes { id name } }
              services(first: 1000) { nodes { id name } }
              roles(first: 1000) { nodes { id name arn path } }
              dataQuality(first: 1000) { nodes { kind category entity file } } }
            """);
        static string[] Strings(JsonElement connection, params string[] fields) =>
            [.. connection.GetProperty("nodes").EnumerateArray()
                .SelectMany(n => fields.Select(f => n.GetProperty(f)))
                .Where(v => v.ValueKind == JsonValueKind.String)
                .Select(v => v.GetString()!)
                .Distinct(StringComparer.Ordinal)];
        var ids = Strings(data.At("policies"), "id").Concat(Strings(data.At("actions"), "id")).Concat(Strings(data.At("services"), "id"))
            .Concat(Strings(data.At("roles"), "id"))
            .Concat([NodeId.Encode("Policy", 99_999), NodeId.Encode("Action", 0), NodeId.Encode("Role", -1), NodeId.Encode("Bogus", 1), NodeId.Encode("Policy", int.MaxValue)]);
        return new CatalogueValues(
            Strings(data.At("policies"), "name"),
            Strings(data.At("policies"), "arn"),
            [.. Strings(data.At("policies"), "path").Concat(Strings(data.At("roles"), "path")).Distinct(StringComparer.Ordinal)],
            Strings(data.At("actions"), "name"),
            Strings(data.At("services"), "name"),
            Strings(data.At("roles"), "name"),
            Strings(data.At("roles"), "arn"),
            Strings(data.At("dataQuality"), "kind", "category", "entity", "file"),
            [.. ids]);
    }
}
