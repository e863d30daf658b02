using System.Text;

using IamGraph.Catalog.Entities;
using IamGraph.Import.Model;
using IamGraph.Import.Reading.Accounts;
using IamGraph.Testing;

namespace IamGraph.Import.Tests.Model;

/// <summary>Issue 10's model: accounts' policies joined to the others, principals linked to them, their counts by the rules.</summary>
public sealed class AccountCatalogTests
{
    private static AccountSource Read(string json) => AccountDetailsReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "account.json");

    private static StatementEntry Allow(params string[] actions) => new(0, null, StatementEffect.Allow, actions, [], ["*"], [], null);

    [Fact]
    public void An_attached_policy_no_source_has_is_a_finding_and_makes_the_principal_and_its_groups_members_incomplete()
    {
        var account = Read("""
            {"UserDetailList": [ {"UserName": "u", "Arn": "arn:aws:iam::1:user/u", "GroupList": ["g", "ghost"], "AttachedManagedPolicies": []} ],
             "GroupDetailList": [ {"GroupName": "g", "Arn": "arn:aws:iam::1:group/g", "AttachedManagedPolicies": [ {"PolicyName": "Gone", "PolicyArn": "arn:aws:iam::aws:policy/Gone"} ]} ]}
            """);
        var catalog = CatalogBuilder.Build(new CatalogSources(null, null, null, [account]));

        Assert.True(catalog.Accounts.Groups.Single().Incomplete);
        Assert.True(catalog.Accounts.Users.Single().Incomplete);
        Assert.Equal(
            [(AccountFindingKinds.AttachedPolicyMissing, "group:arn:aws:iam::1:group/g"), (AccountFindingKinds.GroupMissing, "user:arn:aws:iam::1:user/u")],
            catalog.Findings.Where(f => f.Kind is AccountFindingKinds.AttachedPolicyMissing or AccountFindingKinds.GroupMissing).Select(f => (f.Kind, f.Entity)));
    }

    [Fact]
    public void An_AWS_managed_policy_in_the_file_merges_with_the_packages_by_version_id_the_files_document_and_default_winning()
    {
        var where = new SourceRef("managedPolicies.json", 1);
        PolicyVersionEntry Version(string id, params string[] actions) => new(id, null, "{\"package\":\"" + id + "\"}", [Allow(actions)], false, where);
        var managed = new ManagedPolicySource("managed.tgz",
            [new ManagedPolicyEntry("P", "arn:aws:iam::aws:policy/P", "v3", null, null, [Version("v1", "a:One"), Version("v2", "a:Two"), Version("v3", "a:Three")], where)], []);
        var account = Read("""
            {"UserDetailList": [ {"UserName": "u", "Arn": "arn:aws:iam::1:user/u", "AttachedManagedPolicies": [ {"PolicyName": "P", "PolicyArn": "arn:aws:iam::aws:policy/P"} ]} ],
             "Policies": [ {"PolicyName": "P", "Arn": "arn:aws:iam::aws:policy/P", "DefaultVersionId": "v2", "PolicyVersionList": [
               {"VersionId": "v2", "Document": {"Statement": {"Effect": "Allow", "Action": "a:FromFile", "Resource": "*"}}} ]} ]}
            """);
        var catalog = CatalogBuilder.Build(new CatalogSources(null, managed, null, [account]));

        var policy = catalog.Policies.Single();
        Assert.Equal("v2", policy.DefaultVersionId);
        // Public: that some account's file carries it too is no caller's business (issue 13), so its sources are the package's.
        Assert.Equal(PolicySources.ManagedPolicies, policy.Sources);
        Assert.Equal(PolicyKind.AwsManaged, policy.Kind);
        Assert.Null(policy.AccountId);
        Assert.Equal(["v1", "v2", "v3"], catalog.PolicyVersions.Select(v => v.VersionId));
        Assert.Contains("a:FromFile", catalog.PolicyVersions.Single(v => v.VersionId == "v2").Document, StringComparison.Ordinal);
        // The user's one action is the file's v2's.
        var granted = catalog.EffectiveGrants.Select(g => catalog.Actions[g.ActionId - 1].Name);
        Assert.Equal(["a:FromFile"], granted);
        Assert.Equal(1, catalog.Accounts.Users.Single().EffectiveActionCount);
    }

    [Fact]
    public void An_accounts_policies_add_no_action_and_count_in_no_stored_count_and_their_unknown_strings_are_the_accounts_findings()
    {
        var where = new SourceRef("managedPolicies.json", 1);
        var managed = new ManagedPolicySource("managed.tgz",
            [new ManagedPolicyEntry("Pub", "arn:aws:iam::aws:policy/Pub", "v1", null, null, [new("v1", null, "{}", [Allow("s3:GetObject", "s3:GetObjectAcl")], true, where)], where)], []);
        var account = Read("""
            {"RoleDetailList": [ {"RoleName": "r", "Arn": "arn:aws:iam::1:role/r", "AttachedManagedPolicies": [ {"PolicyName": "Pub", "PolicyArn": "arn:aws:iam::aws:policy/Pub"} ]} ],
             "Policies": [ {"PolicyName": "Own", "Arn": "arn:aws:iam::1:policy/Own", "DefaultVersionId": "v1", "PolicyVersionList": [
               {"VersionId": "v1", "Document": {"Statement": {"Effect": "Allow", "Action": ["s3:GetObject", "corp:DoThing", "S3:GETOBJECTACL", "s3:GetObject?cl"], "Resource": "*"}}} ]} ]}
            """);
        var withAccount = CatalogBuilder.Build(new CatalogSources(null, managed, null, [account]));
        var publicOnly = CatalogBuilder.Build(new CatalogSources(null, managed, null, null));

        // The same actions and services, with the same stored counts, as an import without the account.
        Assert.Equal(publicOnly.Actions, withAccount.Actions);
        Assert.Equal(publicOnly.Services, withAccount.Services);
        var pub = withAccount.Policies.Single(p => p.Name == "Pub");
        Assert.Equal(0, pub.RoleCount);

        // The account's policy links to the row spelled exactly so, and is granted what its strings match among the public actions.
        var own = withAccount.Policies.Single(p => p.Name == "Own");
        Assert.Equal(["s3:GetObject"], withAccount.PolicyActions.Where(l => l.LeftId == own.Id).Select(l => withAccount.Actions[l.RightId - 1].Name));
        Assert.Equal(["s3:GetObject", "s3:GetObjectAcl"], withAccount.EffectiveGrants.Where(g => g.PolicyId == own.Id).Select(g => withAccount.Actions[g.ActionId - 1].Name));
        Assert.Equal(2, own.EffectiveActionCount);

        var findings = withAccount.Findings.Where(f => f.Kind == FindingKinds.ActionUnknownToCatalogue).ToArray();
        Assert.Equal(3, findings.Length);
        Assert.All(findings, f => Assert.Equal("1", f.AccountId));
        Assert.All(withAccount.Findings.Where(f => f.AccountId is null), f => Assert.Contains(f, publicOnly.Findings));
    }

    [AccountDataFact]
    public void The_example_file_imports_with_its_counts_and_principals_computed_by_hand()
    {
        var account = AccountDetailsReader.Read(SharedAccounts.RequireExample());
        // Accounts do not extend the action universe (issue 13): the file's strings are given as known actions, as an
        // action catalogue would give them, so the counts below are over every action the file names.
        string[] named = [.. account.Policies.SelectMany(p => p.Versions).Concat(account.Principals.SelectMany(p => p.InlinePolicies).Select(i => i.Document))
            .SelectMany(v => v.Statements).SelectMany(s => s.Actions.Concat(s.NotActions))];
        var catalog = CatalogBuilder.Build(new CatalogSources(null, null, null, [account]), named);

        // 32 managed policies (2 customer-managed, 30 AWS-managed) and 6 inline ones.
        Assert.Equal(38, catalog.Policies.Count);
        Assert.Equal(2, catalog.Policies.Count(p => p.Kind == PolicyKind.CustomerManaged));
        Assert.Equal(6, catalog.Policies.Count(p => p.Kind == PolicyKind.Inline));
        Assert.Equal(3, catalog.Accounts.Users.Count);
        Assert.Equal(2, catalog.Accounts.Groups.Count);
        Assert.Equal(3, catalog.Roles.Count(r => r.Account is not null));
        Assert.DoesNotContain(catalog.Findings, f => f.Kind is AccountFindingKinds.AttachedPolicyMissing or AccountFindingKinds.GroupMissing);

        var roles = catalog.Roles.ToDictionary(r => r.Name);
        // MyRole: its inline EC2-IAM-example names eight actions on "*".
        Assert.Equal(8, roles["MyRole"].EffectiveActionCount);
        // OverprivilegedEC2: InsecurePolicy (s3:PutObject, s3:PutObjectAcl) and inline SupYo (secretsmanager:GetSecretValue, s3:GetObject, iam:CreateAccessKey).
        Assert.Equal(5, roles["OverprivilegedEC2"].EffectiveActionCount);

        // Through group admin, AdministratorAccess ("*"): every concrete action the file names.
        var everything = catalog.Actions.Count(a => !a.IsWildcard && a.CanonicalId == a.Id);
        var users = catalog.Accounts.Users.ToDictionary(u => u.Name);
        Assert.Equal(everything, users["userwithlotsofpermissions"].EffectiveActionCount);
        Assert.Equal(everything, users["obama"].EffectiveActionCount);

        // biden: AWSLambdaFullAccess and inline InsecureUserPolicy itself, AmazonRDSFullAccess and InlinePolicyForBidenGroup
        // through group biden; none denies anything, so its actions are the union of the four's grants.
        var biden = users["biden"];
        Assert.Equal(4, biden.PolicyCount);
        Assert.Equal(1, biden.MemberCount);
        var four = catalog.Policies.Where(p => p.Name is "AWSLambdaFullAccess" or "InsecureUserPolicy" or "AmazonRDSFullAccess" or "InlinePolicyForBidenGroup").ToArray();
        Assert.Equal(5, four.Length); // two users hold an inline InsecureUserPolicy
        var bidensOwn = four.Where(p => !p.Arn.Contains("userwithlotsofpermissions", StringComparison.Ordinal)).Select(p => p.Id).ToHashSet();
        var union = catalog.EffectiveGrants.Where(g => bidensOwn.Contains(g.PolicyId)).Select(g => g.ActionId).Distinct().Count();
        Assert.Equal(union, biden.EffectiveActionCount);
        Assert.Equal(PolicyAttachment.Group, catalog.Accounts.PrincipalPolicies.Single(h => h.Kind == PrincipalKind.User && h.PrincipalId == biden.Id
            && catalog.Policies[h.PolicyId - 1].Name == "InlinePolicyForBidenGroup").Attachment);
    }
}
