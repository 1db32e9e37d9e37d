using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>
/// Joins and semi joins that follow a spatial join plan: the probing input looks its candidates
/// up in the indexed pieces of the other side, one <c>LATERAL</c> subquery per probing row.
/// A candidate side row is kept once however many of its pieces matched (grouped by its row
/// number), so duplicate rows on either side keep their multiplicity. Where a piece cannot decide
/// (a point on a cut line is inside the polygon but on the boundary of both pieces; touches) the
/// predicate is tested against the whole geometry the pieces were cut from. spec/dialects.md
/// (planned spatial joins) argues why the results equal the plain join's.
/// </summary>
internal sealed partial class QueryWriter
{
    private const string PieceAlias = "p";
    private const string CandidateAlias = "m";

    private static string Alias(int side) => side == 0 ? LeftAlias : RightAlias;

    /// <summary>
    /// <c>FROM probing CROSS JOIN LATERAL (side rows matching it) AS side</c>; a left (right) join
    /// whose right (left) side is indexed keeps unmatched probing rows with <c>LEFT JOIN LATERAL ... ON TRUE</c>.
    /// </summary>
    private SqlBlock WritePlannedJoin(JoinNode j, PlannedSpatialJoin planned)
    {
        var plan = planned.Plan;
        string side = Alias(plan.IndexedSide);
        var parts = new PlannedParts(this, j, planned);
        var lateral = new SqlBlock();
        if (planned.Pieces is null)
        {
            // Whole geometries are the pieces: the index serves the predicate itself.
            lateral.Append(Select([side + ".*"], $"{planned.Side} AS {side}"));
            Where(lateral, [parts.OnWhole, .. parts.Rest]);
        }
        else
        {
            string row = Dialect.Identifier(planned.RowColumn);
            // Where pieces are exact the WHERE already holds the predicate for every piece grouped: no piece has to decide.
            var sure = plan.PiecesAreExact ? null : parts.Sure;
            var candidates = SelectList(sure is null
                    ? [$"{PieceAlias}.{row}"]
                    : [$"{PieceAlias}.{row}", $"BOOL_OR({sure}) AS {PlannedSpatialJoin.SureColumn}"])
                .Line($"FROM {planned.Pieces} AS {PieceAlias}")
                .Line("WHERE " + parts.Candidate)
                .Line($"GROUP BY {PieceAlias}.{row}");
            lateral.Line($"SELECT {side}.*")
                .Line("FROM (")
                .Append(candidates, 2)
                .Line($") AS {CandidateAlias}")
                .Line($"INNER JOIN {planned.Side} AS {side} ON {side}.{row} = {CandidateAlias}.{row}");
            List<string> conditions = [.. parts.Rest];
            if (!plan.PiecesAreExact)
                conditions.Insert(0, sure is null ? parts.OnWhole : $"CASE WHEN {CandidateAlias}.{PlannedSpatialJoin.SureColumn} THEN TRUE ELSE {parts.OnWhole} END");
            Where(lateral, conditions);
        }

        bool inner = j.Kind == JoinKind.Inner;
        return SelectList(j.Outputs.Select(o => JoinItem(Alias(o.Side), o)))
            .Append(parts.From())
            .Line(inner ? "CROSS JOIN LATERAL (" : "LEFT JOIN LATERAL (")
            .Append(lateral, 2)
            .Line(inner ? $") AS {side}" : $") AS {side} ON TRUE");
    }

    /// <summary><c>WHERE [NOT] EXISTS (a piece matching the row, joined to its side row)</c>; no deduplication needed.</summary>
    private SqlBlock WritePlannedSemiJoin(SemiJoinNode s, PlannedSpatialJoin planned)
    {
        var plan = planned.Plan;
        var parts = new PlannedParts(this, s, planned);
        var probe = new SqlBlock().Line("SELECT 1", 2);
        if (planned.Pieces is null)
        {
            probe.Line($"FROM {planned.Side} AS {RightAlias}", 2);
            Where(probe, [parts.OnWhole, .. parts.Rest], 2);
        }
        else
        {
            string row = Dialect.Identifier(planned.RowColumn);
            probe.Line($"FROM {planned.Pieces} AS {PieceAlias}", 2)
                .Line($"INNER JOIN {planned.Side} AS {RightAlias} ON {RightAlias}.{row} = {PieceAlias}.{row}", 2);
            List<string> conditions = [parts.Candidate, .. parts.Rest];
            if (!plan.PiecesAreExact)
                conditions.Insert(1, parts.Sure is { } sure ? $"CASE WHEN {sure} THEN TRUE ELSE {parts.OnWhole} END" : parts.OnWhole);
            Where(probe, conditions, 2);
        }
        return SelectList(Columns(s.Schema, LeftAlias))
            .Append(parts.From())
            .Line(s.Anti ? "WHERE NOT EXISTS (" : "WHERE EXISTS (")
            .Append(probe)
            .Line(")");
    }

