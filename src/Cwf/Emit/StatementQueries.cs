using Cwf.Ir;
using Cwf.Planning;

namespace Cwf.Emit;

/// <summary>
/// The queries of one emission: each needed step's SELECT, written once and shared by every
/// statement that reads it, and the query of a statement over a step: the CTEs it needs (in
/// topological order) with the step's own SELECT as the main query where possible.
/// </summary>
internal sealed class StatementQueries
{
    private readonly EmitContext _context;
    private readonly Relations _relations;
    private readonly QueryWriter _writer;
    private readonly NodePositions _positions;
    // By position: the query of each needed step that has one.
    private readonly SqlBlock?[] _bodies;
    // Closure's walk, kept between statements: a node is seen when its mark is the walk's number.
    private readonly int[] _seen;
    private int _walk;
    private readonly Stack<int> _stack = new();

    public StatementQueries(EmitGraph graph, EmitContext context, Relations relations)
    {
        _context = context;
        _relations = relations;
        _positions = graph.Positions;
        _bodies = new SqlBlock?[_positions.Count];
        _seen = new int[_positions.Count];
        _writer = new QueryWriter(context, relations.Relation, relations.SpatialJoins, relations.QualifiedFilters);
        // Each body is kept until the script is written: as one text in the text store, a segment of a large array.
        foreach (var id in graph.Needed)
        {
            var node = context.Workflow[id];
            if (node is SinkNode or OpaqueNode { SqlTemplate: null } || relations.ReadsTable(id) || relations.FusedWindows.Contains(id)) continue;
            _bodies[_positions[id]] = (node is ScanNode ? _writer.ReadTable(node.Schema, relations.Table(id)) : _writer.Write(node)).Flattened(context.Texts);
        }
    }

    private Dialect Dialect => _context.Dialect;

    private SqlBlock Body(int id) => _bodies[_positions[id]] ?? throw new InvalidOperationException($"Node %{id} has no query of its own.");

    /// <summary>
    /// The query whose rows are node <paramref name="id"/>'s, with the CTEs it needs. The node's own
    /// SELECT is the main query where possible; custom SQL, scans and columns that must be adapted
    /// for storage are read through <c>SELECT columns FROM relation</c>.
    /// </summary>
    /// <param name="forStorage">The rows go into a table: columns as the dialect stores them (<see cref="Dialect.OutputColumn"/>).</param>
    /// <param name="materializing">The query fills the node's own temporary table or view.</param>
    public SqlBlock For(int id, bool forStorage, bool materializing = false)
    {
        var node = _context.Workflow[id];
        if (_relations.ReadsTable(id)) return _writer.SelectAll(node.Schema, _relations.Table(id), forStorage);
        if (!materializing && _relations.Kind(id) != Materialization.Cte) return _writer.SelectAll(node.Schema, _relations.Materialized[id], forStorage);
        bool direct = QueryWriter.IsSelect(node) && !(forStorage && Dialect.AdaptsOutput(node.Schema));
        if (direct) return Compose(Closure(id, includeRoot: false), Body(id));
        return Compose(Closure(id, includeRoot: true), _writer.SelectAll(node.Schema, _relations.CteName(id), forStorage));
    }

    // Always a new block: the bodies are shared by every statement that reads them (appended whole, not copied).
    private SqlBlock Compose(int[] ctes, SqlBlock main)
    {
        if (ctes.Length == 0) return new SqlBlock(1).Append(main);
        return new SqlBlock(3).Line("WITH").Ctes(new StatementCtes(this, ctes)).Append(main);
    }

    /// <summary>A statement's CTEs by node id, their names and queries read when the statement is written.</summary>
    private sealed class StatementCtes(StatementQueries queries, int[] ids) : SqlCteList
    {
        public override int Count => ids.Length;
        public override string Name(int index) => queries._relations.CteName(ids[index]);
        public override SqlBlock Query(int index) => queries.Body(ids[index]);
    }

    /// <summary>The CTEs a query over <paramref name="root"/> needs, in topological order; materialized nodes and tables are read by name.</summary>
    private int[] Closure(int root, bool includeRoot)
    {
        // Counted first, then written into an array of that length: a statement over a 100,000-step chain keeps one
        // array of its CTEs, not a list grown to it (about twice its size allocated, every step of it a large object).
        var closure = new int[Walk(root, includeRoot, [])];
        Walk(root, includeRoot, closure);
        // Positions while walking, sorted as plain numbers, then turned into ids in place.
        closure.AsSpan().Sort();
        var nodes = _context.Workflow.Nodes;
        for (int i = 0; i < closure.Length; i++) closure[i] = nodes[closure[i]].Id;
        return closure;
    }

    /// <summary>The positions of the CTEs a query over <paramref name="root"/> needs, written into <paramref name="into"/> where it has room; how many there are.</summary>
    private int Walk(int root, bool includeRoot, Span<int> into)
    {
        int count = 0;
        var stack = _stack;
        int walk = ++_walk;
        stack.Push(root);
        while (stack.Count > 0)
        {
            int id = stack.Pop();
            int position = _positions[id];
            if (_seen[position] == walk) continue;
            _seen[position] = walk;
            bool isRoot = id == root;
            if (!isRoot && _relations.Kind(id) != Materialization.Cte) continue;
            if (_relations.ReadsTable(id)) continue;
            if (!isRoot || includeRoot)
            {
                if (count < into.Length) into[count] = position;
                count++;
            }
            foreach (var input in _relations.InputsRead(id)) stack.Push(input);
        }
        return count;
    }
}
