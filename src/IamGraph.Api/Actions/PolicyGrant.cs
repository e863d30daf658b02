using System.Text.Json;

using IamGraph.Catalog.Entities;

namespace IamGraph.Api.Actions;

/// <summary>A policy granting an action, with the policy's own action strings that matched it (stored as a JSON array).</summary>
public sealed record PolicyGrant(Policy Policy, string ViaJson)
{
    public IReadOnlyList<string> Via => JsonSerializer.Deserialize<string[]>(ViaJson) ?? [];
}
