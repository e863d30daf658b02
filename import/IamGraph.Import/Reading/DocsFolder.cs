namespace IamGraph.Import.Reading;

/// <summary>One Markdown file to read: which folder it is in and whether it is that folder's index.</summary>
internal sealed record DocsFile(string Folder, string FullPath, string RelativePath, string Slug, bool IsIndex);

/// <summary>Finds the docs root (the folder itself or its <c>docs/</c>) and the pages in it.</summary>
internal static class DocsFolder
{
    public static string LocateRoot(string directory)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new ImportException("no docs folder given; expected a folder holding policies/, actions/ and services/");
        }

        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            throw new ImportException("docs folder does not exist; expected a folder holding policies/, actions/ and services/", full);
        }

        try
        {
            if (!Directory.EnumerateFileSystemEntries(full).Any())
            {
                throw new ImportException("docs folder is empty; expected policies/, actions/ and services/ (or docs/ holding them)", full);
            }

            foreach (var candidate in new[] { full, Path.Combine(full, "docs") })
            {
                if (Directory.Exists(Path.Combine(candidate, "policies")))
                {
                    return candidate;
                }
            }
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ImportException("cannot list the docs folder (permission denied)", full, inner: ex);
        }

        throw new ImportException("not IAM policy docs: no policies/ folder here or under docs/; expected policies/, actions/ and services/", full);
    }

    /// <summary>The <c>.md</c> files of each page folder present, in a stable order.</summary>
    public static List<DocsFile> ListFiles(string root)
    {
        var files = new List<DocsFile>();
        foreach (var folder in PageLink.Folders)
        {
            var path = Path.Combine(root, folder);
            if (!Directory.Exists(path))
            {
                continue;
            }

            string[] names;
            try
            {
                names = Directory.GetFiles(path, "*.md", SearchOption.TopDirectoryOnly);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new ImportException($"cannot list {folder}/ (permission denied)", path, inner: ex);
            }

            Array.Sort(names, StringComparer.Ordinal);
            foreach (var name in names)
            {
                var fileName = Path.GetFileName(name);
                files.Add(new DocsFile(
                    folder,
                    name,
                    folder + "/" + fileName,
                    Path.GetFileNameWithoutExtension(fileName),
                    fileName.Equals("README.md", StringComparison.OrdinalIgnoreCase)));
            }
        }

        return files;
    }
}
