using IamGraph.Import.Model;

namespace IamGraph.Import.Tests.Model;

/// <summary>Builds small DocsCatalogs in code, as the readers would have produced them.</summary>
internal static class DocsCatalogs
{
    public static PolicyPage Policy(string name, string arn, params string[] actions) =>
        new(name, arn, [.. actions.Select((a, i) => new Sourced<string>(a, new SourceRef($"policies/{name.ToLowerInvariant()}.md", 10 + i)))], [], [], new SourceRef($"policies/{name.ToLowerInvariant()}.md", 1));

    public static RolePage Role(string name, params string[] policyArns) =>
        new(name, $"arn:aws:iam::123456789012:role/{name}", [.. policyArns.Select((a, i) => new Sourced<string>(a, new SourceRef($"roles/{name.ToLowerInvariant()}.md", 8 + i)))], [], new SourceRef($"roles/{name.ToLowerInvariant()}.md", 1));

    public static DocsCatalog Of(IEnumerable<PolicyPage> policies, IEnumerable<RolePage>? roles = null, IEnumerable<IndexEntry>? index = null,
        IEnumerable<ServicePage>? servicePages = null, IEnumerable<ActionPage>? actionPages = null) =>
        new("/docs", DocsLayout.Published, [.. policies], [.. roles ?? []], [.. servicePages ?? []], [.. actionPages ?? []], [.. index ?? []], []);

    /// <summary>Three policies, two roles, case variants and patterns: small enough to count by hand.</summary>
    public static DocsCatalog Small() => Of(
        [
            Policy("ReadS3", "arn:aws:iam::aws:policy/ReadS3", "s3:GetObject", "s3:ListBucket", "s3:GetObject"),
            Policy("Admin", "arn:aws:iam::aws:policy/Admin", "*"),
            Policy("MixedCase", "arn:aws:iam::aws:policy/service-role/MixedCase", "S3:GetObject", "s3:getObject", "ecr:BatchGet*"),
        ],
        [Role("Builder", "arn:aws:iam::aws:policy/ReadS3", "arn:aws:iam::aws:policy/service-role/MixedCase"), Role("Nobody")]);
}
