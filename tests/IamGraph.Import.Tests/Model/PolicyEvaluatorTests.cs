using IamGraph.Catalog.Entities;
using IamGraph.Import.Model;

namespace IamGraph.Import.Tests.Model;

/// <summary>Effective permissions over a universe of 15 catalogue actions, every expected grant worked out by hand.</summary>
public class PolicyEvaluatorTests
{
    private static readonly string[] Catalog =
    [
        "account:GetAccountInformation",
        "ec2:DescribeInstances", "ec2:RunInstances",
        "iam:CreateRole", "iam:GetRole", "iam:ListRoles", "iam:PassRole",
        "organizations:DescribeOrganization", "organizations:ListAccounts",
        "s3:GetBucketAcl", "s3:GetObject", "s3:GetObjectAcl", "s3:ListBucket", "s3:PutObject",
        "sts:AssumeRole",
    ];

    private const string Bucket = "arn:aws:s3:::bucket/*";
    private const string SourceIpCondition = """{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}""";

    private static ActionUniverse Universe(params string[][] namedByPolicies) => ActionUniverse.Build(Catalog, namedByPolicies);

    private static StatementEntry Allow(string[]? actions = null, string[]? notActions = null, string[]? resources = null, string[]? notResources = null,
        string? condition = null, int ordinal = 0) =>
        new(ordinal, null, StatementEffect.Allow, actions ?? [], notActions ?? [], resources ?? (notResources is null ? ["*"] : []), notResources ?? [], condition);

    private static StatementEntry Deny(string[]? actions = null, string[]? notActions = null, string[]? resources = null, string[]? notResources = null,
        string? condition = null, int ordinal = 0) =>
        new(ordinal, "Deny" + ordinal, StatementEffect.Deny, actions ?? [], notActions ?? [], resources ?? (notResources is null ? ["*"] : []), notResources ?? [], condition);

    private static PolicyEvaluation Evaluate(ActionUniverse universe, params StatementEntry[] statements) => new PolicyEvaluator(universe).Evaluate(statements);

    private static string[] Granted(ActionUniverse universe, PolicyEvaluation evaluation) =>
        [.. evaluation.Grants.Select(g => universe.NameOf(g.ActionId)).Order(StringComparer.Ordinal)];

    private static ActionGrant GrantOf(ActionUniverse universe, PolicyEvaluation evaluation, string action) =>
        evaluation.Grants.Single(g => universe.NameOf(g.ActionId) == action);

    private static readonly string[] AllS3 = ["s3:GetBucketAcl", "s3:GetObject", "s3:GetObjectAcl", "s3:ListBucket", "s3:PutObject"];

    [Fact]
    public void A_single_statement_with_a_wildcard_in_the_middle_grants_what_it_matches_unrestricted()
    {
        var universe = Universe();
        var evaluation = Evaluate(universe, Allow(["s3:Get*Acl"]));

        Assert.Equal(["s3:GetBucketAcl", "s3:GetObjectAcl"], Granted(universe, evaluation));
        Assert.All(evaluation.Grants, g =>
        {
            Assert.Equal(["s3:Get*Acl"], g.Via);
            Assert.Equal(GrantLimits.None, g.Limits);
            Assert.True(g.Unrestricted);
        });
        Assert.Empty(evaluation.MatchingNothing);
        Assert.Empty(evaluation.NotInCatalog);
    }

    [Fact]
    public void A_question_mark_matches_exactly_one_character()
    {
        var universe = Universe();

        Assert.Equal(["s3:GetObject"], Granted(universe, Evaluate(universe, Allow(["s3:Get?bject"]))));
        Assert.Equal(["iam:GetRole"], Granted(universe, Evaluate(universe, Allow(["iam:?etRole", "iam:GetRole?"]))));
    }

