namespace IamGraph.Import.Model;

/// <summary>
/// A catalogue handed over part by part as the model finishes each: the stored documents' rows (versions, statements, the
/// strings each names: most of the rows) and AWS's catalogue rows are final while the effective grants are still worked out,
/// mostly on one core, so a writer can store them meanwhile on the other. The versions and statements are final first, as
/// soon as the policies have their ids: the writer stores them while the actions are still numbered. Each task gives a
/// snapshot in which that part is final (and the same lists as in the whole); the rest of it may not be.
/// </summary>
internal sealed class CatalogParts
{
    private readonly TaskCompletionSource<VersionRows> _versions = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<CatalogSnapshot> _documents = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<CatalogSnapshot> _actionCatalog = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<CatalogSnapshot> _whole = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The stored versions and their statements, the same lists as <see cref="Documents"/> gives.</summary>
    public Task<VersionRows> Versions => _versions.Task;

    /// <summary>A snapshot whose <see cref="CatalogSnapshot.PolicyVersions"/>, <see cref="CatalogSnapshot.Statements"/> and <see cref="CatalogSnapshot.StatementActions"/> are final.</summary>
    public Task<CatalogSnapshot> Documents => _documents.Task;

    /// <summary>A snapshot whose resource types, condition keys and the actions' links to them and to dependent actions are final.</summary>
    public Task<CatalogSnapshot> ActionCatalog => _actionCatalog.Task;

    /// <summary>The catalogue, whole.</summary>
    public Task<CatalogSnapshot> Whole => _whole.Task;

    /// <summary>A catalogue already whole, every part at once.</summary>
    public static CatalogParts Of(CatalogSnapshot whole)
    {
        var parts = new CatalogParts();
        parts.WholeFinal(whole);
        return parts;
    }

    public void VersionsFinal(VersionRows rows) => _versions.TrySetResult(rows);

    /// <summary>The stored documents' rows; the versions and statements, if not handed over before, with them.</summary>
    public void DocumentsFinal(CatalogSnapshot snapshot)
    {
        _versions.TrySetResult(new VersionRows(snapshot.PolicyVersions, snapshot.Statements));
        _documents.TrySetResult(snapshot);
    }

    public void ActionCatalogFinal(CatalogSnapshot snapshot) => _actionCatalog.TrySetResult(snapshot);

    /// <summary>The whole catalogue; parts not handed over before are handed over with it.</summary>
    public void WholeFinal(CatalogSnapshot whole)
    {
        DocumentsFinal(whole);
        _actionCatalog.TrySetResult(whole);
        _whole.TrySetResult(whole);
    }

    /// <summary>The model failed: whoever waits for a part not handed over yet stops waiting (an <see cref="OperationCanceledException"/>).</summary>
    public void Abandon()
    {
        _versions.TrySetCanceled();
        _documents.TrySetCanceled();
        _actionCatalog.TrySetCanceled();
        _whole.TrySetCanceled();
    }
}
