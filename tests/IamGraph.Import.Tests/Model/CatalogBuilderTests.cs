using IamGraph.Import.Model;
using static IamGraph.Import.Tests.Model.DocsCatalogs;

namespace IamGraph.Import.Tests.Model;

public class CatalogBuilderTests
{
    [Fact]
    public void Entities_are_the_distinct_names_in_ordinal_order()
    {
        var catalog = CatalogBuilder.Build(Small());

        Assert.Equal(["Admin", "MixedCase", "ReadS3"], catalog.Policies.Select(p => p.Name));
        Assert.Equal(["*", "S3:GetObject", "ecr:BatchGet*", "s3:GetObject", "s3:ListBucket", "s3:getObject"], catalog.Actions.Select(a => a.Name));
        Assert.Equal(["S3", "all", "ecr", "s3"], catalog.Services.Select(s => s.Name));
        Assert.Equal(["Builder", "Nobody"], catalog.Roles.Select(r => r.Name));
    }

    [Fact]
    public void Actions_know_their_service_and_whether_they_are_patterns()
    {
        var catalog = CatalogBuilder.Build(Small());
        string ServiceOf(string action) => catalog.Services.Single(s => s.Id == catalog.Actions.Single(a => a.Name == action).ServiceId).Name;

        Assert.Equal("all", ServiceOf("*"));
        Assert.Equal("S3", ServiceOf("S3:GetObject"));
        Assert.Equal("s3", ServiceOf("s3:getObject"));
        Assert.Equal(["*", "ecr:BatchGet*"], catalog.Actions.Where(a => a.IsWildcard).Select(a => a.Name));
    }

    [Fact]
    public void Duplicate_rows_in_a_page_collapse_and_are_reported_with_their_line()
    {
        var catalog = CatalogBuilder.Build(Small());

        var readS3 = catalog.Policies.Single(p => p.Name == "ReadS3");
        Assert.Equal(2, readS3.ActionCount);
        Assert.Equal(2, catalog.PolicyActions.Count(l => l.LeftId == readS3.Id));
        var duplicate = Assert.Single(catalog.Findings, f => f.Kind == FindingKinds.DuplicateRow);
        Assert.Equal("policies/reads3.md", duplicate.File);
        Assert.Equal(12, duplicate.Line);
        Assert.Contains("s3:GetObject", duplicate.Message);
    }

    [Fact]
    public void Derived_relations_and_counts_follow_from_policy_and_role_pages()
    {
        var catalog = CatalogBuilder.Build(Small());
        var mixed = catalog.Policies.Single(p => p.Name == "MixedCase");
        var builder = catalog.Roles.Single(r => r.Name == "Builder");
        var s3 = catalog.Services.Single(s => s.Name == "s3");

        Assert.Equal("/service-role/", mixed.Path);
        Assert.True(mixed.AwsManaged);
        Assert.Equal((3, 3, 1), (mixed.ActionCount, mixed.ServiceCount, mixed.RoleCount));
        // Builder: ReadS3 (s3:GetObject, s3:ListBucket) + MixedCase (S3:GetObject, s3:getObject, ecr:BatchGet*).
        Assert.Equal((2, 5, 3), (builder.PolicyCount, builder.ActionCount, builder.ServiceCount));
        Assert.Equal(5, catalog.RoleActions.Count(l => l.LeftId == builder.Id));
        // s3 (lower case) holds s3:GetObject, s3:ListBucket, s3:getObject; named by ReadS3 and MixedCase.
        Assert.Equal((3, 2, 1), (s3.ActionCount, s3.PolicyCount, s3.RoleCount));
        var star = catalog.Actions.Single(a => a.Name == "*");
        Assert.Equal((1, 0), (star.PolicyCount, star.RoleCount));
        var nobody = catalog.Roles.Single(r => r.Name == "Nobody");
        Assert.Equal((0, 0, 0), (nobody.PolicyCount, nobody.ActionCount, nobody.ServiceCount));
    }

    [Fact]
    public void The_same_ARN_under_two_names_is_an_error_naming_both_files()
    {
        var docs = Of([Policy("One", "arn:aws:iam::aws:policy/Same", "s3:GetObject"), Policy("Two", "arn:aws:iam::aws:policy/Same", "s3:PutObject")]);

        var error = Assert.Throws<ImportException>(() => CatalogBuilder.Build(docs));

        Assert.Equal("policies/two.md", error.File);
        Assert.Contains("policies/one.md", error.Message);
        Assert.Contains("arn:aws:iam::aws:policy/Same", error.Message);
    }

