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
    // Node positions by id: an array when ids are small (see NodeIndex). Passes build many workflows.
    private readonly NodeIndex _index;
    private readonly RelNode[] _nodes;

    /// <summary>Creates a workflow; the nodes may come in any order and are sorted topologically (stably), then their schemas derived.</summary>
    /// <exception cref="InvalidOperationException">A node reads a missing node or column, or the nodes form a cycle (a compiler bug: front ends reject cycles).</exception>
    public Workflow(string name, Seq<Parameter> parameters, IEnumerable<RelNode> nodes)
        : this(name, parameters, nodes.ToArray(), previous: null)
    {
    }

    /// <summary>The nodes a <see cref="WorkflowBuilder"/> placed, in the order it placed them, with the schemas it derived.</summary>
    internal static Workflow Placed(string name, Seq<Parameter> parameters, IReadOnlyList<RelNode> nodes) =>
        new(name, parameters, [.. nodes], previous: null, fromBuilder: true);

    // With the workflow these nodes were rewritten from, a node that is the same instance there
    // and whose inputs all kept their schema objects keeps its schema without deriving it again:
    // a pass that changed a few nodes of a large workflow costs a lookup for each of the others.
    // From a builder: the nodes of a WorkflowBuilder, each added after its inputs with its schema derived from
    // theirs (these very nodes), so deriving them again would give every one its own schema back.
    // Rewritten, same positions, same readers: see WithRewrittenNodes.
    // The array becomes this workflow's own (callers pass a copy of what they were given, or one they made for it).
    private Workflow(string name, Seq<Parameter> parameters, RelNode[] ordered, Workflow? previous, bool fromBuilder = false, bool rewritten = false,
        bool samePositions = false, bool sameReaders = false)
    {
        Name = name;
        Parameters = parameters;
        var index = samePositions ? previous!._index : new NodeIndex(ordered);
        NextId = index.LargestId + 1;
        if (!IsTopological(ordered, index))
        {
            ordered = TopologicalOrder(ordered, index);
            index = new NodeIndex(ordered);
            sameReaders = false;
        }
        _index = index;
        _nodes = ordered;
        if (sameReaders) _readerCounts = previous!._readerCounts;
        if (!fromBuilder) DeriveSchemas(previous, rewritten);
        Nodes = ImmutableCollectionsMarshal.AsImmutableArray(ordered);
    }

    // In node order, each node reading the schemas its inputs have in this workflow (already derived: they come first).
    private void DeriveSchemas(Workflow? previous, bool rewritten)
    {
        // By position: whether the node has the very schema object it had in the previous workflow (lent: one per pass).
        var sameSchema = previous is null ? null : PooledArray.Rent<bool>(_nodes.Length);
        Func<int, Schema> schemaOf = id => _nodes[_index.PositionOf(id)].Schema;
        try
        {
            for (int i = 0; i < _nodes.Length; i++)
            {
                var node = _nodes[i];
                var before = previous?.Find(node.Id);
                // A node kept from the previous workflow, or one a rewriter placed reading inputs kept from it, has the
                // schema deriving would give it when those inputs kept their schemas.
                bool derived = ReferenceEquals(before, node)
                    ? InputsKeptSchemas(node.Inputs, sameSchema!)
                    : rewritten && node.HasSchema && InputsKept(node.Inputs, sameSchema!, previous!);
                if (!derived) _nodes[i] = node = node.WithSchemaFrom(schemaOf);
                if (before is not null && ReferenceEquals(before.Schema, node.Schema)) sameSchema![i] = true;
            }
        }
        finally
        {
            if (sameSchema is not null) PooledArray.Return(sameSchema, _nodes.Length);
        }
    }

    public string Name { get; }
    public Seq<Parameter> Parameters { get; }

    /// <summary>Every node, inputs before consumers; ties keep the order they were given in.</summary>
    public ImmutableArray<RelNode> Nodes { get; }

    public RelNode this[int id] => Find(id) ?? throw new KeyNotFoundException($"IR node {id} is not in the workflow.");

    public bool Contains(int id) => _index.PositionOf(id) >= 0;

    /// <summary>The position of the node of that id in <see cref="Nodes"/>, or -1 (walks keep per-node facts in arrays by it).</summary>
    internal int PositionOf(int id) => _index.PositionOf(id);

    private RelNode? Find(int id) => _index.PositionOf(id) is >= 0 and var position ? _nodes[position] : null;

    public IEnumerable<SinkNode> Sinks => Nodes.OfType<SinkNode>();

    /// <summary>The data checks, in the order they were written.</summary>
    public IEnumerable<CheckNode> Checks => Nodes.OfType<CheckNode>().OrderBy(c => c.Id);

    /// <summary>An id no node uses yet (one more than the largest; 1 for no nodes, or none above 0), found while the nodes are indexed.</summary>
    public int NextId { get; }

    public Parameter? FindParameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A workflow of these nodes with the same name and parameters; nodes kept from this one keep their schemas unless an input changed.</summary>
    public Workflow WithNodes(IEnumerable<RelNode> nodes) => new(Name, Parameters, nodes.ToArray(), previous: this);

    /// <summary>
    /// The nodes of a rewriting of this workflow (the optimizer's rewriter), in an array that becomes the new workflow's own.
    /// <paramref name="placedFromThis"/>: each node not kept from this workflow has its schema derived from the versions
    /// of its inputs the rewriting had when it placed the node, which are this workflow's own for inputs it kept; such a
    /// node whose inputs are kept, with their schemas, is not derived again. <paramref name="samePositions"/>: every node
    /// has the id of this workflow's node at its position, so the id index is this one's; <paramref name="sameReaders"/>:
    /// and as many readers, so the reader counts are too (at 100,000 nodes each is a large object; pruning replaces nodes in place).
    /// </summary>
    internal Workflow WithRewrittenNodes(RelNode[] nodes, bool placedFromThis, bool samePositions, bool sameReaders) =>
        new(Name, Parameters, nodes, previous: this, rewritten: placedFromThis, samePositions: samePositions, sameReaders: sameReaders && samePositions);

    public Workflow WithParameters(Seq<Parameter> parameters) => new(Name, parameters, Nodes);

    /// <summary>For each node id, the ids of the nodes that read it, in node order (built on first use, once per workflow).</summary>
    public IReadOnlyDictionary<int, ImmutableArray<int>> Consumers() => _consumers ??= BuildConsumers();

    private NodeConsumers? _consumers;

    /// <summary>
    /// How many inputs of other nodes read the node (a self-join counts twice), 0 for an id not in the workflow.
    /// Counted on first use, once per workflow, without the lists of <see cref="Consumers"/>: the optimizer's
    /// passes and the removal of dead steps ask only this, of the workflow of every pass that changed something.
    /// </summary>
    internal int ReaderCount(int id) => _index.PositionOf(id) is >= 0 and var at ? (_readerCounts ??= CountReaders())[at] : 0;

    private int[]? _readerCounts;

    private int[] CountReaders()
    {
        var count = new int[_nodes.Length];
        foreach (var node in _nodes)
            foreach (var input in node.Inputs) count[_index.PositionOf(input)]++;
        return count;
    }

    // Counted first by position, so that each list is one array of the exact size; then filled from the
    // last reader back, the count of each list serving as its cursor.
    private NodeConsumers BuildConsumers()
    {
        var count = _readerCounts is { } counted ? (int[])counted.Clone() : CountReaders();
        var lists = new ImmutableArray<int>[_nodes.Length];
        for (int i = 0; i < lists.Length; i++) lists[i] = count[i] == 0 ? [] : ImmutableCollectionsMarshal.AsImmutableArray(new int[count[i]]);
        for (int i = _nodes.Length - 1; i >= 0; i--)
        {
            var inputs = _nodes[i].Inputs;
            for (int port = inputs.Count - 1; port >= 0; port--)
            {
                int at = _index.PositionOf(inputs[port]);
                ImmutableCollectionsMarshal.AsArray(lists[at])![--count[at]] = _nodes[i].Id;
            }
        }
        return new NodeConsumers(_index, _nodes, lists);
    }

    public override string ToString() => IrPrinter.Print(this);

    private bool InputsKeptSchemas(Seq<int> inputs, bool[] sameSchema)
    {
        foreach (var id in inputs)
            if (!sameSchema[_index.PositionOf(id)]) return false;
        return true;
    }

    // Whether every input is the previous workflow's very node, with its schema.
    private bool InputsKept(Seq<int> inputs, bool[] sameSchema, Workflow previous)
    {
        foreach (var id in inputs)
        {
            int at = _index.PositionOf(id);
            if (!sameSchema[at] || !ReferenceEquals(_nodes[at], previous.Find(id))) return false;
        }
        return true;
    }

    // Whether every node comes after its inputs already: then the stable order is the given one.
    private static bool IsTopological(RelNode[] nodes, NodeIndex index)
    {
        bool ordered = true;
        for (int i = 0; i < nodes.Length; i++)
        {
            foreach (var input in nodes[i].Inputs)
            {
                int at = index.PositionOf(input);
                if (at < 0) throw new InvalidOperationException($"IR node {nodes[i].Id} reads missing node {input}.");
                if (at >= i) ordered = false;
            }
        }
        return ordered;
    }

    // Kahn's algorithm, iterative; a queue ordered by original position keeps the result stable.
    private static RelNode[] TopologicalOrder(RelNode[] nodes, NodeIndex index)
    {
        var pending = new int[nodes.Length];
        var consumers = new List<int>[nodes.Length];
        for (int i = 0; i < nodes.Length; i++)
        {
            foreach (var input in nodes[i].Inputs)
            {
                pending[i]++;
                (consumers[index.PositionOf(input)] ??= []).Add(i);
            }
        }
        var ready = new PriorityQueue<int, int>();
        for (int i = 0; i < nodes.Length; i++)
            if (pending[i] == 0) ready.Enqueue(i, i);
        var result = new RelNode[nodes.Length];
        int count = 0;
        while (ready.TryDequeue(out int i, out _))
        {
            result[count++] = nodes[i];
            if (consumers[i] is null) continue;
            foreach (var c in consumers[i])
                if (--pending[c] == 0) ready.Enqueue(c, c);
        }
        if (count != nodes.Length) throw new InvalidOperationException("The IR nodes form a cycle.");
        return result;
    }
}
