using Cwf.Ir;

namespace Cwf.Optimization;

/// <summary>
/// A working copy of a workflow for one pass: replace nodes, insert new ones, and redirect a
/// node's readers to another node (removing it). Keeps reader counts up to date so that a pass
/// can ask whether it may change a node in place (only its one reader sees it).
/// <see cref="ToWorkflow"/> returns the original instance when nothing changed; the rewriter is
/// not used after it. A node put in place gets its schema derived from its inputs' current ones;
/// the new workflow derives again the schema of every node whose inputs changed (a pruned input
/// shrinks a filter's schema), and only theirs (<see cref="Workflow.WithRewrittenNodes"/>).
/// <para>
/// Only the changes are stored (nodes replaced or inserted, nodes removed, reader counts as a
/// difference from the original's): a pass that looks at every node of a large workflow and
/// changes few costs no copy of it. They are kept by slot (an original node's position, then the
/// inserted nodes in the order of their ids) in arrays lent by <see cref="PooledArray"/> on the
/// first change (the places of inserted nodes on the first insertion) and given back by
/// <see cref="ToWorkflow"/>: tables keyed by id grew by doubling to large objects at 100,000
/// nodes, in every pass that changed many nodes.
/// </para>
/// </summary>
internal sealed class WorkflowRewriter
{
    // What the pass changed of one node.
    private struct Slot
    {
        // The current version where it is not the original's (for an inserted node not removed: always).
        public RelNode? Changed;
        // Readers gained or lost against the original workflow's count.
        public int ReaderDelta;
        // A removed node: the slot of the node its readers read now, plus one (zero, a lent array's: not removed).
        public int Target;
    }

    private readonly Workflow _original;
    private readonly int _originalCount;
    private readonly int _firstNewId;
    private readonly Func<int, Schema> _schemaOf;
    // Equal schemas of the nodes this pass places as one object, as the builder does (the branches of a fan-out pruned alike).
    private readonly SchemaTable _schemas = new();
    private Slot[]? _slots;
    // Two per slot: an original node's first and last node inserted before it; an inserted node's original node
    // it is placed before, and the next node inserted there. Slots plus one, so that zero is none.
    private int[]? _links;
    // Slots in use: the original nodes' once anything changed, then up to the last inserted node's.
    private int _used;
    private int _nextId;
    private int _redirects;
    // Whether a node was inserted or removed: otherwise every node keeps its position.
    private bool _moved;
    // Whether an original node was put back after another version of it had been in place (see Replace).
    private bool _restored;
    private bool _finished;

    public WorkflowRewriter(Workflow workflow)
    {
        _original = workflow;
        _originalCount = workflow.Nodes.Length;
        _firstNewId = _nextId = workflow.NextId;
        _schemaOf = id => Current(id).Schema;
    }

    public bool Changed { get; private set; }

    /// <summary>Whether the node still exists (it was not redirected away).</summary>
    public bool Contains(int id)
    {
        int slot = SlotOf(id);
        if (slot < 0) return false;
        if (slot >= _originalCount) return _slots![slot].Changed is not null;
        return _slots is null || _slots[slot].Target == 0;
    }

    /// <summary>The id a (possibly removed) node's readers now read.</summary>
    public int Resolve(int id)
    {
        if (_redirects == 0 || RemovedSlot(id) is not (>= 0 and var slot)) return id;
        while (_slots![slot].Target != 0) slot = _slots[slot].Target - 1;
        return IdOf(slot);
    }

    public RelNode this[int id] => Current(Resolve(id));

    /// <summary>How many inputs of other nodes read this node (a self-join counts twice).</summary>
    public int Readers(int id)
    {
        id = Resolve(id);
        int slot = SlotOf(id);
        return _original.ReaderCount(id) + (slot >= 0 && _slots is { } slots ? slots[slot].ReaderDelta : 0);
    }

    public int NewId() => _nextId++;

