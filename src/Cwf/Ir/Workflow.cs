using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Cwf.Ir;

/// <summary>
/// The typed relational IR of one workflow: a DAG of <see cref="RelNode"/>s kept as a flat list
/// in topological order (every node after its inputs), plus the parameters. Immutable: passes
/// build a new Workflow. Both front ends (.cwf binder and canvas importer) produce this. Every
/// node's schema is derived here from its inputs' (or by the <see cref="WorkflowBuilder"/> that
/// placed it, from the very same inputs), so no workflow holds a stale schema.
/// </summary>
public sealed class Workflow
{
    // A plain dictionary: passes build many workflows and a frozen one costs more to build than it saves.
    private readonly Dictionary<int, RelNode> _byId;

    /// <summary>Creates a workflow; the nodes may come in any order and are sorted topologically (stably), then their schemas derived.</summary>
    /// <exception cref="InvalidOperationException">A node reads a missing node or column, or the nodes form a cycle (a compiler bug: front ends reject cycles).</exception>
    public Workflow(string name, Seq<Parameter> parameters, IEnumerable<RelNode> nodes)
        : this(name, parameters, nodes, previous: null)
    {
    }

    /// <summary>The nodes a <see cref="WorkflowBuilder"/> placed, in the order it placed them, with the schemas it derived.</summary>
    internal static Workflow Placed(string name, Seq<Parameter> parameters, IReadOnlyList<RelNode> nodes) =>
        new(name, parameters, nodes, previous: null, fromBuilder: true);

    // With the workflow these nodes were rewritten from, a node that is the same instance there
    // and whose inputs all kept their schema objects keeps its schema without deriving it again:
    // a pass that changed a few nodes of a large workflow costs a lookup for each of the others.
    // From a builder: the nodes of a WorkflowBuilder, each added after its inputs with its schema derived from
    // theirs (these very nodes), so deriving them again would give every one its own schema back.
    private Workflow(string name, Seq<Parameter> parameters, IEnumerable<RelNode> nodes, Workflow? previous, bool fromBuilder = false)
    {
        Name = name;
        Parameters = parameters;
        var list = nodes.ToList();
        _byId = new Dictionary<int, RelNode>(list.Count);
        int maxId = 0;
        foreach (var node in list)
        {
            if (!_byId.TryAdd(node.Id, node)) throw new InvalidOperationException("Two IR nodes share an id.");
            maxId = Math.Max(maxId, node.Id);
        }
        NextId = maxId + 1;
        var ordered = IsTopological(list, _byId) ? list.ToArray() : TopologicalOrder(list, _byId);
        // The ids whose node has the very schema object it had in the previous workflow.
        var sameSchema = previous is null ? null : new HashSet<int>(ordered.Length);
        Func<int, Schema> schemaOf = id => _byId[id].Schema;
        for (int i = 0; i < ordered.Length && !fromBuilder; i++)
        {
            var node = ordered[i];
            RelNode? before = null;
            if (sameSchema is not null && previous!._byId.TryGetValue(node.Id, out before) && ReferenceEquals(before, node) && AllIn(node.Inputs, sameSchema))
            {
                sameSchema.Add(node.Id);
                continue;
            }
            var placed = node.WithSchemaFrom(schemaOf);
            if (before is not null && ReferenceEquals(before.Schema, placed.Schema)) sameSchema!.Add(node.Id);
            if (ReferenceEquals(placed, node)) continue;
            ordered[i] = placed;
            _byId[placed.Id] = placed;
        }
        // The array is this workflow's own (a copy of the given list, or the sorted result): no second copy.
        Nodes = ImmutableCollectionsMarshal.AsImmutableArray(ordered);
    }

    public string Name { get; }
    public Seq<Parameter> Parameters { get; }

    /// <summary>Every node, inputs before consumers; ties keep the order they were given in.</summary>
    public ImmutableArray<RelNode> Nodes { get; }

    public RelNode this[int id] => _byId[id];

    public bool Contains(int id) => _byId.ContainsKey(id);

    public IEnumerable<SinkNode> Sinks => Nodes.OfType<SinkNode>();

    /// <summary>The data checks, in the order they were written.</summary>
    public IEnumerable<CheckNode> Checks => Nodes.OfType<CheckNode>().OrderBy(c => c.Id);

    /// <summary>An id no node uses yet (one more than the largest; 1 for no nodes), found while the nodes are indexed.</summary>
    public int NextId { get; }

    public Parameter? FindParameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A workflow of these nodes with the same name and parameters; nodes kept from this one keep their schemas unless an input changed.</summary>
    public Workflow WithNodes(IEnumerable<RelNode> nodes) => new(Name, Parameters, nodes, previous: this);

    public Workflow WithParameters(Seq<Parameter> parameters) => new(Name, parameters, Nodes);

    /// <summary>For each node id, the ids of the nodes that read it, in node order (built on first use, once per workflow).</summary>
    public IReadOnlyDictionary<int, ImmutableArray<int>> Consumers() => _consumers ??= BuildConsumers();

    private IReadOnlyDictionary<int, ImmutableArray<int>>? _consumers;

    // Counted first, so that each list is one array of the exact size; then filled from the last
    // reader back, the count of each list serving as its cursor (two tables for the whole workflow).
    private Dictionary<int, ImmutableArray<int>> BuildConsumers()
    {
        var count = new Dictionary<int, int>(Nodes.Length);
        foreach (var node in Nodes)
        {
            count.TryAdd(node.Id, 0);
            foreach (var input in node.Inputs) CollectionsMarshal.GetValueRefOrAddDefault(count, input, out _)++;
        }
        var map = new Dictionary<int, ImmutableArray<int>>(Nodes.Length);
        foreach (var node in Nodes)
            map[node.Id] = count[node.Id] == 0 ? [] : ImmutableCollectionsMarshal.AsImmutableArray(new int[count[node.Id]]);
        for (int i = Nodes.Length - 1; i >= 0; i--)
        {
            var inputs = Nodes[i].Inputs;
            for (int port = inputs.Count - 1; port >= 0; port--)
            {
                ref int cursor = ref CollectionsMarshal.GetValueRefOrNullRef(count, inputs[port]);
                ImmutableCollectionsMarshal.AsArray(map[inputs[port]])![--cursor] = Nodes[i].Id;
            }
        }
        return map;
    }

    public override string ToString() => IrPrinter.Print(this);

    private static bool AllIn(Seq<int> ids, HashSet<int> set)
    {
        foreach (var id in ids)
            if (!set.Contains(id)) return false;
        return true;
    }

    // Whether every node comes after its inputs already: then the stable order is the given one.
    private static bool IsTopological(List<RelNode> nodes, Dictionary<int, RelNode> byId)
    {
        var placed = new HashSet<int>(nodes.Count);
        foreach (var node in nodes)
        {
            foreach (var input in node.Inputs)
            {
                if (!byId.ContainsKey(input))
                    throw new InvalidOperationException($"IR node {node.Id} reads missing node {input}.");
                if (!placed.Contains(input)) return false;
            }
            placed.Add(node.Id);
        }
        return true;
    }

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