    [Fact]
    public void Patterns_and_names_match_ignoring_case_and_the_via_keeps_the_policys_spelling()
    {
        var universe = Universe(["S3:getobject", "s3:GETOBJECTACL"]);
        var evaluation = Evaluate(universe, Allow(["S3:getobject", "s3:GETOBJECTACL", "IAM:*ROLE"]));

        Assert.Equal(["iam:CreateRole", "iam:GetRole", "iam:PassRole", "s3:GetObject", "s3:GetObjectAcl"], Granted(universe, evaluation));
        Assert.Equal(["S3:getobject"], GrantOf(universe, evaluation, "s3:GetObject").Via);
        Assert.Equal(["s3:GETOBJECTACL"], GrantOf(universe, evaluation, "s3:GetObjectAcl").Via);
        Assert.Equal(["IAM:*ROLE"], GrantOf(universe, evaluation, "iam:PassRole").Via);
        Assert.Empty(evaluation.NotInCatalog); // the catalogue has them, in another case
    }

    [Fact]
    public void A_Deny_without_condition_on_every_resource_removes_what_it_matches()
    {
        var universe = Universe();
        var evaluation = Evaluate(universe, Allow(["s3:*"]), Deny(["s3:Put*", "s3:List*"], ordinal: 1));

        Assert.Equal(["s3:GetBucketAcl", "s3:GetObject", "s3:GetObjectAcl"], Granted(universe, evaluation));
        Assert.All(evaluation.Grants, g => Assert.Equal(GrantLimits.None, g.Limits));
    }

    [Fact]
    public void A_Deny_whose_resources_include_the_star_among_ARNs_still_covers_every_resource()
    {
        var universe = Universe();
        var evaluation = Evaluate(universe, Allow(["s3:*"]), Deny(["s3:PutObject"], resources: [Bucket, "*"], ordinal: 1));

        Assert.Equal(["s3:GetBucketAcl", "s3:GetObject", "s3:GetObjectAcl", "s3:ListBucket"], Granted(universe, evaluation));
    }

    public static TheoryData<string, StatementEntry> LimitedDenies => new()
    {
        { "condition", Deny(["s3:Put*"], condition: SourceIpCondition, ordinal: 1) },
        { "specific resource", Deny(["s3:Put*"], resources: [Bucket], ordinal: 1) },
        { "not resource", Deny(["s3:Put*"], notResources: [Bucket], ordinal: 1) },
        { "condition on every resource", Deny(["s3:Put*"], resources: ["*"], condition: SourceIpCondition, ordinal: 1) },
    };

    [Theory]
    [MemberData(nameof(LimitedDenies))]
    public void A_Deny_with_a_condition_specific_resources_or_NotResource_removes_nothing_and_marks_the_grant_possibly_denied(string kind, StatementEntry deny)
    {
        var universe = Universe();
        var evaluation = Evaluate(universe, Allow(["s3:*"]), deny);

        Assert.True(AllS3.SequenceEqual(Granted(universe, evaluation)), kind);
        var put = GrantOf(universe, evaluation, "s3:PutObject");
        Assert.Equal(GrantLimits.PossiblyDenied, put.Limits);
        Assert.True(put.PossiblyDenied);
        Assert.True(put.Unrestricted); // the Allow side is still unrestricted
        Assert.All(evaluation.Grants.Where(g => g.ActionId != put.ActionId), g => Assert.Equal(GrantLimits.None, g.Limits));
    }

    [Fact]
    public void An_empty_condition_block_is_no_condition()
    {
        var universe = Universe();
        var evaluation = Evaluate(universe, Allow(["s3:*"], condition: " { } "), Deny(["s3:Put*"], condition: "{}", ordinal: 1));

        Assert.Equal(["s3:GetBucketAcl", "s3:GetObject", "s3:GetObjectAcl", "s3:ListBucket"], Granted(universe, evaluation));
        Assert.All(evaluation.Grants, g => Assert.True(g.Unrestricted));
    }

