using System.Collections;
using System.Collections.Immutable;

namespace Cwf.Ir;

/// <summary>
/// The readers of every node of a workflow, found by id through the workflow's own id index and
/// kept in an array by position: no dictionary per workflow (the optimizer asks it of the workflow
/// of every pass that changed something, the analysis and the planner once more). Enumerates in node order.
/// </summary>
internal sealed class NodeConsumers(NodeIndex index, RelNode[] nodes, ImmutableArray<int>[] lists) : IReadOnlyDictionary<int, ImmutableArray<int>>
{
    public ImmutableArray<int> this[int id] =>
        index.PositionOf(id) is >= 0 and var at ? lists[at] : throw new KeyNotFoundException($"IR node {id} is not in the workflow.");

    public IEnumerable<int> Keys => nodes.Select(n => n.Id);
    public IEnumerable<ImmutableArray<int>> Values => lists;
    public int Count => lists.Length;

    public bool ContainsKey(int id) => index.PositionOf(id) >= 0;

    public bool TryGetValue(int id, out ImmutableArray<int> value)
    {
        int at = index.PositionOf(id);
        value = at >= 0 ? lists[at] : default;
        return at >= 0;
    }

    public IEnumerator<KeyValuePair<int, ImmutableArray<int>>> GetEnumerator()
    {
        for (int i = 0; i < lists.Length; i++) yield return new(nodes[i].Id, lists[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
