using System.Diagnostics;

namespace IamGraph.Testing;

/// <summary>Runs a node script of one of the npm packages under tests/tools.</summary>
public static class NodeScript
{
    /// <summary>Runs <c>node script args...</c> in <paramref name="directory"/>: exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string directory, string script, IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("node", [script, .. args])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await node.WaitForExitAsync(cancel.Token);
        return (node.ExitCode, await stdout + await stderr);
    }
}