    [Fact]
    public void Allow_with_NotAction_grants_everything_its_patterns_do_not_match()
    {
        var universe = Universe();
        var evaluation = Evaluate(universe, Allow(notActions: ["s3:*", "IAM:*", "ec2:Run*"], ordinal: 3));

        Assert.Equal(
            ["account:GetAccountInformation", "ec2:DescribeInstances", "organizations:DescribeOrganization", "organizations:ListAccounts", "sts:AssumeRole"],
            Granted(universe, evaluation));
        Assert.All(evaluation.Grants, g =>
        {
            Assert.Equal(["NotAction#3"], g.Via);
            Assert.True(g.Unrestricted);
        });
    }

    [Fact]
    public void Deny_with_NotAction_removes_everything_its_patterns_do_not_match()
    {
        var universe = Universe();
        var evaluation = Evaluate(universe, Allow(["*"]), Deny(notActions: ["s3:Get*", "sts:*"], ordinal: 1));

        Assert.Equal(["s3:GetBucketAcl", "s3:GetObject", "s3:GetObjectAcl", "sts:AssumeRole"], Granted(universe, evaluation));
        Assert.All(evaluation.Grants, g => Assert.Equal(["*"], g.Via));
    }

    [Fact]
    public void Deny_with_NotAction_and_a_condition_only_marks_what_it_would_deny()
    {
        var universe = Universe();
        var evaluation = Evaluate(universe, Allow(["s3:*"]), Deny(notActions: ["s3:Get*"], condition: SourceIpCondition, ordinal: 1));

        Assert.Equal(AllS3, Granted(universe, evaluation));
        string[] possiblyDenied = [.. evaluation.Grants.Where(g => g.PossiblyDenied).Select(g => universe.NameOf(g.ActionId)).Order(StringComparer.Ordinal)];
        Assert.Equal(["s3:ListBucket", "s3:PutObject"], possiblyDenied);
    }

    [Fact]
    public void NotResource_on_an_Allow_limits_the_grant()
    {
        var universe = Universe();
        var evaluation = Evaluate(universe, Allow(["iam:Get*"], notResources: ["arn:aws:iam::*:role/admin"]));

        var grant = Assert.Single(evaluation.Grants);
        Assert.Equal("iam:GetRole", universe.NameOf(grant.ActionId));
        Assert.Equal(GrantLimits.NotResource, grant.Limits);
        Assert.False(grant.Unrestricted);
    }

    [Fact]
    public void Each_limit_is_named_and_an_unrestricted_statement_lifts_them_all()
    {
        var universe = Universe();
        var evaluation = Evaluate(universe,
            Allow(["ec2:RunInstances", "s3:PutObject"], resources: ["arn:aws:ec2:*:*:instance/*", Bucket], ordinal: 0),
            Allow(["ec2:DescribeInstances", "s3:PutObject"], condition: SourceIpCondition, ordinal: 1),
            Allow(["sts:AssumeRole"], notResources: ["arn:aws:iam::*:role/admin"], condition: SourceIpCondition, ordinal: 2),
            Allow(["iam:PassRole"], resources: ["arn:aws:iam::*:role/app"], condition: SourceIpCondition, ordinal: 3),
            Allow(["iam:PassRole", "s3:GetObject"], resources: [Bucket], ordinal: 4),
            Allow(["s3:GetObject"], ordinal: 5));

        Assert.Equal(["ec2:DescribeInstances", "ec2:RunInstances", "iam:PassRole", "s3:GetObject", "s3:PutObject", "sts:AssumeRole"], Granted(universe, evaluation));
        Assert.Equal(GrantLimits.Resource, GrantOf(universe, evaluation, "ec2:RunInstances").Limits);
        Assert.Equal(GrantLimits.Condition, GrantOf(universe, evaluation, "ec2:DescribeInstances").Limits);
        // Granted on the bucket unconditionally, or anywhere under the condition: both limits.
        Assert.Equal(GrantLimits.Resource | GrantLimits.Condition, GrantOf(universe, evaluation, "s3:PutObject").Limits);
        Assert.Equal(GrantLimits.NotResource | GrantLimits.Condition, GrantOf(universe, evaluation, "sts:AssumeRole").Limits);
        Assert.Equal(GrantLimits.Resource | GrantLimits.Condition, GrantOf(universe, evaluation, "iam:PassRole").Limits);
        var getObject = GrantOf(universe, evaluation, "s3:GetObject");
        Assert.Equal(GrantLimits.None, getObject.Limits);
        Assert.True(getObject.Unrestricted);
        Assert.Equal(["s3:GetObject"], getObject.Via);
        Assert.Single(evaluation.Grants, g => g.Unrestricted);
    }

