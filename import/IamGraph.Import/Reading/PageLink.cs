namespace IamGraph.Import.Reading;

/// <summary>Where a link in the docs points: a page kind folder and a page slug.</summary>
/// <remarks>
/// The generator wrote several styles for the same target, so only the folder word and the slug matter:
/// <c>../actions.md#ecr:batchgetimage</c> (published detail pages), <c>./policies/slug.md</c> (published index pages,
/// relative to the docs root, not to the README), <c>../../policies/slug</c> (current output, no <c>.md</c>).
/// </remarks>
internal readonly record struct PageLink(string Folder, string Slug)
{
    public static readonly string[] Folders = ["policies", "actions", "services", "roles"];

    public static PageLink? Parse(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Contains("://", StringComparison.Ordinal))
        {
            return null;
        }

        // Span slicing, no Split: the full docs hold about 150,000 links.
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash >= 0 ? url.AsSpan(hash + 1) : [];
        var path = (hash >= 0 ? url.AsSpan(0, hash) : url.AsSpan()).TrimEnd('/');
        var slash = path.LastIndexOf('/');
        var last = path[(slash + 1)..];
        if (last.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            last = last[..^3];
        }

        // "../actions.md#slug" or "./policies#readme": the folder named by the last segment, the page by the fragment.
        if (FolderNamed(last) is { } linkedFolder)
        {
            return fragment.Length > 0 && !fragment.Equals("readme", StringComparison.OrdinalIgnoreCase)
                ? new PageLink(linkedFolder, fragment.ToString())
                : null;
        }

        // "./policies/slug.md" or "../../policies/slug".
        if (slash <= 0 || last.IsEmpty)
        {
            return null;
        }

        var parent = path[..slash];
        var folder = FolderNamed(parent[(parent.LastIndexOf('/') + 1)..]);
        return folder is null ? null : new PageLink(folder, last.ToString());
    }

    private static string? FolderNamed(ReadOnlySpan<char> segment)
    {
        foreach (var folder in Folders)
        {
            if (segment.Equals(folder, StringComparison.OrdinalIgnoreCase))
            {
                return folder;
            }
        }

        return null;
    }
}
