using IamGraph.Catalog.Entities;
using IamGraph.Import.Model;

using static IamGraph.Import.Tests.Model.DocsCatalogs;

namespace IamGraph.Import.Tests.Model;

/// <summary>Issue 9: the docs, policy documents and the action catalogue joined on ARN, counted by hand.</summary>
public sealed class MultiSourceCatalogTests
{
    private static readonly SourceRef Where = new("managedPolicies.json", 1);

    private static StatementEntry Allow(int ordinal, params string[] actions) =>
        new(ordinal, null, StatementEffect.Allow, actions, [], ["*"], [], null);

    private static ManagedPolicyEntry Managed(string name, string defaultVersion, params PolicyVersionEntry[] versions) =>
        new(name, $"arn:aws:iam::aws:policy/{name}", defaultVersion, new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), null, versions, Where);

    private static PolicyVersionEntry Version(string id, params StatementEntry[] statements) =>
        new(id, null, "{}", statements, StatementIsObject: false, Where);

    private static ActionCatalogSource Catalog(params (string Name, AccessLevel Level)[] actions) =>
        new("iam-data.tgz",
        [
            .. actions.GroupBy(a => a.Name[..a.Name.IndexOf(':', StringComparison.Ordinal)]).Select(g => new CatalogServiceEntry(
                g.Key, $"Service {g.Key}",
                [.. g.Select(a => new CatalogActionEntry(a.Name, $"Does {a.Name}", [a.Level], [], [], []))], [], [])),
        ],
        []);

    [Fact]
    public void A_policy_with_a_document_takes_its_actions_and_grants_from_its_default_version_and_the_docs_become_a_cross_check()
    {
        // The docs show v1 (s3:GetObject); the default is v2, which also allows s3:PutObject and denies nothing.
        var docs = Of([Policy("Mixed", "arn:aws:iam::aws:policy/Mixed", "s3:GetObject"), Policy("DocsOnly", "arn:aws:iam::aws:policy/DocsOnly", "s3:*")]);
        var managed = new ManagedPolicySource("managed.tgz", [Managed("Mixed", "v2", Version("v1", Allow(0, "s3:GetObject")), Version("v2", Allow(0, "s3:GetObject", "s3:PutObject")))], []);
        var catalog = Catalog(("s3:GetObject", AccessLevel.Read), ("s3:PutObject", AccessLevel.Write), ("s3:ListBucket", AccessLevel.List));

        var snapshot = CatalogBuilder.Build(new CatalogSources(docs, managed, catalog));

        var mixed = snapshot.Policies.Single(p => p.Name == "Mixed");
        Assert.Equal(PolicySources.Docs | PolicySources.ManagedPolicies, mixed.Sources);
        Assert.Equal("v2", mixed.DefaultVersionId);
        Assert.Equal(["s3:GetObject", "s3:PutObject"], Named(snapshot, mixed.Id));
        Assert.Equal(["s3:GetObject", "s3:PutObject"], Granted(snapshot, mixed.Id));
        Assert.All(snapshot.EffectiveGrants.Where(g => g.PolicyId == mixed.Id), g => Assert.True(g.Unrestricted));
        var differ = Assert.Single(snapshot.Findings, f => f.Kind == FindingKinds.DocsDifferFromDocument);
        Assert.Contains("v1", differ.Message);
        Assert.Contains("v2", differ.Message);

        // Docs-only: today's reading (every catalogue action its pattern matches), and no word on limits.
        var docsOnly = snapshot.Policies.Single(p => p.Name == "DocsOnly");
        Assert.Equal(PolicySources.Docs, docsOnly.Sources);
        Assert.Equal(["s3:GetObject", "s3:ListBucket", "s3:PutObject"], Granted(snapshot, docsOnly.Id));
        Assert.All(snapshot.EffectiveGrants.Where(g => g.PolicyId == docsOnly.Id), g => Assert.Null(g.Unrestricted));

        // Versions and statements are stored in version order, the default marked.
        Assert.Equal([("v1", false), ("v2", true)], snapshot.PolicyVersions.Select(v => (v.VersionId, v.IsDefault)));
        Assert.Equal(2, snapshot.Statements.Count);
        Assert.Equal(3, snapshot.StatementActions.Count);
    }

    [Fact]
    public void The_catalogue_spelling_is_canonical_and_its_fields_reach_every_case_variant()
    {
        var docs = Of([Policy("Lower", "arn:aws:iam::aws:policy/Lower", "s3:getobject"), Policy("Again", "arn:aws:iam::aws:policy/Again", "s3:getobject")]);
        var catalog = Catalog(("s3:GetObject", AccessLevel.Read));

        var snapshot = CatalogBuilder.Build(new CatalogSources(docs, null, catalog));

        var canonical = snapshot.Actions.Single(a => a.Name == "s3:GetObject");
        var variant = snapshot.Actions.Single(a => a.Name == "s3:getobject");
        Assert.Equal(canonical.Id, variant.CanonicalId);
        Assert.Equal(canonical.Id, canonical.CanonicalId);
        Assert.Equal((AccessLevels.Read, true, "Does s3:GetObject"), (variant.AccessLevel, variant.InCatalog, variant.Description));
        Assert.Equal("Service s3", snapshot.Services.Single(s => s.Name == "s3").Title);
        Assert.Equal(2, canonical.GrantedByCount);
    }

    [Fact]
    public void Deny_and_NotAction_in_the_default_version_decide_the_grants()
    {
        var managed = new ManagedPolicySource("managed.tgz",
        [
            Managed("DenyAll", "v1", Version("v1", new StatementEntry(0, null, StatementEffect.Deny, ["*"], [], ["*"], [], null))),
            Managed("PowerUser", "v1", Version("v1", new StatementEntry(0, null, StatementEffect.Allow, [], ["iam:*"], ["*"], [], null))),
        ], []);
        var catalog = Catalog(("s3:GetObject", AccessLevel.Read), ("iam:PassRole", AccessLevel.Write), ("ec2:RunInstances", AccessLevel.Write));

        var snapshot = CatalogBuilder.Build(new CatalogSources(null, managed, catalog));

        Assert.Empty(Granted(snapshot, snapshot.Policies.Single(p => p.Name == "DenyAll").Id));
        var power = snapshot.Policies.Single(p => p.Name == "PowerUser");
        Assert.Equal(["ec2:RunInstances", "s3:GetObject"], Granted(snapshot, power.Id));
        Assert.Equal(2, power.EffectiveActionCount);
        Assert.Equal(["iam:*"], Named(snapshot, power.Id));
    }

    [Fact]
    public async Task The_versions_are_handed_over_before_the_rest_and_each_statement_keeps_the_strings_it_names()
    {
        // Beta comes first in the package and last by name; its second version has two statements, one with NotAction.
        var managed = new ManagedPolicySource("managed.tgz",
        [
            Managed("Beta", "v2", Version("v1", Allow(0, "s3:GetObject")),
                Version("v2", Allow(0, "s3:PutObject", "s3:GetObject"), new StatementEntry(1, "NotIam", StatementEffect.Allow, [], ["iam:*"], ["*"], [], null))),
            Managed("Alpha", "v1", Version("v1", Allow(0, "ec2:RunInstances", "ec2:RunInstances"))),
        ], []);
        var parts = new CatalogParts();

        var whole = CatalogBuilder.Build(new CatalogSources(null, managed, null), parts);

        Assert.True(parts.Versions.IsCompletedSuccessfully);
        var versions = await parts.Versions;
        Assert.Equal(whole.PolicyVersions, versions.PolicyVersions);
        Assert.Equal(whole.Statements, versions.Statements);
        Assert.Equal([(1, "Alpha", "v1"), (2, "Beta", "v1"), (3, "Beta", "v2")], versions.PolicyVersions.Select(v => (v.Id, whole.Policies[v.PolicyId - 1].Name, v.VersionId)));
        Assert.Equal([(1, 1, 0), (2, 2, 0), (3, 3, 0), (4, 3, 1)], versions.Statements.Select(s => (s.Id, s.PolicyVersionId, s.Ordinal)));
        Assert.Equal(
            [(1, "ec2:RunInstances", false), (2, "s3:GetObject", false), (3, "s3:GetObject", false), (3, "s3:PutObject", false), (4, "iam:*", true)],
            whole.StatementActions.Select(l => (l.StatementId, whole.Actions[l.ActionId - 1].Name, l.IsNotAction)));
    }

    private static string[] Named(CatalogSnapshot s, int policyId) =>
        [.. s.PolicyActions.Where(l => l.LeftId == policyId).Select(l => s.Actions[l.RightId - 1].Name).Order(StringComparer.Ordinal)];

    private static string[] Granted(CatalogSnapshot s, int policyId) =>
        [.. s.EffectiveGrants.Where(g => g.PolicyId == policyId).Select(g => s.Actions[g.ActionId - 1].Name).Order(StringComparer.Ordinal)];
}
