using IamGraph.Import.Model;

namespace IamGraph.Import.Reading;

// Placeholder until the Markdown readers land (branch `readers`).
public static class DocsReader
{
    public static DocsCatalog Read(string docsDirectory, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException(docsDirectory);
}
