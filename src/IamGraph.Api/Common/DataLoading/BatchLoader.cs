using GraphQL.DataLoader;

namespace IamGraph.Api.Common.DataLoading;

/// <summary>
/// Request-scoped batching without the GraphQL.DataLoader package: resolvers call <see cref="Load"/> and return the
/// <see cref="IDataLoaderResult{T}"/>; GraphQL.NET awaits those only after every sibling resolver of the level ran,
/// so the first await fetches all keys collected so far in one go. Keys arriving after a batch started open a new one.
/// Thread-safe, though queries execute serially: a batch may complete on another thread than the one that opened it.
/// </summary>
public abstract class BatchLoader<TKey, TValue>
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<object, Batch> _open = [];

    /// <param name="batchKey">Loads with equal batch keys share one fetch (e.g. the same connection field with the same arguments).</param>
    /// <param name="fetch">Runs once per batch with all its keys.</param>
    protected IDataLoaderResult<TValue?> Load(object batchKey, TKey key, Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch) =>
        Load(batchKey, key, () => fetch);

    /// <param name="batchKey">Loads with equal batch keys share one fetch.</param>
    /// <param name="createFetch">
    /// Called only when a new batch opens, so work that is the same for every key of a batch (reading arguments,
    /// building filters and projections) runs once per batch rather than once per parent row.
    /// </param>
    protected IDataLoaderResult<TValue?> Load(object batchKey, TKey key, Func<Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>>> createFetch)
    {
        lock (_gate)
        {
            if (!_open.TryGetValue(batchKey, out var batch) || batch.Started)
            {
                batch = new Batch(this, batchKey, createFetch());
                _open[batchKey] = batch;
            }
            batch.Keys.Add(key);
            return new Result(batch, key);
        }
    }

    private sealed class Batch(BatchLoader<TKey, TValue> owner, object batchKey, Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    {
        private Task<IReadOnlyDictionary<TKey, TValue>>? _task;

        public HashSet<TKey> Keys { get; } = [];
        public bool Started => _task is not null;

        public Task<IReadOnlyDictionary<TKey, TValue>> RunAsync(CancellationToken cancellationToken)
        {
            lock (owner._gate)
            {
                if (_task is null)
                {
                    if (owner._open.TryGetValue(batchKey, out var open) && open == this)
                    {
                        owner._open.Remove(batchKey);
                    }
                    _task = fetch(Keys.ToArray(), cancellationToken);
                }
                return _task;
            }
        }
    }

    private sealed class Result(Batch batch, TKey key) : IDataLoaderResult<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = await batch.RunAsync(cancellationToken);
            return values.TryGetValue(key, out var value) ? value : default;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
