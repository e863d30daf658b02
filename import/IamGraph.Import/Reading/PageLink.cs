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

        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash >= 0 ? url[(hash + 1)..] : "";
        var path = (hash >= 0 ? url[..hash] : url).TrimEnd('/');
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return null;
        }

        var last = segments[^1];
        var lastStem = last.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? last[..^3] : last;

        // "../actions.md#slug" or "./policies#readme": the folder named by the last segment, the page by the fragment.
        if (IsFolder(lastStem))
        {
            return fragment.Length > 0 && !fragment.Equals("readme", StringComparison.OrdinalIgnoreCase)
                ? new PageLink(lastStem.ToLowerInvariant(), fragment)
                : null;
        }

        // "./policies/slug.md" or "../../policies/slug".
        return segments.Length >= 2 && IsFolder(segments[^2])
            ? new PageLink(segments[^2].ToLowerInvariant(), lastStem)
            : null;
    }

    private static bool IsFolder(string segment) => Array.Exists(Folders, f => f.Equals(segment, StringComparison.OrdinalIgnoreCase));
}