using Xunit;

namespace IamGraph.Testing;

/// <summary>
/// A fact that needs something outside .NET (node_modules, Chromium). Locally it is skipped, with the reason,
/// when that is missing; under CI (env CI=true) it always runs, so a missing install fails loudly.
/// </summary>
public abstract class CiAwareFactAttribute : FactAttribute
{
    protected CiAwareFactAttribute(bool prerequisiteMissing, string reason)
    {
        if (prerequisiteMissing && !TestEnvironment.InCi)
        {
            Skip = reason;
        }
    }
}
