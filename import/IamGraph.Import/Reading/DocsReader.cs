using System.Collections.Concurrent;

using IamGraph.Import.Model;

namespace IamGraph.Import.Reading;

/// <summary>Reads a folder of IAM policy docs (published or current generator layout) into a <see cref="DocsCatalog"/>.</summary>
public static class DocsReader
{
    public static DocsCatalog Read(string docsDirectory, CancellationToken cancellationToken = default) =>
        Read(docsDirectory, DocsReaderOptions.Default, cancellationToken);

    public static DocsCatalog Read(string docsDirectory, DocsReaderOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = DocsFolder.LocateRoot(docsDirectory);
        var files = DocsFolder.ListFiles(root);
        if (!files.Any(f => f.Folder == "policies" && !f.IsIndex))
        {
            throw new ImportException("policies/ holds no policy pages; expected policies/<slug>.md files", Path.Combine(root, "policies"));
        }

        var outcomes = ReadAll(files, options, cancellationToken);
        return Assemble(root, files, outcomes);
    }

    /// <summary>What one file gave: a page or index rows, plus its notes and links. Not the parsed page: dropping it at once keeps the heap small while the others parse.</summary>
    private sealed record FileOutcome(object Result, List<ReaderNote> Notes, List<(PageLink Target, SourceRef Source)> Links, bool HasFrontMatter);

    private static FileOutcome[] ReadAll(List<DocsFile> files, DocsReaderOptions options, CancellationToken cancellationToken)
    {
        var outcomes = new FileOutcome[files.Count];
        var errors = new ImportException?[files.Count];
        var parallel = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? -1,
        };

        // Files are independent, so they are parsed in parallel; errors are kept per file and the first in file order
        // is thrown, so the same bad input always gives the same message. The index pages (actions/README.md is 1 MB,
        // the largest file) go first and the ranges are small, so no big file is left to one core at the end.
        var order = WorkOrder(files);
        Parallel.ForEach(Partitioner.Create(0, order.Length, RangeSize), parallel, range =>
        {
            for (var at = range.Item1; at < range.Item2; at++)
            {
                var i = order[at];
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    outcomes[i] = ReadOne(files[i], options);
                }
                catch (ImportException ex)
                {
                    errors[i] = ex;
                }
            }
        });

        var first = Array.Find(errors, e => e is not null);
        return first is null ? outcomes : throw first;
    }

    private const int RangeSize = 16;

    /// <summary>The files' indexes, index pages first, each group in file order.</summary>
    private static int[] WorkOrder(List<DocsFile> files)
    {
        var order = new List<int>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            if (files[i].IsIndex)
            {
                order.Add(i);
            }
        }

        for (var i = 0; i < files.Count; i++)
        {
            if (!files[i].IsIndex)
            {
                order.Add(i);
            }
        }

        return [.. order];
    }

    private static FileOutcome ReadOne(DocsFile file, DocsReaderOptions options)
    {
        var text = SourceFile.ReadText(file.FullPath, file.RelativePath, options.MaxFileBytes);
        var reading = new PageReading(MarkdigPageParser.Parse(text, file.RelativePath));
        object result = (file.Folder, file.IsIndex) switch
        {
            (var folder, true) => IndexPageReader.Read(reading, KindOf(folder)),
            ("policies", _) => PageReaders.Policy(reading),
            ("actions", _) => PageReaders.Action(reading),
            ("services", _) => PageReaders.Service(reading),
            _ => PageReaders.Role(reading),
        };
        return new FileOutcome(result, reading.Notes, reading.Links, reading.Page.HasFrontMatter);
    }

    private static EntityKind KindOf(string folder) => folder switch
    {
        "policies" => EntityKind.Policy,
        "actions" => EntityKind.Action,
        "services" => EntityKind.Service,
        _ => EntityKind.Role,
    };

    private static DocsCatalog Assemble(string root, List<DocsFile> files, FileOutcome[] outcomes)
    {
        var policies = new List<PolicyPage>();
        var roles = new List<RolePage>();
        var services = new List<ServicePage>();
        var actions = new List<ActionPage>();
        var index = new List<IndexEntry>();
        var notes = new List<ReaderNote>();
        foreach (var outcome in outcomes)
        {
            notes.AddRange(outcome.Notes);
            switch (outcome.Result)
            {
                case PolicyPage p: policies.Add(p); break;
                case RolePage r: roles.Add(r); break;
                case ServicePage s: services.Add(s); break;
                case ActionPage a: actions.Add(a); break;
                case List<IndexEntry> entries: index.AddRange(entries); break;
            }
        }

        notes.AddRange(CheckLinks(files, outcomes));
        notes.AddRange(CheckIndexes(root, files, index));

        // Current generator output has roles/ and YAML front matter; the published docs have neither.
        var layout = files.Any(f => f.Folder == "roles") || outcomes.Any(o => o.HasFrontMatter)
            ? DocsLayout.Current
            : DocsLayout.Published;
        return new DocsCatalog(root, layout, policies, roles, services, actions, index, notes);
    }

    private static IEnumerable<ReaderNote> CheckLinks(List<DocsFile> files, FileOutcome[] outcomes)
    {
        // The pages' slugs by folder (a set of (folder, slug) tuples had its comparer JIT-compiled in every cold import).
        var pages = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in files.Where(f => !f.IsIndex))
        {
            if (!pages.TryGetValue(file.Folder, out var slugs))
            {
                pages[file.Folder] = slugs = new HashSet<string>(StringComparer.Ordinal);
            }

            slugs.Add(file.Slug);
        }

        foreach (var outcome in outcomes)
        {
            foreach (var (target, source) in outcome.Links)
            {
                if (!(pages.TryGetValue(target.Folder, out var slugs) && slugs.Contains(target.Slug)))
                {
                    yield return new ReaderNote(
                        ReaderNoteKinds.MissingPage, $"link to {target.Folder}/{target.Slug}, a page that does not exist", source, target.Slug);
                }
            }
        }
    }

    private static IEnumerable<ReaderNote> CheckIndexes(string root, List<DocsFile> files, List<IndexEntry> index)
    {
        foreach (var folder in new[] { "actions", "services" })
        {
            if (!Directory.Exists(Path.Combine(root, folder)))
            {
                yield return new ReaderNote(ReaderNoteKinds.MissingFolder, $"no {folder}/ folder; its cross-checks are skipped", new SourceRef(folder, 0));
            }
        }

        foreach (var group in files.GroupBy(f => f.Folder))
        {
            if (!group.Any(f => f.IsIndex))
            {
                yield return new ReaderNote(ReaderNoteKinds.MissingIndex, $"{group.Key}/ has no README.md index", new SourceRef(group.Key + "/README.md", 0));
                continue;
            }

            var kind = KindOf(group.Key);
            var listed = index.Where(e => e.Kind == kind && e.PageSlug is not null).Select(e => e.PageSlug!).ToHashSet(StringComparer.Ordinal);
            foreach (var page in group.Where(f => !f.IsIndex && !listed.Contains(f.Slug)))
            {
                yield return new ReaderNote(ReaderNoteKinds.UnlistedPage, $"{page.RelativePath} is not listed in {group.Key}/README.md", new SourceRef(page.RelativePath, 0), page.Slug);
            }
        }
    }
}
