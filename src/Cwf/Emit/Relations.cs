using Cwf.Ir;
using Cwf.Planning;

namespace Cwf.Emit;

/// <summary>
/// How the statements of one emission reach each needed node's rows, as the plan decided: a CTE,
/// a temporary table or a view named after the step, the table itself for a scan, and for a
/// planned spatial join its indexed side and pieces. The plan is carried out as it stands, never
/// decided again: a plan the dialect cannot run (made for another target or mode, or for another
/// workflow) is a programming error, refused with an exception (Planner.Fit adapts a hand-made one).
/// </summary>
internal sealed class Relations
{
    private readonly EmitContext _context;
    private readonly IReadOnlyDictionary<int, TableName> _tables;
    private readonly NodePositions _positions;
    // By position (EmitGraph.Positions): every needed node has a kind, most a CTE name.
    private readonly Materialization[] _kind;
    private readonly string?[] _cteName;
    private readonly bool[] _readsTable;
    // By id: only scans and sinks have a table, so not an array of a string a node.
    private readonly Dictionary<int, string> _tableSql = [];
    private readonly Dictionary<int, string> _materializedName = [];
    private readonly Dictionary<int, PlannedSpatialJoin> _spatialJoins = [];

    public Relations(EmitGraph graph, EmitContext context, OutputTables names)
    {
        _context = context;
        _positions = graph.Positions;
        _kind = new Materialization[_positions.Count];
        _cteName = new string?[_positions.Count];
        _readsTable = new bool[_positions.Count];
        var tables = names.ByNode;
        _tables = tables;
        Database = names.Database;
        var plan = context.Options.Plan;
        bool script = context.Options.Mode != EmitMode.Query;
        // A CALL statement names its inputs' tables: each is a table or view of its own.
        var called = graph.Needed.Where(id => context.Workflow[id] is OpaqueNode { Statement: not null }).SelectMany(id => context.Workflow[id].Inputs).ToHashSet();
        foreach (var id in graph.Needed)
            if (context.Workflow[id] is ScanNode scan) _readsTable[_positions[id]] = !Dialect.AdaptsInput(scan.Schema);
        foreach (var id in graph.Needed)
        {
            var node = context.Workflow[id];
            if (node is SinkNode) continue;
            // A procedure writes a table of its own, whatever the plan says.
            _kind[_positions[id]] = node is OpaqueNode { WritesTable: true } && script ? Materialization.TempTable
                : script && called.Contains(id) && !ReadsTable(id) && plan.For(id) == Materialization.Cte
                    ? (Dialect.Capabilities.TemporaryTables ? Materialization.TempTable : Materialization.View)
                : Executable(plan.For(id), node);
        }

        var namer = new RelationNamer(tables.Values.Where(t => t.Parts.Count == 1).Select(t => t.Table), Dialect.IsReserved, graph.Needed.Count);
        foreach (var id in graph.Needed)
        {
            var node = context.Workflow[id];
            int position = _positions[id];
            var kind = _kind[position];
            if (node is SinkNode || _readsTable[position] && kind == Materialization.Cte) continue;
            _cteName[position] = namer.Next(node);
            if (node is OpaqueNode { Call.Destination: { } destination } && kind != Materialization.Cte)
                _materializedName[id] = Dialect.TableName(destination);
            else if (node is OpaqueNode { WritesTable: true } && kind != Materialization.Cte)
                _materializedName[id] = Dialect.TableName(ToolboxProcedureCalls.WorkTable(graph.Sinks.Select(s => tables[s.Id]), namer.Next(node, "cwf_")));
            else if (kind != Materialization.Cte) _materializedName[id] = namer.Next(node, "cwf_");
        }

        FindQualifiedFilters(graph);

        foreach (var id in graph.Needed)
        {
            if (plan.SpatialJoinFor(id) is not { } spatial) continue;
            var node = context.Workflow[id];
            var planned = ExecutableSpatialJoin(spatial, node);
            _spatialJoins[id] = planned with
            {
                Side = namer.Next(node, "cwf_", "_side"),
                Pieces = planned.Plan.Subdivide ? namer.Next(node, "cwf_", "_pieces") : null,
            };
        }
    }

    private Dialect Dialect => _context.Dialect;

    /// <summary>Filters written with QUALIFY over the window step they read, which then has no query of its own.</summary>
    public IReadOnlySet<int> QualifiedFilters => _qualifiedFilters;

    /// <summary>The window steps those filters compute themselves.</summary>
    public IReadOnlySet<int> FusedWindows => _fusedWindows;

    private readonly HashSet<int> _qualifiedFilters = [];
    private readonly HashSet<int> _fusedWindows = [];

