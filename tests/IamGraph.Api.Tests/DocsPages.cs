using IamGraph.Import.Model;

namespace IamGraph.Api.Tests;

/// <summary>Pages as the docs readers produce them, for catalogues built by the real import model.</summary>
internal static class DocsPages
{
    public static PolicyPage Policy(string name, string arn, params string[] actions) =>
        new(name, arn, [.. actions.Select((a, i) => new Sourced<string>(a, new SourceRef($"policies/{name.ToLowerInvariant()}.md", 10 + i)))], [], [],
            new SourceRef($"policies/{name.ToLowerInvariant()}.md", 1));

    public static RolePage Role(string name, string arn, params string[] policyArns) =>
        new(name, arn, [.. policyArns.Select((p, i) => new Sourced<string>(p, new SourceRef($"roles/{name.ToLowerInvariant()}.md", 8 + i)))], [],
            new SourceRef($"roles/{name.ToLowerInvariant()}.md", 1));
}
