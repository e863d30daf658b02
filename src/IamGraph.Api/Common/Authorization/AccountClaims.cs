using System.Security.Claims;
using System.Text.Json;

using IamGraph.Catalog;

namespace IamGraph.Api.Common.Authorization;

/// <summary>Reads which accounts a caller may see from its (already validated) identity.</summary>
public static class AccountClaims
{
    /// <summary>The claim listing the caller's account ids: a JSON array, or the single value <c>*</c> for all.</summary>
    public const string ClaimType = "iamgraph_accounts";

    /// <summary>
    /// An authenticated caller sees the accounts its claim lists (none without the claim); an anonymous caller sees
    /// <paramref name="anonymous"/>, which is the public catalogue unless the host was told otherwise.
    /// </summary>
    public static AccountScope ScopeOf(ClaimsPrincipal? user, AccountScope anonymous)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return anonymous;
        }

        var accounts = new List<string>();
        // A JSON array claim arrives as one claim per element from the JWT handler; a client that sends the array as a
        // string arrives as one claim holding the array's text.
        foreach (var claim in user.FindAll(ClaimType))
        {
            string value = claim.Value.Trim();
            if (value == "*")
            {
                return AccountScope.Everything;
            }
            if (value.StartsWith('['))
            {
                accounts.AddRange(ParseArray(value));
            }
            else
            {
                accounts.Add(value);
            }
        }
        return accounts.Contains("*") ? AccountScope.Everything : AccountScope.Of(accounts);
    }

    private static IEnumerable<string> ParseArray(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<string[]>(json)?.Where(a => a is not null) ?? [];
        }
        catch (JsonException)
        {
            // Not an array of strings: grants nothing rather than guessing.
            return [];
        }
    }
}