    /// <summary>
    /// A filter over a window step in a CTE that nothing else reads is one query with QUALIFY where
    /// the dialect has it; elsewhere the filter reads the window step's query.
    /// </summary>
    private void FindQualifiedFilters(EmitGraph graph)
    {
        if (Dialect.Qualify("") is null) return;
        // By position, sized once (a dictionary grown node by node allocated about twice its final size).
        var readers = new int[_positions.Count];
        foreach (var id in graph.Needed)
            foreach (var input in _context.Workflow[id].Inputs)
                readers[_positions[input]]++;
        foreach (var id in graph.Needed)
        {
            if (_context.Workflow[id] is not FilterNode filter || _context.Workflow[filter.Input] is not WindowNode window) continue;
            if (Kind(window.Id) != Materialization.Cte || readers[_positions[window.Id]] != 1 || graph.Outputs.Any(o => o.Source == window.Id)) continue;
            _qualifiedFilters.Add(filter.Id);
            _fusedWindows.Add(window.Id);
        }
    }

    /// <summary>Joins and semi joins written through their indexed side, by node id.</summary>
    public IReadOnlyDictionary<int, PlannedSpatialJoin> SpatialJoins => _spatialJoins;

    /// <summary>The temporary tables and views, by node id.</summary>
    public IReadOnlyDictionary<int, string> Materialized => _materializedName;

    public Materialization Kind(int id) => _kind[_positions[id]];

    public string CteName(int id) => _cteName[_positions[id]] ?? throw new InvalidOperationException($"Node %{id} has no CTE: it is not needed, or read as its table.");

    /// <summary>The database the tables' dropped first part names: the script must run in it (null: none was dropped).</summary>
    public string? Database { get; }

    /// <summary>The node's table (scans and sinks), with the parts the dialect keeps.</summary>
    public TableName TableNameOf(int id) => _tables[id];

    /// <summary>The node's table as the script writes it (scans and sinks).</summary>
    public string Table(int id)
    {
        if (!_tableSql.TryGetValue(id, out var sql)) _tableSql[id] = sql = Dialect.TableName(_tables[id]);
        return sql;
    }

    /// <summary>A scan read straight from its table, its columns needing no decoding (<see cref="Dialect.AdaptsInput"/>); else a scan is a query like any step.</summary>
    public bool ReadsTable(int id) => _readsTable[_positions[id]];

    /// <summary>How a query reads the rows of a node: its temporary table or view, its table (a scan), or its CTE.</summary>
    public string Relation(int id)
    {
        if (_materializedName.Count > 0 && _materializedName.TryGetValue(id, out var materialized)) return materialized;
        return ReadsTable(id) ? Table(id) : CteName(id);
    }

    /// <summary>The inputs a node's query reads: a planned spatial join reads its indexed input from its side table, a qualified filter its window's input.</summary>
    public Seq<int> InputsRead(int id) =>
        _spatialJoins.TryGetValue(id, out var planned) ? [planned.ProbeInput]
        : _qualifiedFilters.Contains(id) ? _context.Workflow[_context.Workflow[id].Inputs[0]].Inputs
        : _context.Workflow[id].Inputs;

    private Materialization Executable(Materialization kind, RelNode node)
    {
        var capabilities = Dialect.Capabilities;
        bool query = _context.Options.Mode == EmitMode.Query;
        bool possible = kind switch
        {
            Materialization.TempTable => !query && capabilities.TemporaryTables,
            Materialization.View => !query && (capabilities.Views || capabilities.TemporaryViews),
            _ => true,
        };
        return possible ? kind : throw new ArgumentException(
            $"The materialization plan makes step '{node.Name}' (%{node.Id}) a {Planner.Describe(kind)}, which {Dialect.DisplayName} cannot create in " +
            $"{_context.Options.Mode.ToString().ToLowerInvariant()} mode: plan for this dialect and mode (Planner.Plan, or Planner.Fit for a plan made by hand).");
    }

    private PlannedSpatialJoin ExecutableSpatialJoin(SpatialJoinPlan plan, RelNode node)
    {
        if (_context.Options.Mode == EmitMode.Query || Dialect.SpatialIndexing is null || !Dialect.Capabilities.TemporaryTables)
            throw new ArgumentException(
                $"The materialization plan indexes the spatial join of step '{node.Name}' (%{node.Id}), which {Dialect.DisplayName} does not in " +
                $"{_context.Options.Mode.ToString().ToLowerInvariant()} mode: plan for this dialect and mode (Planner.Plan, or Planner.Fit for a plan made by hand).");
        return PlannedSpatialJoin.Create(_context.Workflow, plan, "", null) ?? throw new ArgumentException(
            $"The spatial join plan for step '{node.Name}' (%{node.Id}) does not fit the step (another predicate, side or node): plan for this workflow.");
    }
}