    [Fact]
    public void An_Allow_without_any_resource_is_resource_limited()
    {
        var universe = Universe();
        var evaluation = Evaluate(universe, new StatementEntry(0, null, StatementEffect.Allow, ["sts:AssumeRole"], [], [], [], null));

        Assert.Equal(GrantLimits.Resource, Assert.Single(evaluation.Grants).Limits);
    }

    [Fact]
    public void Strings_granting_the_same_action_from_several_statements_are_merged_into_one_sorted_via()
    {
        var universe = Universe();
        var evaluation = Evaluate(universe,
            Allow(["s3:GetObject", "s3:Get*"], ordinal: 0),
            Allow(["s3:*Object", "s3:GetObject"], condition: SourceIpCondition, ordinal: 1),
            Allow(notActions: ["iam:*", "s3:Put*"], resources: [Bucket], ordinal: 2));

        var getObject = GrantOf(universe, evaluation, "s3:GetObject");
        Assert.Equal(["NotAction#2", "s3:*Object", "s3:Get*", "s3:GetObject"], getObject.Via);
        Assert.True(getObject.Unrestricted);
        var putObject = GrantOf(universe, evaluation, "s3:PutObject");
        Assert.Equal(["s3:*Object"], putObject.Via);
        Assert.Equal(GrantLimits.Condition, putObject.Limits);
        var getBucketAcl = GrantOf(universe, evaluation, "s3:GetBucketAcl");
        Assert.Equal(["NotAction#2", "s3:Get*"], getBucketAcl.Via);
        Assert.True(getBucketAcl.Unrestricted);
        var listBucket = GrantOf(universe, evaluation, "s3:ListBucket");
        Assert.Equal(["NotAction#2"], listBucket.Via);
        Assert.Equal(GrantLimits.Resource, listBucket.Limits);
        Assert.DoesNotContain("iam:PassRole", Granted(universe, evaluation));
        Assert.Equal(15 - 4, evaluation.Grants.Count); // every action but the 4 iam ones
    }

    [Fact]
    public void Only_Deny_everything_grants_nothing()
    {
        var universe = Universe();

        Assert.Empty(Evaluate(universe, Deny(["*"])).Grants);
        Assert.Empty(Evaluate(universe, Allow(["*"]), Deny(["*"], ordinal: 1)).Grants);
        Assert.Empty(Evaluate(universe, Allow(["s3:GetObject"]), Deny(notActions: ["iam:*"], ordinal: 1)).Grants);
    }

    [Fact]
    public void A_PowerUserAccess_like_document_grants_the_complement_plus_the_named_exceptions()
    {
        var universe = Universe(["iam:ListRoles", "organizations:DescribeOrganization", "account:GetAccountInformation"]);
        var evaluation = Evaluate(universe,
            Allow(notActions: ["iam:*", "organizations:*", "account:*"], ordinal: 0),
            Allow(["account:GetAccountInformation", "iam:ListRoles", "organizations:DescribeOrganization"], ordinal: 1));

        Assert.Equal(
            [
                "account:GetAccountInformation", "ec2:DescribeInstances", "ec2:RunInstances", "iam:ListRoles", "organizations:DescribeOrganization",
                "s3:GetBucketAcl", "s3:GetObject", "s3:GetObjectAcl", "s3:ListBucket", "s3:PutObject", "sts:AssumeRole",
            ],
            Granted(universe, evaluation));
        Assert.All(evaluation.Grants, g => Assert.True(g.Unrestricted));
        Assert.Equal(["NotAction#0"], GrantOf(universe, evaluation, "ec2:RunInstances").Via);
        Assert.Equal(["iam:ListRoles"], GrantOf(universe, evaluation, "iam:ListRoles").Via);
        // The 22,000 grants of the real policy share their via arrays.
        Assert.Same(GrantOf(universe, evaluation, "ec2:RunInstances").Via, GrantOf(universe, evaluation, "sts:AssumeRole").Via);
    }

