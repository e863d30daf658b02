

namespace IamGraph.Testing.Browser;

/// <summary>Skips locally when Debian's Chromium is missing (`apt-get install -y chromium`); fails under CI.</summary>
public sealed class BrowserFactAttribute : CiAwareFactAttribute
{
    public BrowserFactAttribute()
        : base(!ChromiumSession.IsInstalled, $"{ChromiumSession.ExecutablePath} is missing: apt-get install -y chromium")
    {
    }
}
