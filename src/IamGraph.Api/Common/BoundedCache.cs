using System.Collections.Concurrent;

namespace IamGraph.Api.Common;

/// <summary>
/// A thread-safe cache that stops growing at <paramref name="capacity"/> entries: its keys come from clients' documents
/// (selections, projections), so past the bound values are built per call rather than kept, and clients cannot grow memory.
/// </summary>
public sealed class BoundedCache<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries = new();

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create) =>
        _entries.TryGetValue(key, out var cached) ? cached
        : _entries.Count < capacity ? _entries.GetOrAdd(key, create)
        : create(key);

    /// <summary>The cached value, or one created and kept; default once the cache is full, for values worth having only if kept.</summary>
    public TValue? GetOrAddIfRoom(TKey key, Func<TKey, TValue> create) =>
        _entries.TryGetValue(key, out var cached) ? cached
        : _entries.Count < capacity ? _entries.GetOrAdd(key, create)
        : default;
}