    /// <summary>Puts a new version of an existing node (same id) in place; an equal node changes nothing.</summary>
    public T Replace<T>(T node) where T : RelNode
    {
        var old = Current(node.Id);
        var resolved = Placed(node);
        // An equal node is no change: a pass that rebuilds a node as it was must not keep the rounds going.
        if (resolved.Equals(old)) return (T)old;
        // Nodes placed meanwhile read the other version's schema: the new workflow must not take them as placed from the original.
        if (_original.Contains(node.Id) && ReferenceEquals(resolved, _original[node.Id])) _restored = true;
        // Most replacements (pruning's) keep the inputs: then no reader count changes.
        if (!old.Inputs.Equals(resolved.Inputs))
        {
            foreach (var input in old.Inputs) AddReaders(Resolve(input), -1);
            foreach (var input in resolved.Inputs) AddReaders(input, 1);
        }
        Slots(0)[SlotOf(node.Id)].Changed = resolved;
        Changed = true;
        return (T)resolved;
    }

    /// <summary>Adds a new node (its id from <see cref="NewId"/>), placed before <paramref name="before"/> in the output order.</summary>
    public T Insert<T>(T node, int before) where T : RelNode
    {
        if (node.Id < _firstNewId || node.Id >= _nextId || Contains(node.Id))
            throw new ArgumentException($"An inserted IR node takes an id from NewId that no node has; {node.Id} is not one.", nameof(node));
        int anchor = SlotOf(before);
        // Before an inserted node is before the original node it was placed before.
        if (anchor >= _originalCount) anchor = _links![2 * anchor] - 1;
        if (anchor < 0) throw new KeyNotFoundException($"IR node {before} is not in the workflow.");
        var resolved = (T)Placed(node);
        foreach (var input in resolved.Inputs) AddReaders(input, 1);
        int slot = _originalCount + (resolved.Id - _firstNewId);
        Slots(slot + 1)[slot].Changed = resolved;
        var links = Links();
        links[2 * slot] = anchor + 1;
        int last = links[2 * anchor + 1];
        if (last == 0) links[2 * anchor] = slot + 1;
        else links[2 * (last - 1) + 1] = slot + 1;
        links[2 * anchor + 1] = slot + 1;
        _moved = true;
        Changed = true;
        return resolved;
    }

    /// <summary>Removes <paramref name="from"/>; whatever read it reads <paramref name="to"/> instead.</summary>
    public void Redirect(int from, int to)
    {
        from = Resolve(from);
        to = Resolve(to);
        if (from == to) throw new InvalidOperationException($"Cannot redirect node {from} to itself.");
        if (!Contains(to)) throw new KeyNotFoundException($"IR node {to} is not in the workflow.");
        var old = Current(from);
        int readers = Readers(from);
        ref var slot = ref Slots(0)[SlotOf(from)];
        slot.Changed = null;
        slot.Target = SlotOf(to) + 1;
        _redirects++;
        foreach (var input in old.Inputs) AddReaders(Resolve(input), -1);
        AddReaders(to, readers);
        _moved = true;
        Changed = true;
    }

    /// <summary>The rewritten workflow (the original when nothing changed); gives the rewriter's arrays back.</summary>
    public Workflow ToWorkflow()
    {
        if (_finished) throw new InvalidOperationException("The rewriter made its workflow already.");
        _finished = true;
        if (!Changed)
        {
            Release();
            return _original;
        }
        var slots = _slots!;
        int count = 0;
        bool sameReaders = !_moved;
        for (int slot = 0; slot < _used; slot++)
        {
            ref var s = ref slots[slot];
            if (slot < _originalCount ? s.Target == 0 : s.Changed is not null) count++;
            sameReaders &= s.ReaderDelta == 0;
        }
        var nodes = _original.Nodes;
        var result = new RelNode[count];
        int at = 0;
        for (int i = 0; i < nodes.Length; i++)
        {
            if (_links is { } links)
                for (int next = links[2 * i]; next != 0; next = links[2 * (next - 1) + 1])
                    if (slots[next - 1].Changed is { } inserted) result[at++] = Resolved(inserted);
            if (slots[i].Target == 0) result[at++] = Resolved(slots[i].Changed ?? nodes[i]);
        }
        Release();
        return _original.WithRewrittenNodes(result, placedFromThis: !_restored, samePositions: !_moved, sameReaders: sameReaders);
    }

