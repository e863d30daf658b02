using IamGraph.Catalog.Entities;
using IamGraph.Import.Model;

namespace IamGraph.Import.Tests.Model;

public class PolicyVersionDiffTests
{
    private static StatementEntry Statement(StatementEffect effect, string[] actions, string[]? notActions = null) =>
        new(0, null, effect, actions, notActions ?? [], ["*"], [], null);

    private static PolicyVersionEntry Version(string id, params StatementEntry[] statements) =>
        new(id, null, "{}", statements, false, new SourceRef("managedPolicies.json", 0));

    [Fact]
    public void A_version_names_the_Action_and_NotAction_strings_of_all_its_statements_once_each()
    {
        var named = PolicyVersionDiff.NamedActions(
        [
            Statement(StatementEffect.Allow, ["s3:GetObject", "s3:Get*", "s3:GetObject"]),
            Statement(StatementEffect.Deny, [], ["iam:*", "s3:getobject"]),
        ]);

        Assert.Equal(["s3:GetObject", "s3:Get*", "iam:*", "s3:getobject"], named);
    }

    [Fact]
    public void Each_version_is_compared_with_the_previous_stored_version_by_number_ignoring_case()
    {
        // Given out of order, with v2 and v4 missing: v10 follows v5, which follows v3, which follows v1.
        var changes = PolicyVersionDiff.Of(
        [
            Version("v10", Statement(StatementEffect.Allow, ["S3:GETOBJECT", "sts:AssumeRole"])),
            Version("v1", Statement(StatementEffect.Allow, ["s3:GetObject", "s3:PutObject"])),
            Version("v5", Statement(StatementEffect.Allow, ["s3:getObject"]), Statement(StatementEffect.Deny, [], ["iam:*"])),
            Version("v3", Statement(StatementEffect.Allow, ["s3:getobject", "s3:ListBucket"]), Statement(StatementEffect.Deny, [], ["iam:*"])),
        ]);

        Assert.Equal(["v1", "v3", "v5", "v10"], changes.Select(c => c.VersionId));
        // The oldest stored version adds everything it names.
        Assert.Equal(["s3:GetObject", "s3:PutObject"], changes[0].AddedActions);
        Assert.Empty(changes[0].RemovedActions);
        // A change of case alone is no change; added in this version's spelling, removed in the previous one's.
        Assert.Equal(["iam:*", "s3:ListBucket"], changes[1].AddedActions);
        Assert.Equal(["s3:PutObject"], changes[1].RemovedActions);
        Assert.Empty(changes[2].AddedActions);
        Assert.Equal(["s3:ListBucket"], changes[2].RemovedActions);
        Assert.Equal(["sts:AssumeRole"], changes[3].AddedActions);
        Assert.Equal(["iam:*"], changes[3].RemovedActions);
    }

    [Fact]
    public void A_string_named_in_several_casings_is_reported_once_in_its_ordinal_smallest_spelling()
    {
        var changes = PolicyVersionDiff.Of(
        [
            Version("v1", Statement(StatementEffect.Allow, ["ec2:RunInstances"])),
            Version("v2", Statement(StatementEffect.Allow, ["s3:getObject", "S3:GetObject", "s3:GETOBJECT"])),
        ]);

        Assert.Equal(["S3:GetObject"], changes[1].AddedActions);
        Assert.Equal(["ec2:RunInstances"], changes[1].RemovedActions);
    }
}
