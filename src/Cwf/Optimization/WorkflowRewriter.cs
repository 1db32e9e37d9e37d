using Cwf.Ir;

namespace Cwf.Optimization;

/// <summary>
/// A mutable working copy of a workflow for one pass: replace nodes, insert new ones, and
/// redirect a node's readers to another node (removing it). Keeps reader counts up to date so
/// that a pass can ask whether it may change a node in place (only its one reader sees it).
/// <see cref="ToWorkflow"/> returns the original instance when nothing changed. A node put in
/// place gets its schema derived from its inputs' current ones; the new workflow derives every
/// schema again (a pruned input shrinks a filter's schema).
/// </summary>
internal sealed class WorkflowRewriter
{
    private readonly Workflow _original;
    private readonly Dictionary<int, RelNode> _nodes;
    private readonly Dictionary<int, int> _alias = [];
    private readonly Dictionary<int, int> _readers = [];
    private readonly Dictionary<int, List<int>> _insertedBefore = [];
    private readonly Dictionary<int, int> _anchor = [];
    private int _nextId;

    public WorkflowRewriter(Workflow workflow)
    {
        _original = workflow;
        _nodes = new Dictionary<int, RelNode>(workflow.Nodes.Length);
        foreach (var node in workflow.Nodes)
        {
            _nodes[node.Id] = node;
            _readers.TryAdd(node.Id, 0);
            foreach (var input in node.Inputs) _readers[input] = _readers.GetValueOrDefault(input) + 1;
        }
        _nextId = workflow.NextId;
    }

    public bool Changed { get; private set; }

    /// <summary>Whether the node still exists (it was not redirected away).</summary>
    public bool Contains(int id) => _nodes.ContainsKey(id);

    /// <summary>The id a (possibly removed) node's readers now read.</summary>
    public int Resolve(int id)
    {
        while (_alias.TryGetValue(id, out int target)) id = target;
        return id;
    }

    public RelNode this[int id] => _nodes[Resolve(id)];

    /// <summary>How many inputs of other nodes read this node (a self-join counts twice).</summary>
    public int Readers(int id) => _readers.GetValueOrDefault(Resolve(id));

    public int NewId() => _nextId++;

    /// <summary>Puts a new version of an existing node (same id) in place; an equal node changes nothing.</summary>
    public T Replace<T>(T node) where T : RelNode
    {
        var old = _nodes[node.Id];
        var resolved = Placed(node);
        // An equal node is no change: a pass that rebuilds a node as it was must not keep the rounds going.
        if (resolved.Equals(old)) return (T)old;
        foreach (var input in old.Inputs) _readers[Resolve(input)]--;
        foreach (var input in resolved.Inputs) _readers[input]++;
        _nodes[node.Id] = resolved;
        Changed = true;
        return (T)resolved;
    }

    /// <summary>Adds a new node (its id from <see cref="NewId"/>), placed before <paramref name="before"/> in the output order.</summary>
    public T Insert<T>(T node, int before) where T : RelNode
    {
        var resolved = (T)Placed(node);
        foreach (var input in resolved.Inputs) _readers[input]++;
        _nodes[resolved.Id] = resolved;
        _readers[resolved.Id] = 0;
        int anchor = _anchor.GetValueOrDefault(before, before);
        _anchor[resolved.Id] = anchor;
        if (!_insertedBefore.TryGetValue(anchor, out var list)) _insertedBefore[anchor] = list = [];
        list.Add(resolved.Id);
        Changed = true;
        return resolved;
    }

    /// <summary>Removes <paramref name="from"/>; whatever read it reads <paramref name="to"/> instead.</summary>
    public void Redirect(int from, int to)
    {
        from = Resolve(from);
        to = Resolve(to);
        if (from == to) throw new InvalidOperationException($"Cannot redirect node {from} to itself.");
        var old = _nodes[from];
        _nodes.Remove(from);
        foreach (var input in old.Inputs) _readers[Resolve(input)]--;
        _readers[to] += _readers[from];
        _readers.Remove(from);
        _alias[from] = to;
        Changed = true;
    }

    public Workflow ToWorkflow()
    {
        if (!Changed) return _original;
        var list = new List<RelNode>(_nodes.Count);
        foreach (var node in _original.Nodes)
        {
            if (_insertedBefore.TryGetValue(node.Id, out var inserted))
                foreach (var id in inserted)
                    if (_nodes.TryGetValue(id, out var n)) list.Add(Resolved(n));
            if (_nodes.TryGetValue(node.Id, out var current)) list.Add(Resolved(current));
        }
        return _original.WithNodes(list);
    }

    // The node reading the current versions of its inputs, with the schema they give it.
    private RelNode Placed(RelNode node) => Resolved(node).WithSchemaFrom(id => _nodes[id].Schema);

    private RelNode Resolved(RelNode node)
    {
        var inputs = node.Inputs;
        bool any = false;
        foreach (var i in inputs)
            if (_alias.ContainsKey(i)) any = true;
        return any ? node.WithInputs(inputs.Map(Resolve)) : node;
    }
}
