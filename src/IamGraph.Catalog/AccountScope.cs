using IamGraph.Catalog.Entities;

namespace IamGraph.Catalog;

/// <summary>
/// The accounts a caller may see. The public catalogue is always visible; <see cref="IAccountOwned"/> rows only for the
/// listed accounts, or for all when <see cref="All"/>.
/// </summary>
public sealed record AccountScope
{
    private AccountScope(bool all, string[] accounts)
    {
        All = all;
        Accounts = accounts;
        Key = all ? "*" : accounts.Length == 0 ? "public" : "accounts:" + string.Join(',', accounts);
    }

    /// <summary>The public catalogue only: anonymous callers, and the default of every context (fail closed).</summary>
    public static AccountScope Public { get; } = new(false, []);

    /// <summary>Every account: <c>iamgraph query</c> on a local file, internal checks, a token whose claim is <c>*</c>.</summary>
    public static AccountScope Everything { get; } = new(true, []);

    public static AccountScope Of(IEnumerable<string> accounts)
    {
        string[] ids = [.. accounts.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        return ids.Length == 0 ? Public : new AccountScope(false, ids);
    }

    public bool All { get; }

    /// <summary>The visible accounts (ordinal order); empty with <see cref="All"/>. An array so EF Core sends it as one parameter.</summary>
    public string[] Accounts { get; }

    /// <summary>Names the scope in cache keys and ETags: two callers share cached answers only when their keys are equal.</summary>
    public string Key { get; }

    public bool Sees(string? accountId) => accountId is null || All || Array.IndexOf(Accounts, accountId) >= 0;

    public bool Equals(AccountScope? other) => other is not null && Key == other.Key;

    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Key;
}
