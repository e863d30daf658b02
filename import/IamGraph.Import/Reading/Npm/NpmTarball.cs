using System.Formats.Tar;
using System.IO.Compression;

namespace IamGraph.Import.Reading.Npm;

/// <summary>
/// An npm package as <c>npm pack</c> writes it (a gzip-compressed tar whose entries sit under <c>package/</c>), read entry by
/// entry without unpacking: only the entry being read is ever in memory, and only as far as its reader needs.
/// </summary>
internal sealed class NpmTarball : IDisposable
{
    private readonly FileStream _file;
    private readonly GZipStream _gzip;
    private readonly TarReader _tar;
    private readonly NpmPackageReaderOptions _options;
    private long _entryBytes;
    private bool _readAny;

    private NpmTarball(string path, FileStream file, NpmPackageReaderOptions options)
    {
        Path = path;
        _file = file;
        _gzip = new GZipStream(file, CompressionMode.Decompress);
        _tar = new TarReader(_gzip);
        _options = options;
    }

    /// <summary>The tarball as the user named it; entries are shown as <c>path!package/…</c>.</summary>
    public string Path { get; }

    /// <summary>True when the file starts with gzip's magic bytes, which is how a tarball is told from a JSON file.</summary>
    public static bool IsGzip(string path)
    {
        Span<byte> magic = stackalloc byte[2];
        using var file = OpenFile(path);
        return file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
    }

    /// <summary>True for the names npm gives its tarballs (<c>.tgz</c>, <c>.tar.gz</c>): such a file must be gzip.</summary>
    public static bool HasTarballName(string path) =>
        path.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase);

    public static NpmTarball Open(string path, NpmPackageReaderOptions options)
    {
        if (!IsGzip(path))
        {
            throw new ImportException("not a gzip file; expected an npm package tarball (.tgz, as `npm pack` writes it)", path);
        }
        return new NpmTarball(path, OpenFile(path), options);
    }

    /// <summary>The name an entry is shown under in messages and findings: <c>x.tgz!package/dist/managedPolicies.json</c>.</summary>
    public string NameOf(TarEntry entry) => $"{Path}!{entry.Name}";

    /// <summary>
    /// The entry's path inside the package, without npm's top folder (<c>package/</c>, or whatever one folder the packer used):
    /// <c>dist/managedPolicies.json</c>. Null for an entry outside any top folder.
    /// </summary>
    public static string? PackagePath(TarEntry entry)
    {
        var name = entry.Name.StartsWith("./", StringComparison.Ordinal) ? entry.Name[2..] : entry.Name;
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? name[(slash + 1)..] : null;
    }

    /// <summary>The next regular file in the archive, or null at its end. Size limits are checked from the entry's header, before its data is read.</summary>
    public TarEntry? NextFile()
    {
        while (true)
        {
            TarEntry? entry;
            try
            {
                entry = _tar.GetNextEntry();
            }
            catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or FormatException)
            {
                throw _readAny
                    ? Corrupt(ex)
                    : new ImportException($"not a tar archive ({ex.Message}); expected an npm package tarball (a gzip-compressed tar)", Path, inner: ex);
            }
            catch (IOException ex)
            {
                throw Corrupt(ex);
            }

            if (entry is null)
            {
                if (!_readAny)
                {
                    throw new ImportException("not a tar archive (no entries found); expected an npm package tarball (a gzip-compressed tar)", Path);
                }
                return null;
            }

            _readAny = true;
            _entryBytes += entry.Length;
            if (_entryBytes > _options.MaxArchiveBytes)
            {
                throw new ImportException(
                    $"the archive's entries exceed {_options.MaxArchiveBytes:N0} bytes in all (at {entry.Name}); expected an npm package (raise {nameof(NpmPackageReaderOptions.MaxArchiveBytes)} if it is genuine)",
                    Path);
            }
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile)
            {
                return entry;
            }
        }
    }

    /// <summary>The error for an archive that broke while being read: corrupt or cut short.</summary>
    public ImportException Corrupt(Exception ex) =>
        new($"the archive is corrupt or truncated ({ex.Message}); expected an intact npm package tarball", Path, inner: ex);

    public void Dispose()
    {
        _tar.Dispose();
        _gzip.Dispose();
        _file.Dispose();
    }

    internal static FileStream OpenFile(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ImportException($"cannot open the file ({ex.Message}); expected a readable npm package tarball or its unpacked JSON", path, inner: ex);
        }
    }
}
