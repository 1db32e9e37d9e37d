using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Cwf.Ir;

/// <summary>
/// The typed relational IR of one workflow: a DAG of <see cref="RelNode"/>s kept as a flat list
/// in topological order (every node after its inputs), plus the parameters. Immutable: passes
/// build a new Workflow. Both front ends (.cwf binder and canvas importer) produce this. Every
/// node's schema is derived here from its inputs', so no workflow holds a stale schema.
/// </summary>
public sealed class Workflow
{
    // A plain dictionary: passes build many workflows and a frozen one costs more to build than it saves.
    private readonly Dictionary<int, RelNode> _byId;

    /// <summary>Creates a workflow; the nodes may come in any order and are sorted topologically (stably), then their schemas derived.</summary>
    /// <exception cref="InvalidOperationException">A node reads a missing node or column, or the nodes form a cycle (a compiler bug: front ends reject cycles).</exception>
    public Workflow(string name, Seq<Parameter> parameters, IEnumerable<RelNode> nodes)
    {
        Name = name;
        Parameters = parameters;
        var list = nodes.ToList();
        _byId = new Dictionary<int, RelNode>(list.Count);
        foreach (var node in list)
            if (!_byId.TryAdd(node.Id, node)) throw new InvalidOperationException("Two IR nodes share an id.");
        var ordered = TopologicalOrder(list, _byId);
        for (int i = 0; i < ordered.Length; i++)
        {
            var placed = ordered[i].WithSchemaFrom(id => _byId[id].Schema);
            if (ReferenceEquals(placed, ordered[i])) continue;
            ordered[i] = placed;
            _byId[placed.Id] = placed;
        }
        Nodes = ImmutableArray.Create(ordered);
    }

    public string Name { get; }
    public Seq<Parameter> Parameters { get; }

    /// <summary>Every node, inputs before consumers; ties keep the order they were given in.</summary>
    public ImmutableArray<RelNode> Nodes { get; }

    public RelNode this[int id] => _byId[id];

    public bool Contains(int id) => _byId.ContainsKey(id);

    public IEnumerable<SinkNode> Sinks => Nodes.OfType<SinkNode>();

    /// <summary>An id no node uses yet.</summary>
    public int NextId => Nodes.IsEmpty ? 1 : Nodes.Max(n => n.Id) + 1;

    public Parameter? FindParameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public Workflow WithNodes(IEnumerable<RelNode> nodes) => new(Name, Parameters, nodes);

    public Workflow WithParameters(Seq<Parameter> parameters) => new(Name, parameters, Nodes);

    /// <summary>For each node id, the ids of the nodes that read it, in node order.</summary>
    public FrozenDictionary<int, ImmutableArray<int>> Consumers()
    {
        var map = Nodes.ToDictionary(n => n.Id, _ => ImmutableArray.CreateBuilder<int>());
        foreach (var node in Nodes)
            foreach (var input in node.Inputs)
                map[input].Add(node.Id);
        return map.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToImmutable());
    }

    public override string ToString() => IrPrinter.Print(this);

    // Kahn's algorithm, iterative; a queue ordered by original position keeps the result stable.
    private static RelNode[] TopologicalOrder(List<RelNode> nodes, Dictionary<int, RelNode> byId)
    {
        var position = new Dictionary<int, int>(nodes.Count);
        for (int i = 0; i < nodes.Count; i++) position[nodes[i].Id] = i;
        var pending = new int[nodes.Count];
        var consumers = new List<int>[nodes.Count];
        for (int i = 0; i < nodes.Count; i++)
        {
            foreach (var input in nodes[i].Inputs)
            {
                if (!byId.ContainsKey(input))
                    throw new InvalidOperationException($"IR node {nodes[i].Id} reads missing node {input}.");
                pending[i]++;
                (consumers[position[input]] ??= []).Add(i);
            }
        }
        var ready = new PriorityQueue<int, int>();
        for (int i = 0; i < nodes.Count; i++)
            if (pending[i] == 0) ready.Enqueue(i, i);
        var result = new RelNode[nodes.Count];
        int count = 0;
        while (ready.TryDequeue(out int i, out _))
        {
            result[count++] = nodes[i];
            if (consumers[i] is null) continue;
            foreach (var c in consumers[i])
                if (--pending[c] == 0) ready.Enqueue(c, c);
        }
        if (count != nodes.Count) throw new InvalidOperationException("The IR nodes form a cycle.");
        return result;
    }
}
