using System.Runtime.CompilerServices;

namespace RiskMap.Server.Risk;

/// <summary>
/// Up to <see cref="Capacity"/> reasons held inline (no array allocation per household), most
/// important first. Adding past the limit given to the model is ignored: later reasons matter less.
/// </summary>
public struct ReasonList
{
    /// <summary>The most reasons any assessment can carry.</summary>
    public const int Capacity = 8;

    private Buffer _items;
    private int _limit;

    internal ReasonList(int limit)
    {
        _limit = Math.Clamp(limit, 0, Capacity);
        Count = 0;
    }

    public int Count { get; private set; }

    public readonly RiskReason this[int index] =>
        (uint)index < (uint)Count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    internal void Add(RiskReason reason)
    {
        if (Count < _limit) _items[Count++] = reason;
    }

    internal readonly bool IsFull => Count >= _limit;

    /// <summary>A copy as an array, for serialisation and tests (allocates).</summary>
    public readonly RiskReason[] ToArray()
    {
        var result = new RiskReason[Count];
        for (var i = 0; i < Count; i++) result[i] = _items[i];
        return result;
    }

    [InlineArray(Capacity)]
    private struct Buffer
    {
        private RiskReason _first;
    }
}