    [Fact]
    public void Strings_that_match_nothing_or_that_the_catalogue_lacks_are_reported()
    {
        var universe = Universe(["deepracer:CreateModel"]);
        var evaluation = Evaluate(universe,
            Allow(["s3:Frobnicate*", "s3:GetObject", "deepracer:CreateModel", "S3:FROBNICATE*"]),
            Deny(["elastic-inference:*"], notResources: [Bucket], ordinal: 1),
            Deny(notActions: ["sts:*", "s3:*"], condition: SourceIpCondition, ordinal: 2));

        Assert.Equal(["deepracer:CreateModel", "s3:GetObject"], Granted(universe, evaluation));
        // The conditional Deny NotAction [sts:*, s3:*] covers deepracer:CreateModel, not s3:GetObject.
        Assert.True(GrantOf(universe, evaluation, "deepracer:CreateModel").PossiblyDenied);
        Assert.False(GrantOf(universe, evaluation, "s3:GetObject").PossiblyDenied);
        Assert.Equal(["elastic-inference:*", "s3:Frobnicate*"], evaluation.MatchingNothing);
        Assert.Equal(["deepracer:CreateModel"], evaluation.NotInCatalog);

        var findings = evaluation.Findings("policy:Test", new SourceRef("managedPolicies.json", 0)).ToArray();
        Assert.Equal(
            [FindingKinds.PatternMatchesNothing, FindingKinds.PatternMatchesNothing, FindingKinds.ActionNotInCatalog],
            findings.Select(f => f.Kind));
        Assert.All(findings, f => Assert.Equal("policy:Test", f.Entity));
        Assert.Contains("deepracer:CreateModel", findings[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_catalogue_nothing_is_reported_as_missing_from_it()
    {
        var universe = ActionUniverse.Build([], [["deepracer:CreateModel"]]);
        var evaluation = Evaluate(universe, Allow(["deepracer:CreateModel"]));

        Assert.Equal(["deepracer:CreateModel"], Granted(universe, evaluation));
        Assert.Empty(evaluation.NotInCatalog);
    }

    [Fact]
    public void A_statement_with_neither_Action_nor_NotAction_counts_for_nothing()
    {
        var universe = Universe();

        Assert.Empty(Evaluate(universe, Allow()).Grants);
        Assert.Equal(AllS3, Granted(universe, Evaluate(universe, Allow(["s3:*"]), Deny(ordinal: 1))));
    }

    [Fact]
    public void One_evaluator_gives_the_same_answers_when_reused()
    {
        var universe = Universe();
        var evaluator = new PolicyEvaluator(universe);
        var first = evaluator.Evaluate([Allow(["s3:Get*", "s3:*Object"], condition: SourceIpCondition)]);
        evaluator.Evaluate([Allow(["*"]), Deny(["iam:*"], condition: SourceIpCondition, ordinal: 1)]);
        var again = evaluator.Evaluate([Allow(["s3:Get*", "s3:*Object"], condition: SourceIpCondition)]);

        Assert.Equal(first.Grants.Select(g => (g.ActionId, string.Join(",", g.Via), g.Limits)), again.Grants.Select(g => (g.ActionId, string.Join(",", g.Via), g.Limits)));
        Assert.Equal(["s3:*Object", "s3:Get*"], GrantOf(universe, again, "s3:GetObject").Via);
    }
}