    [Fact]
    public void A_role_naming_an_unknown_policy_keeps_the_rest_and_says_so()
    {
        var docs = Of([Policy("Known", "arn:aws:iam::aws:policy/Known", "s3:GetObject")], [Role("R", "arn:aws:iam::aws:policy/Known", "arn:aws:iam::aws:policy/Gone")]);

        var catalog = CatalogBuilder.Build(docs);

        Assert.Equal(1, catalog.Roles.Single().PolicyCount);
        var finding = Assert.Single(catalog.Findings, f => f.Kind == FindingKinds.UnknownPolicyArn);
        Assert.Equal(("roles/r.md", 9), (finding.File, finding.Line));
    }

    [Fact]
    public void Index_counts_that_disagree_are_discrepancies_with_declared_and_actual()
    {
        var index = new[]
        {
            new IndexEntry(EntityKind.Service, "s3", "s3", Roles: null, Policies: 5, Actions: 3, Services: null, new SourceRef("services/README.md", 9)),
            new IndexEntry(EntityKind.Policy, "ReadS3", "reads3", Roles: null, Policies: null, Actions: 2, Services: 1, new SourceRef("policies/README.md", 7)),
            new IndexEntry(EntityKind.Policy, "Ghost", "ghost", null, null, 1, 1, new SourceRef("policies/README.md", 8)),
        };

        var catalog = CatalogBuilder.Build(Of(Small().Policies, index: index));

        var mismatch = Assert.Single(catalog.Findings, f => f.Kind == FindingKinds.IndexCountMismatch);
        Assert.Equal(("service:s3", "services/README.md", 9, 5L, 2L), (mismatch.Entity, mismatch.File, mismatch.Line, mismatch.Declared, mismatch.Actual));
        Assert.Equal(FindingCategory.Discrepancy, mismatch.Category);
        Assert.Contains(catalog.Findings, f => f.Kind == FindingKinds.IndexEntryWithoutData && f.Entity == "policy:Ghost");
        Assert.Equal(["policy:Admin", "policy:MixedCase"], catalog.Findings.Where(f => f.Kind == FindingKinds.MissingFromIndex && f.Entity!.StartsWith("policy:", StringComparison.Ordinal)).Select(f => f.Entity));
    }

    [Fact]
    public void A_policy_index_count_that_counts_duplicate_rows_is_no_discrepancy()
    {
        // ReadS3 has three rows, one a duplicate: two distinct actions.
        var index = new[]
        {
            new IndexEntry(EntityKind.Policy, "ReadS3", "reads3", null, null, Actions: 3, Services: 1, new SourceRef("policies/README.md", 7)),
            new IndexEntry(EntityKind.Policy, "Admin", "admin", null, null, Actions: 4, Services: 1, new SourceRef("policies/README.md", 8)),
        };

        var catalog = CatalogBuilder.Build(Of(Small().Policies, index: index));

        var mismatch = Assert.Single(catalog.Findings, f => f.Kind == FindingKinds.IndexCountMismatch);
        Assert.Equal(("policy:Admin", 4L, 1L), (mismatch.Entity, mismatch.Declared, mismatch.Actual));
    }

    [Fact]
    public void Case_variants_sharing_one_page_are_reported_as_lost_pages()
    {
        var page = new ActionPage("s3:getObject", [new Sourced<string>("arn:aws:iam::aws:policy/service-role/MixedCase", new SourceRef("actions/s3:getobject.md", 7))], [], [], new SourceRef("actions/s3:getobject.md", 1));

        var catalog = CatalogBuilder.Build(Of(Small().Policies, actionPages: [page]));

        var lost = catalog.Findings.Where(f => f.Kind == FindingKinds.PageLostToSlugCollision).Select(f => f.Entity).Order(StringComparer.Ordinal);
        Assert.Equal(["action:S3:GetObject", "action:s3:GetObject"], lost);
        Assert.DoesNotContain(catalog.Findings, f => f.Kind == FindingKinds.DetailPageMismatch);
    }