    private void Release()
    {
        if (_slots is not null) PooledArray.Return(_slots, _used);
        if (_links is not null) PooledArray.Return(_links, 2 * _used);
        _slots = null;
        _links = null;
    }

    // An original node's position, then the inserted nodes' slots by id; -1 for an id no node has had.
    private int SlotOf(int id)
    {
        if (id < _firstNewId) return _original.PositionOf(id);
        int slot = _originalCount + (id - _firstNewId);
        return slot < _used ? slot : -1;
    }

    private int IdOf(int slot) => slot < _originalCount ? _original.Nodes[slot].Id : _firstNewId + (slot - _originalCount);

    private int RemovedSlot(int id) => SlotOf(id) is >= 0 and var slot && _slots![slot].Target != 0 ? slot : -1;

    // The slots, lent on the first change, covering at least `used` (grown for an inserted node).
    private Slot[] Slots(int used)
    {
        if (_finished) throw new InvalidOperationException("The rewriter was used after it made its workflow.");
        used = Math.Max(used, _originalCount);
        if (_slots is null)
        {
            _slots = PooledArray.Rent<Slot>(used);
            _used = used;
        }
        else if (used > _slots.Length)
        {
            _slots = Grown(_slots, used, _used);
            if (_links is not null) _links = Grown(_links, 2 * used, 2 * _used);
        }
        if (used > _used)
        {
            // Past the part lent zeroed, a lent array holds what its last user left.
            Array.Clear(_slots, _used, used - _used);
            if (_links is not null) Array.Clear(_links, 2 * _used, 2 * (used - _used));
            _used = used;
        }
        return _slots;
    }

    // The places of inserted nodes, lent on the first insertion (after the slots, which cover it).
    private int[] Links() => _links ??= PooledArray.Rent<int>(2 * _slots!.Length);

    private static T[] Grown<T>(T[] array, int length, int used)
    {
        var grown = PooledArray.Rent<T>(Math.Max(length, 2 * array.Length));
        Array.Copy(array, grown, used);
        PooledArray.Return(array, used);
        return grown;
    }

    // The current version of a node that exists (throws for a removed one, as a lookup of a missing id does).
    private RelNode Current(int id)
    {
        if (SlotOf(id) is >= 0 and var slot && _slots is { } slots)
        {
            if (slots[slot].Changed is { } node) return node;
            if (slots[slot].Target != 0) throw new KeyNotFoundException($"IR node {id} was removed.");
        }
        return _original[id];
    }

    private void AddReaders(int id, int count)
    {
        if (SlotOf(id) is not (>= 0 and var slot)) throw new KeyNotFoundException($"IR node {id} is not in the workflow.");
        Slots(0)[slot].ReaderDelta += count;
    }

    // The node reading the current versions of its inputs, with the schema they give it. A node with no schema yet
    // was just made by the pass (with `with`), so it is given its schema instead of being copied.
    private RelNode Placed(RelNode node) => Resolved(node).PlacedFrom(_schemaOf, _schemas);

    private RelNode Resolved(RelNode node)
    {
        // Most passes redirect nothing (pruning never does): then no node's inputs need a look.
        if (_redirects == 0) return node;
        var inputs = node.Inputs;
        bool any = false;
        foreach (var i in inputs)
            if (RemovedSlot(i) >= 0) any = true;
        return any ? node.WithInputs(inputs.Map(Resolve)) : node;
    }
}
