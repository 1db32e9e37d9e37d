namespace Cwf.Ir;

/// <summary>
/// A workflow's map from node id to position in its node list. Ids are assigned in creation order
/// from 1, so they are nearly always small non-negative numbers: then the map is an array indexed by
/// id (every pass looks nodes up by id many times, and building a dictionary per workflow cost more
/// than the rest of a rebuild); otherwise, or when most ids below the largest are unused, a dictionary.
/// </summary>
internal sealed class NodeIndex
{
    // An array up to this many slots per node (plus a margin for small workflows): a workflow the
    // optimizer shrank keeps ids up to the bound one's count, about twice its own.
    private const int SlotsPerNode = 4;
    private const int SlotMargin = 64;

    // Position + 1 by id (0: no node of that id); or the dictionary.
    private readonly int[]? _dense;
    private readonly Dictionary<int, int>? _sparse;

    /// <exception cref="InvalidOperationException">Two nodes share an id.</exception>
    public NodeIndex(RelNode[] nodes)
    {
        int min = 0, max = 0;
        foreach (var node in nodes)
        {
            min = Math.Min(min, node.Id);
            max = Math.Max(max, node.Id);
        }
        LargestId = max;
        if (min >= 0 && max < SlotsPerNode * (long)nodes.Length + SlotMargin)
        {
            _dense = new int[max + 1];
            for (int i = 0; i < nodes.Length; i++)
            {
                ref int slot = ref _dense[nodes[i].Id];
                if (slot != 0) throw DuplicateId();
                slot = i + 1;
            }
        }
        else
        {
            _sparse = new Dictionary<int, int>(nodes.Length);
            for (int i = 0; i < nodes.Length; i++)
                if (!_sparse.TryAdd(nodes[i].Id, i)) throw DuplicateId();
        }
    }

    /// <summary>The largest id, or 0 for no node (or none above 0).</summary>
    public int LargestId { get; }

    /// <summary>The position of the node of that id, or -1.</summary>
    public int PositionOf(int id)
    {
        if (_dense is not null) return (uint)id < (uint)_dense.Length ? _dense[id] - 1 : -1;
        return _sparse!.TryGetValue(id, out int position) ? position : -1;
    }

    private static InvalidOperationException DuplicateId() => new("Two IR nodes share an id.");
}
