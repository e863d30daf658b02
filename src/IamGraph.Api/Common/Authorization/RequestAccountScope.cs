using IamGraph.Catalog;

namespace IamGraph.Api.Common.Authorization;

/// <summary>
/// The accounts this request may see: one per DI scope, set from the caller before execution (IamGraphSchema's execution
/// hook) and read by every catalogue context the request opens. Public until set.
/// </summary>
public sealed class RequestAccountScope
{
    public AccountScope Current { get; set; } = AccountScope.Public;
}
