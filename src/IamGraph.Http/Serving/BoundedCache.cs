namespace IamGraph.Http.Serving;

/// <summary>
/// A least-recently-used map bounded by the total weight of its values (bytes, typically). One lock: every operation is a
/// dictionary lookup and a list splice, far cheaper than the work a hit saves.
/// </summary>
public sealed class BoundedCache<TKey, TValue>(long capacity, Func<TValue, long> weigh)
    where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recency = new();
    private readonly Lock _lock = new();
    private long _weight;
    private long _generation;
    private long _hits;
    private long _misses;

    public long Capacity => capacity;

    public long Weight
    {
        get
        {
            lock (_lock)
            {
                return _weight;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Bumped by <see cref="Clear"/>: an answer computed before a clear must not be stored after it.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    public bool TryGet(TKey key, out TValue value)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out LinkedListNode<Entry>? node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                value = node.Value.Value;
                _hits++;
                return true;
            }

            _misses++;
        }

        value = default!;
        return false;
    }

    /// <summary>Stores unless the value alone exceeds the capacity or the cache was cleared since <paramref name="generation"/>.</summary>
    public bool Set(TKey key, TValue value, long generation)
    {
        long weight = weigh(value);
        if (weight > capacity)
        {
            return false;
        }

        lock (_lock)
        {
            if (generation != _generation)
            {
                return false;
            }

            if (_entries.Remove(key, out LinkedListNode<Entry>? old))
            {
                _recency.Remove(old);
                _weight -= old.Value.Weight;
            }

            _entries[key] = _recency.AddFirst(new Entry(key, value, weight));
            _weight += weight;
            while (_weight > capacity && _recency.Last is { } last)
            {
                _recency.RemoveLast();
                _entries.Remove(last.Value.Key);
                _weight -= last.Value.Weight;
            }
        }

        return true;
    }

    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
            _recency.Clear();
            _weight = 0;
            _generation++;
        }
    }

    private sealed record Entry(TKey Key, TValue Value, long Weight);
}
