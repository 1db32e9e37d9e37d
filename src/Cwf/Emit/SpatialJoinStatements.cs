using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>
/// The statements of a planned spatial join: the indexed input numbered by row into a temporary
/// table, its geometries (valid: repaired where they entered the workflow) cut into pieces,
/// indexes and statistics, created before the first statement that reads the join and dropped at
/// the end like other temporary tables. The dialect's <see cref="SpatialIndexing"/> spells them.
/// </summary>
internal static class SpatialJoinStatements
{
    /// <summary>The setup statements of <paramref name="planned"/>; its drops go to <paramref name="cleanup"/>.</summary>
    public static List<SqlBlock> Setup(PlannedSpatialJoin planned, EmitContext context, StatementQueries queries, List<SqlBlock> cleanup)
    {
        var dialect = context.Dialect;
        var indexing = dialect.SpatialIndexing!;
        var plan = planned.Plan;
        string row = dialect.Identifier(planned.RowColumn);
        var geo = SqlFragment.Atom("s." + dialect.Identifier(plan.GeoColumn));
        bool geodesic = plan.Predicate == Functions.DWithin.Name;
        string Render(SqlTemplate template, params SqlFragment[] args) => template.Render(args).Text;
        SqlBlock Statement(SqlTemplate template, params string[] args) => new SqlBlock().Line(Render(template, [.. args.Select(SqlFragment.Atom)]));
        SqlBlock SpatialIndex(string table, string column) =>
            Statement(indexing.SpatialIndex, table, geodesic ? Render(indexing.GeodesicKey, SqlFragment.Atom(column)) : column);

        var statements = new List<SqlBlock>();
        var numbered = new SqlBlock()
            .Line($"SELECT ROW_NUMBER() OVER () AS {row}, s.*")
            .Line("FROM (")
            .Append(queries.For(planned.IndexedInput, forStorage: false), 2)
            .Line(") AS s");
        statements.Add(dialect.CreateTemporaryTable(planned.Side, numbered));
        cleanup.Add(dialect.DropTemporaryTable(planned.Side));
        statements.Add(Statement(indexing.KeyIndex, planned.Side, row));
        if (planned.Pieces is null) statements.Add(SpatialIndex(planned.Side, dialect.Identifier(plan.GeoColumn)));
        statements.Add(Statement(indexing.Analyze, planned.Side));
        if (planned.Pieces is not { } pieces) return statements;

        string piece = dialect.Identifier(PlannedSpatialJoin.PieceColumn);
        var maxVertices = SqlFragment.Atom(plan.MaxVerticesPerPiece.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var select = new SqlBlock()
            .Line($"SELECT s.{row}, cwf_cut.{piece}")
            .Line($"FROM {planned.Side} AS s")
            .Line($"CROSS JOIN LATERAL {Render(indexing.Parts, geo)} AS cwf_part")
            .Line($"CROSS JOIN LATERAL {Render(indexing.Subdivide, SqlFragment.Atom("cwf_part.geom"), maxVertices)} AS cwf_cut({piece})");
        statements.Add(dialect.CreateTemporaryTable(pieces, select));
        cleanup.Add(dialect.DropTemporaryTable(pieces));
        statements.Add(SpatialIndex(pieces, piece));
        statements.Add(Statement(indexing.Analyze, pieces));
        return statements;
    }
}