    private static void Where(SqlBlock block, IReadOnlyList<string> conditions, int indent = 0)
    {
        for (int i = 0; i < conditions.Count; i++)
            block.Line((i == 0 ? "WHERE " : "  AND ") + conditions[i], indent);
    }

    /// <summary>The SQL pieces of one planned join: the probing FROM item and the predicates on pieces and on whole geometries.</summary>
    private sealed class PlannedParts
    {
        private readonly QueryWriter _owner;
        private readonly PlannedSpatialJoin _planned;
        private readonly ExpressionWriter _writer;
        private readonly Expr _onWhole;
        private readonly Expr _onPiece;
        private readonly Expr _probe;

        public PlannedParts(QueryWriter owner, RelNode node, PlannedSpatialJoin planned)
        {
            _owner = owner;
            _planned = planned;
            var plan = planned.Plan;
            // Input 2 is the pieces table.
            _writer = new ExpressionWriter(owner._context, node, ExpressionWriter.Qualified(owner.Dialect, LeftAlias, RightAlias, PieceAlias));
            int probeArgument = 1 - plan.GeoArgument;
            var conjunct = plan.Conjunct;
            _probe = planned.ProbeColumn is { } column
                ? new ColumnRef(column, SqlType.Geography, conjunct.Args[probeArgument].Nullable, 1 - plan.IndexedSide)
                : conjunct.Args[probeArgument];
            var onWhole = With(conjunct, probeArgument, _probe);
            _onWhole = onWhole;
            Rest = planned.Rest is null ? [] : [Write(planned.Rest)];
            _onPiece = planned.Pieces is null
                ? onWhole
                : With(onWhole, plan.GeoArgument, new ColumnRef(PlannedSpatialJoin.PieceColumn, SqlType.Geography, false, 2));
        }

        /// <summary>The indexed predicate on the whole geometry of the side row (the probe read once per row).</summary>
        public string OnWhole => Write(_onWhole);

        /// <summary>The other conjuncts of the join condition.</summary>
        public IReadOnlyList<string> Rest { get; }

        /// <summary>
        /// What the index looks up: the predicate itself on a piece where pieces are exact (a pair
        /// matches exactly when one of its pieces does), else any contact with the piece.
        /// </summary>
        public string Candidate => Write(_planned.Plan.PiecesAreExact
            ? _onPiece
            : ExprFactory.Call(Functions.Intersects, _probe, ((Call)_onPiece).Args[_planned.Plan.GeoArgument]));

        /// <summary>For an inexact predicate, a test on one piece that decides the pair matches (within a piece is within the whole); null when no piece can decide (touches).</summary>
        public string? Sure => _planned.Plan.PieceImpliesMatch ? Write(_onPiece) : null;

        /// <summary>
        /// The probing input as a FROM clause: its relation, or a subquery that computes the probe
        /// once per probing row. A step read once is inlined by the engine, and its columns with
        /// it: a probe column computed there (a buffer) would be computed again by the index
        /// lookup and by each test of a candidate, so such an input is fenced too. A scan is read
        /// as stored, or through a query that is fenced already.
        /// </summary>
        public SqlBlock From()
        {
            var plan = _planned.Plan;
            string alias = Alias(1 - plan.IndexedSide);
            string relation = _owner._relation(_planned.ProbeInput);
            bool fenced = _planned.ProbeColumn is not null ||
                          _owner.Dialect.OncePerRow is not null && _owner._context.Workflow[_planned.ProbeInput] is not ScanNode;
            if (!fenced) return new SqlBlock().Line($"FROM {relation} AS {alias}");
            var items = _planned.ProbeColumn is { } column
                ? $"{alias}.*, {Write(plan.Conjunct.Args[1 - plan.GeoArgument])} AS {_owner.Dialect.Identifier(column)}"
                : $"{alias}.*";
            var query = new SqlBlock()
                .Line($"SELECT {items}")
                .Line($"FROM {relation} AS {alias}");
            return new SqlBlock()
                .Line("FROM (")
                .Append(_owner.OncePerRow(query), 2)
                .Line($") AS {alias}");
        }

        private string Write(Expr e) => _writer.Write(e).Wrap(Precedence.And);

        private static Call With(Call call, int argument, Expr value) => call with { Args = call.Args.SetItem(argument, value) };
    }
}
