using Cwf.Ir;

namespace Cwf.Optimization;

/// <summary>
/// A working copy of a workflow for one pass: replace nodes, insert new ones, and redirect a
/// node's readers to another node (removing it). Keeps reader counts up to date so that a pass
/// can ask whether it may change a node in place (only its one reader sees it).
/// <see cref="ToWorkflow"/> returns the original instance when nothing changed. A node put in
/// place gets its schema derived from its inputs' current ones; the new workflow derives again the
/// schema of every node whose inputs changed (a pruned input shrinks a filter's schema), and only
/// theirs (<see cref="Workflow.WithRewrittenNodes"/>).
/// <para>
/// Only the changes are stored (nodes replaced or inserted, nodes removed, reader counts as a
/// difference from the original's consumers): a pass that looks at every node of a large workflow
/// and changes few costs no copy of it.
/// </para>
/// </summary>
internal sealed class WorkflowRewriter
{
    private readonly Workflow _original;
    private readonly Dictionary<int, RelNode> _changed = [];
    private readonly HashSet<int> _removed = [];
    private readonly Dictionary<int, int> _alias = [];
    private readonly Dictionary<int, int> _readerDelta = [];
    private readonly Dictionary<int, List<int>> _insertedBefore = [];
    private readonly Dictionary<int, int> _anchor = [];
    private readonly Func<int, Schema> _schemaOf;
    // Equal schemas of the nodes this pass places as one object, as the builder does (the branches of a fan-out pruned alike).
    private readonly SchemaTable _schemas = new();
    private int _nextId = -1;
    // Whether an original node was put back after another version of it had been in place (see Replace).
    private bool _restored;

    public WorkflowRewriter(Workflow workflow)
    {
        _original = workflow;
        _schemaOf = id => Current(id).Schema;
    }

    public bool Changed { get; private set; }

    /// <summary>Whether the node still exists (it was not redirected away).</summary>
    public bool Contains(int id) => !_removed.Contains(id) && (_changed.ContainsKey(id) || _original.Contains(id));

    /// <summary>The id a (possibly removed) node's readers now read.</summary>
    public int Resolve(int id)
    {
        while (_alias.TryGetValue(id, out int target)) id = target;
        return id;
    }

    public RelNode this[int id] => Current(Resolve(id));

    /// <summary>How many inputs of other nodes read this node (a self-join counts twice).</summary>
    public int Readers(int id)
    {
        id = Resolve(id);
        return _original.ReaderCount(id) + _readerDelta.GetValueOrDefault(id);
    }

    public int NewId()
    {
        if (_nextId < 0) _nextId = _original.NextId;
        return _nextId++;
    }

    /// <summary>Puts a new version of an existing node (same id) in place; an equal node changes nothing.</summary>
    public T Replace<T>(T node) where T : RelNode
    {
        var old = Current(node.Id);
        var resolved = Placed(node);
        // An equal node is no change: a pass that rebuilds a node as it was must not keep the rounds going.
        if (resolved.Equals(old)) return (T)old;
        // Nodes placed meanwhile read the other version's schema: the new workflow must not take them as placed from the original.
        if (_original.Contains(node.Id) && ReferenceEquals(resolved, _original[node.Id])) _restored = true;
        // Most replacements (pruning's) keep the inputs: then no reader count changes, and none is stored.
        if (!old.Inputs.Equals(resolved.Inputs))
        {
            foreach (var input in old.Inputs) AddReaders(Resolve(input), -1);
            foreach (var input in resolved.Inputs) AddReaders(input, 1);
        }
        _changed[node.Id] = resolved;
        Changed = true;
        return (T)resolved;
    }

    /// <summary>Adds a new node (its id from <see cref="NewId"/>), placed before <paramref name="before"/> in the output order.</summary>
    public T Insert<T>(T node, int before) where T : RelNode
    {
        var resolved = (T)Placed(node);
        foreach (var input in resolved.Inputs) AddReaders(input, 1);
        _changed[resolved.Id] = resolved;
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
        var old = Current(from);
        int readers = Readers(from);
        _changed.Remove(from);
        _removed.Add(from);
        foreach (var input in old.Inputs) AddReaders(Resolve(input), -1);
        AddReaders(to, readers);
        _alias[from] = to;
        Changed = true;
    }

    public Workflow ToWorkflow()
    {
        if (!Changed) return _original;
        var list = new List<RelNode>(_original.Nodes.Length + _changed.Count);
        foreach (var node in _original.Nodes)
        {
            if (_insertedBefore.TryGetValue(node.Id, out var inserted))
                foreach (var id in inserted)
                    if (!_removed.Contains(id)) list.Add(Resolved(_changed[id]));
            if (_removed.Contains(node.Id)) continue;
            list.Add(Resolved(_changed.GetValueOrDefault(node.Id, node)));
        }
        return _restored ? _original.WithNodes(list) : _original.WithRewrittenNodes(list);
    }

    // The current version of a node that exists (throws for a removed one, as a lookup of a missing id does).
    private RelNode Current(int id)
    {
        if (_changed.TryGetValue(id, out var node)) return node;
        if (_removed.Contains(id)) throw new KeyNotFoundException($"IR node {id} was removed.");
        return _original[id];
    }

    private void AddReaders(int id, int count) => _readerDelta[id] = _readerDelta.GetValueOrDefault(id) + count;

    // The node reading the current versions of its inputs, with the schema they give it. A node with no schema yet
    // was just made by the pass (with `with`), so it is given its schema instead of being copied.
    private RelNode Placed(RelNode node) => Resolved(node).PlacedFrom(_schemaOf, _schemas);

    private RelNode Resolved(RelNode node)
    {
        // Most passes redirect nothing (pruning never does): then no node's inputs need a look.
        if (_alias.Count == 0) return node;
        var inputs = node.Inputs;
        bool any = false;
        foreach (var i in inputs)
            if (_alias.ContainsKey(i)) any = true;
        return any ? node.WithInputs(inputs.Map(Resolve)) : node;
    }
}
