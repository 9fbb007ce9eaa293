namespace Patterns.Hosting.Dashboard.Telemetry;

/// <summary>The newest <see cref="Capacity"/> items; adding to a full buffer drops the oldest. Not thread-safe.</summary>
internal sealed class RingBuffer<T>
{
    private readonly T[] _items;
    private int _start;

    public RingBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _items = new T[capacity];
    }

    public int Capacity => _items.Length;

    public int Count { get; private set; }

    /// <returns>Whether an item was dropped to make room, and which.</returns>
    public bool Add(T item, out T dropped)
    {
        if (Count < _items.Length)
        {
            _items[(_start + Count) % _items.Length] = item;
            Count++;
            dropped = default!;
            return false;
        }
        dropped = _items[_start];
        _items[_start] = item;
        _start = (_start + 1) % _items.Length;
        return true;
    }

    /// <summary>Oldest first.</summary>
    public List<T> ToList()
    {
        var list = new List<T>(Count);
        for (var i = 0; i < Count; i++)
            list.Add(_items[(_start + i) % _items.Length]);
        return list;
    }
}
