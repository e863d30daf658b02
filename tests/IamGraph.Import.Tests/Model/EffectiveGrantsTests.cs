using IamGraph.Catalog;
using IamGraph.Import.Model;
using static IamGraph.Import.Tests.Model.DocsCatalogs;

namespace IamGraph.Import.Tests.Model;

public class EffectiveGrantsTests
{
    [Theory]
    [InlineData("s3:*", "s3:getobject", true)]
    [InlineData("s3:*", "s3x:getobject", false)]
    [InlineData("s3:Get*", "s3:getobject", true)]
    [InlineData("s3:Get*", "s3:putobject", false)]
    [InlineData("s3:*Object", "s3:getobject", true)]
    [InlineData("s3:*Object", "s3:getobjectacl", false)]
    [InlineData("s3:Get?bject", "s3:getobject", true)]
    [InlineData("s3:Get?bject", "s3:getbject", false)]
    [InlineData("s3:Get?bject", "s3:getoobject", false)]
    [InlineData("*", "ec2:runinstances", true)]
    [InlineData("S3:GETOBJECT", "s3:getobject", true)]
    [InlineData("autoscaling:*LoadBalancer*", "autoscaling:attachloadbalancertargetgroups", true)]
    [InlineData("s3:Get*Acl", "s3:getobject", false)]
    public void Patterns_match_as_IAM_matches(string pattern, string actionKey, bool expected) =>
        Assert.Equal(expected, new ActionPattern(pattern).Matches(actionKey));

    private static CatalogSnapshot Wildcards() => CatalogBuilder.Build(Of(
    [
        Policy("Literal", "arn:aws:iam::aws:policy/Literal", "s3:GetObject", "s3:PutObject", "s3:GetObjectAcl", "s3:GetBucketAcl"),
        Policy("LowerCase", "arn:aws:iam::aws:policy/LowerCase", "s3:getObject"),
        Policy("Star", "arn:aws:iam::aws:policy/Star", "*"),
        Policy("S3All", "arn:aws:iam::aws:policy/S3All", "s3:*"),
        Policy("GetStar", "arn:aws:iam::aws:policy/GetStar", "S3:Get*", "s3:GetObject"),
        Policy("EndsObject", "arn:aws:iam::aws:policy/EndsObject", "s3:*Object"),
        Policy("OneChar", "arn:aws:iam::aws:policy/OneChar", "s3:Get?bject"),
        Policy("Other", "arn:aws:iam::aws:policy/Other", "ec2:RunInstances"),
    ]));

    private static IEnumerable<string> GrantersOf(CatalogSnapshot c, string action)
    {
        var id = c.Actions.Single(a => a.Name == action).Id;
        return c.EffectiveGrants.Where(g => g.ActionId == id).Select(g => c.Policies[g.PolicyId - 1].Name).Order(StringComparer.Ordinal);
    }

    [Fact]
    public void The_canonical_variant_is_the_one_most_policies_write()
    {
        var c = Wildcards();
        var lower = c.Actions.Single(a => a.Name == "s3:getObject");
        var upper = c.Actions.Single(a => a.Name == "s3:GetObject");

        Assert.Equal(upper.Id, lower.CanonicalId);
        Assert.Equal(upper.Id, upper.CanonicalId);
        // S3 and s3 are one service to IAM; s3 has more policies.
        Assert.Equal(c.Services.Single(s => s.Name == "s3").Id, c.Services.Single(s => s.Name == "S3").CanonicalId);
    }

    [Fact]
    public void A_concrete_action_is_granted_by_literals_in_any_case_and_by_every_pattern_that_matches_it()
    {
        var c = Wildcards();

        Assert.Equal(["EndsObject", "GetStar", "Literal", "LowerCase", "OneChar", "S3All", "Star"], GrantersOf(c, "s3:GetObject"));
        Assert.Equal(["EndsObject", "Literal", "S3All", "Star"], GrantersOf(c, "s3:PutObject"));
        Assert.Equal(["GetStar", "Literal", "S3All", "Star"], GrantersOf(c, "s3:GetBucketAcl"));
        Assert.Equal(["Other", "Star"], GrantersOf(c, "ec2:RunInstances"));
        Assert.Equal(7, c.Actions.Single(a => a.Name == "s3:GetObject").GrantedByCount);
        // Grants go to the canonical variant only.
        Assert.Empty(GrantersOf(c, "s3:getObject"));
    }

    [Fact]
    public void Each_grant_says_which_of_the_policys_strings_matched()
    {
        var c = Wildcards();
        var getStar = c.Policies.Single(p => p.Name == "GetStar");
        var getObject = c.Actions.Single(a => a.Name == "s3:GetObject").Id;

        var grant = c.EffectiveGrants.Single(g => g.PolicyId == getStar.Id && g.ActionId == getObject);

        Assert.Equal(["S3:Get*", "s3:GetObject"], grant.Via);
    }

    [Fact]
    public void Patterns_know_what_they_cover_and_policies_count_their_effective_actions()
    {
        var c = Wildcards();
        string[] Covered(string pattern) =>
        [
            .. c.ActionMatches.Where(m => m.LeftId == c.Actions.Single(a => a.Name == pattern).Id)
                .Select(m => c.Actions[m.RightId - 1].Name).Order(StringComparer.Ordinal),
        ];

        // Canonical concrete actions: ec2:RunInstances, s3:GetBucketAcl, s3:GetObject, s3:GetObjectAcl, s3:PutObject.
        Assert.Equal(["s3:GetBucketAcl", "s3:GetObject", "s3:GetObjectAcl"], Covered("S3:Get*"));
        Assert.Equal(["s3:GetObject", "s3:PutObject"], Covered("s3:*Object"));
        Assert.Equal(["s3:GetObject"], Covered("s3:Get?bject"));
        Assert.Equal(["s3:GetObject"], Covered("s3:getObject"));
        Assert.Equal(5, Covered("*").Length);
        Assert.Equal(5, c.Policies.Single(p => p.Name == "Star").EffectiveActionCount);
        Assert.Equal(4, c.Policies.Single(p => p.Name == "S3All").EffectiveActionCount);
        Assert.Equal(3, c.Actions.Single(a => a.Name == "S3:Get*").MatchCount);
    }
}
