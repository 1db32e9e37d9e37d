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

    /// <summary>The side table (row numbers, and whether pieces are exact), its pieces, their indexes and statistics; the drops go to <paramref name="cleanup"/>.</summary>
    private List<SqlBlock> SpatialJoinSetup(PlannedSpatialJoin planned, List<SqlBlock> cleanup)
    {
        var indexing = _dialect.SpatialIndexing!;
        var plan = planned.Plan;
        string row = _dialect.Identifier(planned.RowColumn), exact = _dialect.Identifier(planned.ExactColumn);
        var geo = SqlFragment.Atom("s." + _dialect.Identifier(plan.GeoColumn));
        bool geodesic = plan.Predicate == Functions.DWithin.Name;
        SqlBlock Statement(SqlTemplate template, params string[] args) =>
            new SqlBlock().Line(template.Render([.. args.Select(SqlFragment.Atom)]).Text);
        SqlBlock SpatialIndex(string table, string column) =>
            Statement(indexing.SpatialIndex, table, geodesic ? indexing.GeodesicKey.Render([SqlFragment.Atom(column)]).Text : column);

        var statements = new List<SqlBlock>();
        var items = new List<string> { $"ROW_NUMBER() OVER () AS {row}" };
        if (planned.Pieces is not null) items.Add($"{indexing.PiecesAreExact.Render([geo]).Wrap(Precedence.Atom)} AS {exact}");
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
        var maxVertices = SqlFragment.Atom(plan.MaxVerticesPerPiece.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var select = new SqlBlock()
            .Line($"SELECT s.{row}, s.{exact}, cwf_cut.{piece}")
            .Line($"FROM {planned.Side} AS s")
            .Line($"CROSS JOIN LATERAL {indexing.Parts.Render([geo]).Text} AS cwf_part")
            .Line($"CROSS JOIN LATERAL {indexing.Subdivide.Render([SqlFragment.Atom("cwf_part.geom"), maxVertices]).Text} AS cwf_cut({piece})");
        statements.Add(_dialect.CreateTemporaryTable(pieces, select));
        cleanup.Add(_dialect.DropTemporaryTable(pieces));
        statements.Add(SpatialIndex(pieces, piece));
        statements.Add(Statement(indexing.Analyze, pieces));
        return statements;
    }
}
