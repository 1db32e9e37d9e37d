using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>
/// The statements of planned spatial joins: the indexed input numbered by row into a temporary
/// table, its geometries cut into pieces, indexes and statistics, created before the first
/// statement that reads the join and dropped at the end like other temporary tables.
/// </summary>
internal sealed partial class ScriptBuilder
{
    private readonly Dictionary<int, PlannedSpatialJoin> _spatialJoins = [];

    /// <summary>
    /// The planned spatial joins this emission follows: in scripts and procedures on a dialect
    /// that indexes them (a single query cannot create tables), where the plan fits the node.
    /// </summary>
    private void PlanSpatialJoins(List<int> needed, RelationNamer namer)
    {
        if (Mode == EmitMode.Query || _dialect.SpatialIndexing is null || !Capabilities.TemporaryTables) return;
        foreach (var id in needed)
        {
            if (_options.Plan.SpatialJoinFor(id) is not { } plan || PlannedSpatialJoin.Create(_workflow, plan, "", null) is not { } planned) continue;
            var node = _workflow[id];
            _spatialJoins[id] = planned with
            {
                Side = namer.Next(node, "cwf_", "_side"),
                Pieces = planned.Plan.Subdivide ? namer.Next(node, "cwf_", "_pieces") : null,
            };
        }
    }

    /// <summary>The inputs a node's query reads: a planned spatial join reads its indexed input from its side table.</summary>
    private IEnumerable<int> InputsRead(int id) =>
        _spatialJoins.TryGetValue(id, out var planned) ? [planned.ProbeInput] : _workflow[id].Inputs;

    /// <summary>
    /// The side table (row numbers; invalid geometries repaired, NULL for valid ones), its pieces,
    /// their indexes and statistics; the drops go to <paramref name="cleanup"/>.
    /// </summary>
    private List<SqlBlock> SpatialJoinSetup(PlannedSpatialJoin planned, List<SqlBlock> cleanup)
    {
        var indexing = _dialect.SpatialIndexing!;
        var plan = planned.Plan;
        string row = _dialect.Identifier(planned.RowColumn), repaired = _dialect.Identifier(planned.RepairedColumn);
        var geo = SqlFragment.Atom("s." + _dialect.Identifier(plan.GeoColumn));
        bool geodesic = plan.Predicate == Functions.DWithin.Name;
        string Render(SqlTemplate template, params SqlFragment[] args) => template.Render(args).Text;
        SqlBlock Statement(SqlTemplate template, params string[] args) => new SqlBlock().Line(Render(template, [.. args.Select(SqlFragment.Atom)]));
        SqlBlock SpatialIndex(string table, string column) =>
            Statement(indexing.SpatialIndex, table, geodesic ? Render(indexing.GeodesicKey, SqlFragment.Atom(column)) : column);

        var statements = new List<SqlBlock>();
        var items = new List<string> { $"ROW_NUMBER() OVER () AS {row}" };
        if (planned.Pieces is not null)
            items.Add($"CASE WHEN {Render(indexing.IsValid, geo)} THEN NULL ELSE {Render(indexing.Repair, geo)} END AS {repaired}");
        items.Add("s.*");
        var numbered = new SqlBlock()
            .Line("SELECT " + string.Join(", ", items))
            .Line("FROM (")
            .Append(StatementQuery(planned.IndexedInput, forStorage: false), 2)
            .Line(") AS s");
        statements.Add(_dialect.CreateTemporaryTable(planned.Side, numbered));
        cleanup.Add(_dialect.DropTemporaryTable(planned.Side));
        statements.Add(Statement(indexing.KeyIndex, planned.Side, row));
        if (planned.Pieces is null) statements.Add(SpatialIndex(planned.Side, _dialect.Identifier(plan.GeoColumn)));
        statements.Add(Statement(indexing.Analyze, planned.Side));
        if (planned.Pieces is not { } pieces) return statements;

        string piece = _dialect.Identifier(PlannedSpatialJoin.PieceColumn);
        var whole = SqlFragment.Atom($"COALESCE(s.{repaired}, {geo.Text})");
        var maxVertices = SqlFragment.Atom(plan.MaxVerticesPerPiece.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var select = new SqlBlock()
            .Line($"SELECT s.{row}, cwf_cut.{piece}")
            .Line($"FROM {planned.Side} AS s")
            .Line($"CROSS JOIN LATERAL {Render(indexing.Parts, whole)} AS cwf_part")
            .Line($"CROSS JOIN LATERAL {Render(indexing.Subdivide, SqlFragment.Atom("cwf_part.geom"), maxVertices)} AS cwf_cut({piece})");
        statements.Add(_dialect.CreateTemporaryTable(pieces, select));
        cleanup.Add(_dialect.DropTemporaryTable(pieces));
        statements.Add(SpatialIndex(pieces, piece));
        statements.Add(Statement(indexing.Analyze, pieces));
        return statements;
    }
}