    [Fact]
    public void Known_actions_no_policy_names_join_with_no_policies_and_are_matched_by_patterns()
    {
        var catalog = CatalogBuilder.Build(Small(), knownActions: ["ec2:RunInstances", "s3:ListBucket"]);

        var runInstances = catalog.Actions.Single(a => a.Name == "ec2:RunInstances");
        var ec2 = catalog.Services.Single(s => s.Name == "ec2");
        Assert.Equal((0, 0, runInstances.Id), (runInstances.PolicyCount, runInstances.RoleCount, runInstances.CanonicalId));
        Assert.Equal((0, 1, ec2.Id), (ec2.PolicyCount, ec2.ActionCount, ec2.CanonicalId));
        // Admin's * grants it; a name the policies already use is not added twice.
        var admin = catalog.Policies.Single(p => p.Name == "Admin");
        Assert.Contains(catalog.EffectiveGrants, g => g.PolicyId == admin.Id && g.ActionId == runInstances.Id);
        Assert.Single(catalog.Actions, a => a.Name == "s3:ListBucket");
        Assert.Equal(CatalogBuilder.Build(Small()).Actions.Count + 1, catalog.Actions.Count);
    }

    [Fact]
    public void Policies_of_one_name_take_ids_in_ARN_order_and_the_later_ones_are_reported_with_the_first()
    {
        var catalog = CatalogBuilder.Build(Of(
        [
            Policy("Same", "arn:aws:iam::aws:policy/z/Same", "s3:GetObject"),
            Policy("Other", "arn:aws:iam::aws:policy/Other", "s3:GetObject"),
            Policy("Same", "arn:aws:iam::aws:policy/a/Same", "s3:GetObject"),
            Policy("Same", "arn:aws:iam::aws:policy/m/Same", "s3:GetObject"),
        ]));

        Assert.Equal(
            ["arn:aws:iam::aws:policy/Other", "arn:aws:iam::aws:policy/a/Same", "arn:aws:iam::aws:policy/m/Same", "arn:aws:iam::aws:policy/z/Same"],
            catalog.Policies.OrderBy(p => p.Id).Select(p => p.Arn));
        var duplicates = catalog.Findings.Where(f => f.Kind == FindingKinds.DuplicatePolicyName).ToList();
        Assert.Equal(["policies/same.md", "policies/same.md"], duplicates.Select(f => f.File));
        Assert.Equal(
            [
                "Two policies are named 'Same': arn:aws:iam::aws:policy/a/Same and arn:aws:iam::aws:policy/m/Same; look them up by ARN.",
                "Two policies are named 'Same': arn:aws:iam::aws:policy/a/Same and arn:aws:iam::aws:policy/z/Same; look them up by ARN.",
            ],
            duplicates.Select(f => f.Message));
    }

    [Fact]
    public void An_accounts_policy_clashes_by_name_with_the_public_ones_and_its_own_accounts_never_with_another_accounts()
    {
        const string First = "111111111111", Second = "222222222222";
        var docs = Of(
        [
            Policy("Shared", "arn:aws:iam::aws:policy/Shared", "s3:GetObject"),
            Policy("Shared", $"arn:aws:iam::{First}:policy/Shared", "s3:GetObject"),
            Policy("Own", $"arn:aws:iam::{First}:policy/a/Own", "s3:GetObject"),
            Policy("Own", $"arn:aws:iam::{First}:policy/b/Own", "s3:GetObject"),
            Policy("Own", $"arn:aws:iam::{Second}:policy/Own", "s3:GetObject"),
        ]);
        var accountOf = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"arn:aws:iam::{First}:policy/Shared"] = First,
            [$"arn:aws:iam::{First}:policy/a/Own"] = First,
            [$"arn:aws:iam::{First}:policy/b/Own"] = First,
            [$"arn:aws:iam::{Second}:policy/Own"] = Second,
        };

        var catalog = CatalogBuilder.Build(new CatalogSources(docs), null, accountOf);

        var duplicates = catalog.Findings.Where(f => f.Kind == FindingKinds.DuplicatePolicyName).Select(f => (f.AccountId, f.Message)).ToList();
        Assert.Equal(
            [
                (First, $"Two policies are named 'Own': arn:aws:iam::{First}:policy/a/Own and arn:aws:iam::{First}:policy/b/Own; look them up by ARN."),
                (First, $"Two policies are named 'Shared': arn:aws:iam::aws:policy/Shared and arn:aws:iam::{First}:policy/Shared; look them up by ARN."),
            ],
            duplicates);
    }
}
