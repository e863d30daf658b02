using IamGraph.Import.Model;

namespace IamGraph.Import.Tests.Model;

public class ActionUniverseTests
{
    private static readonly string[] Catalog =
    [
        "s3:GetObject", "s3:GetObjectAcl", "s3:PutObject", "s3:GetBucketAcl",
        "s3-outposts:GetObject", "s3express:CreateSession",
        "iam:PassRole", "iam:ListRoles",
    ];

    private static string[] Names(ActionUniverse universe, ReadOnlySpan<int> ids)
    {
        var names = new string[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            names[i] = universe.NameOf(ids[i]);
        }
        return names;
    }

    [Fact]
    public void The_catalogue_spelling_is_canonical_even_when_policies_prefer_another()
    {
        var universe = ActionUniverse.Build(Catalog, [["s3:getobject"], ["s3:getobject"], ["S3:GETOBJECT", "s3:getobject"]]);

        Assert.True(universe.TryGetId("S3:GetObject", out var id));
        Assert.Equal("s3:GetObject", universe.NameOf(id));
        Assert.True(universe.IsInCatalog(id));
        Assert.Equal(Catalog.Length, universe.Count);
    }

    [Fact]
    public void Outside_the_catalogue_the_spelling_most_policies_write_is_canonical_ties_ordinal_smallest()
    {
        var universe = ActionUniverse.Build(Catalog,
        [
            // ecr:batchGetImage is repeated by one policy: it counts once, so BatchGetImage (2 policies) wins.
            ["ecr:batchGetImage", "ecr:batchGetImage", "ecr:batchGetImage"],
            ["ecr:BatchGetImage"],
            ["ecr:BatchGetImage", "deepracer:createModel"],
            ["deepracer:CreateModel"],
        ]);

        Assert.True(universe.TryGetId("ECR:BATCHGETIMAGE", out var ecr));
        Assert.Equal("ecr:BatchGetImage", universe.NameOf(ecr));
        Assert.False(universe.IsInCatalog(ecr));
        Assert.True(universe.TryGetId("deepracer:createmodel", out var deepracer));
        Assert.Equal("deepracer:CreateModel", universe.NameOf(deepracer)); // 1 policy each: 'C' < 'c'
        Assert.Equal(Catalog.Length + 2, universe.Count);
        Assert.True(universe.HasCatalog);
    }

    [Fact]
    public void Wildcards_and_empty_strings_are_not_actions()
    {
        var universe = ActionUniverse.Build([], [["s3:Get*", "*", "iam:Pass?ole", "", "sts:AssumeRole"]]);

        Assert.Equal(["sts:AssumeRole"], universe.Names);
        Assert.False(universe.HasCatalog);
    }

    [Fact]
    public void Ids_follow_the_lower_cased_names_so_a_service_is_one_range()
    {
        var universe = ActionUniverse.Build(Catalog, [["S3:ListBucket"]]);

        Assert.Equal(
            ["iam:ListRoles", "iam:PassRole", "s3-outposts:GetObject", "s3:GetBucketAcl", "s3:GetObject", "s3:GetObjectAcl", "S3:ListBucket", "s3:PutObject", "s3express:CreateSession"],
            universe.Names);
        var s3 = universe.ServiceRange("S3");
        Assert.Equal(3..8, s3);
        var none = universe.ServiceRange("nosuchservice");
        Assert.Equal(none.Start.Value, none.End.Value);
    }

    [Theory]
    [InlineData("*", new[] { "iam:ListRoles", "iam:PassRole", "s3-outposts:GetObject", "s3:GetBucketAcl", "s3:GetObject", "s3:GetObjectAcl", "s3:PutObject", "s3express:CreateSession" })]
    [InlineData("s3:*", new[] { "s3:GetBucketAcl", "s3:GetObject", "s3:GetObjectAcl", "s3:PutObject" })]
    [InlineData("s3*:*", new[] { "s3-outposts:GetObject", "s3:GetBucketAcl", "s3:GetObject", "s3:GetObjectAcl", "s3:PutObject", "s3express:CreateSession" })]
    [InlineData("s3:Get*Acl", new[] { "s3:GetBucketAcl", "s3:GetObjectAcl" })]
    [InlineData("s3:Get?bject", new[] { "s3:GetObject" })]
    [InlineData("s3:*Object", new[] { "s3:GetObject", "s3:PutObject" })]
    [InlineData("*:GetObject", new[] { "s3-outposts:GetObject", "s3:GetObject" })]
    [InlineData("*Role?", new[] { "iam:ListRoles" })]
    [InlineData("S3:GET*", new[] { "s3:GetBucketAcl", "s3:GetObject", "s3:GetObjectAcl" })]
    [InlineData("S3:GETOBJECT", new[] { "s3:GetObject" })]
    [InlineData("s3:Frobnicate*", new string[0])]
    [InlineData("s3:Frobnicate", new string[0])]
    [InlineData("s3", new string[0])]
    public void Patterns_match_the_universe_as_IAM_does(string pattern, string[] expected)
    {
        var universe = ActionUniverse.Build(Catalog, []);

        Assert.Equal(expected, Names(universe, universe.Match(pattern)));
        // Memoised: asked again, the same answer.
        Assert.Equal(expected, Names(universe, universe.Match(pattern)));
    }

    [Fact]
    public void An_action_only_policies_name_joins_and_patterns_match_it()
    {
        var universe = ActionUniverse.Build(Catalog, [["deepracer:CreateModel"]]);

        Assert.Equal(["deepracer:CreateModel"], Names(universe, universe.Match("DeepRacer:*")));
        Assert.True(universe.TryGetId("deepracer:CreateModel", out var id));
        Assert.False(universe.IsInCatalog(id));
        Assert.False(universe.IsCatalogAction("deepracer:CreateModel"));
        Assert.True(universe.IsCatalogAction("IAM:passrole"));
    }
}
