using System.Collections.Immutable;
using Cwf.Interpretation;
using Cwf.Ir;

namespace Cwf.Tests.Core;

/// <summary>
/// A workflow built around one node of the kind, and the rows each of its output tables gets
/// from <see cref="NodeKindSamples.Data"/> (null: the interpreter cannot run it, as for custom SQL), and the
/// dialects that cannot write the kind and say so with CWF6002 (by name).
/// </summary>
public sealed record NodeKindSample(Workflow Workflow, int? RowsPerOutput, IReadOnlySet<string>? UnavailableOn = null);

/// <summary>
/// One sample workflow per IR node kind, for the exhaustiveness test. The node is read by two
/// outputs where it can be, so the planner has a shared result to decide about. A new node kind
/// needs an entry here: the test fails for a kind without one.
/// </summary>
public static class NodeKindSamples
{
    private static readonly TableName T = TableName.TryParse("src.t")!;
    private static readonly TableName U = TableName.TryParse("src.u")!;

    private static readonly Schema TSchema = new([new Column("a", SqlType.Int64, false), new Column("b", SqlType.String)]);
    private static readonly Schema USchema = new([new Column("a", SqlType.Int64, false), new Column("c", SqlType.String)]);

    /// <summary>t = (1,'x') (2,'y') (3,'y') (3,'y'); u = (1,'p') (3,'q').</summary>
    public static Database Data { get; } = Database.Empty
        .With(T, new Table(TSchema, [[1L, "x"], [2L, "y"], [3L, "y"], [3L, "y"]]))
        .With(U, new Table(USchema, [[1L, "p"], [3L, "q"]]));

    private static readonly ColumnRef A = ExprFactory.Column(TSchema[0]);
    private static readonly ColumnRef B = ExprFactory.Column(TSchema[1]);

    /// <summary>The sample for each node kind, by its type.</summary>
    public static ImmutableDictionary<Type, NodeKindSample> ByKind { get; } = new Dictionary<Type, NodeKindSample>
    {
        [typeof(ScanNode)] = Around((b, t) => t, rows: 4),
        [typeof(SinkNode)] = Around((b, t) => t, rows: 4),
        [typeof(ValuesNode)] = Constant(),
        [typeof(FilterNode)] = Around((b, t) => b.Filter(t, ExprFactory.Binary(BinaryOp.Greater, A, Literal.Int(1)), FilterBranch.Match, "big").Id, rows: 3),
        [typeof(ProjectNode)] = Around((b, t) => b.Project(t,
            [new NamedExpr("a", A), new NamedExpr("label", ExprFactory.Binary(BinaryOp.Concat, B, Literal.String("!")))], "labelled").Id, rows: 4),
        [typeof(AggregateNode)] = Around((b, t) => b.Aggregate(t, [new NamedExpr("b", B)],
            [new AggregateCall("n", AggregateFunction.CountAll, null), new AggregateCall("total", AggregateFunction.Sum, A)], "per_b").Id, rows: 2),
        [typeof(JoinNode)] = Around((b, t) =>
        {
            var u = b.Scan(U, USchema, "u").Id;
            var on = ExprFactory.Eq(A, ExprFactory.Column(USchema[0], input: 1));
            return b.Join(t, u, JoinKind.Inner, on, WorkflowBuilder.JoinedSuffixOutputs(TSchema, USchema), "joined").Id;
        }, rows: 3),
        [typeof(SemiJoinNode)] = Around((b, t) =>
        {
            var u = b.Scan(U, USchema, "u").Id;
            return b.SemiJoin(t, u, ExprFactory.Eq(A, ExprFactory.Column(USchema[0], input: 1)), anti: false, "matched").Id;
        }, rows: 3),
        // The distance is any number of a pair here (a geodesic st_distance in the language): the nearest u row to each t row.
        [typeof(NearestNode)] = Around((b, t) =>
        {
            var u = b.Scan(U, USchema, "u").Id;
            var distance = ExprFactory.Cast(ExprFactory.Binary(BinaryOp.Subtract, A, ExprFactory.Column(USchema[0], input: 1)), SqlType.Float64);
            return b.Nearest(t, u, 1, distance, [new SortKey(distance, false), new SortKey(ExprFactory.Column(USchema[1], input: 1), false)], null,
                WorkflowBuilder.JoinedSuffixOutputs(TSchema, USchema), "distance", "nearest").Id;
        }, rows: 4),
        [typeof(UnionAllNode)] = Around((b, t) => b.UnionAll([t, b.Scan(T, TSchema, "t_again").Id], "both").Id, rows: 8),
        [typeof(SortNode)] = Around((b, t) => b.Sort(t, [new SortKey(A, Descending: true)], "sorted").Id, rows: 4),
        [typeof(LimitNode)] = Around((b, t) => b.Limit(b.Sort(t, [new SortKey(A, false)], "sorted").Id, Literal.Int(2), "first").Id, rows: 2),
        [typeof(DistinctNode)] = Around((b, t) => b.Distinct(t, "unique").Id, rows: 3),
        [typeof(WindowNode)] = Around((b, t) => b.Window(t,
            [new WindowCall("r", WindowFunction.Rank, [], [B], [new WindowKey(A, Descending: true, NullsFirst: false)], null),
             new WindowCall("running", WindowFunction.Sum, [A], [], [new WindowKey(A, false, false), new WindowKey(B, false, true)],
                new WindowFrame(new FrameBound(FrameBoundKind.UnboundedPreceding), new FrameBound(FrameBoundKind.CurrentRow)))], "ranked").Id, rows: 4),
        // Each row's multipoint has two parts: twice the rows. Redshift has no way to make rows of parts.
        [typeof(ExplodeNode)] = Around((b, t) =>
        {
            var points = b.Project(t, [new NamedExpr("a", A), new NamedExpr("geo", ExprFactory.Call(Functions.GeogFromText, Literal.String("MULTIPOINT((1 1),(2 2))")))], "points").Id;
            var geo = ExprFactory.Column(b.SchemaOf(points)[1]);
            return b.Explode(points, geo, "geo", ExplodeKind.GeometryParts, "parts").Id;
        }, rows: 8) with { UnavailableOn = new HashSet<string> { "redshift" } },
        [typeof(OpaqueNode)] = Around((b, t) => b.Opaque([t], "custom_sql", "SELECT a, b FROM $a WHERE a < 3", TSchema,
            ImmutableSortedDictionary<string, string>.Empty, "custom").Id, rows: null),
        [typeof(CheckNode)] = Checked(),
    }.ToImmutableDictionary();

    /// <summary>Two constant rows (a quote in a text, NULLs of each type, a geography from WKT) written twice.</summary>
    private static NodeKindSample Constant()
    {
        var b = new WorkflowBuilder("sample");
        var schema = new Schema([new Column("a", SqlType.Int64, false), new Column("b", SqlType.String), new Column("geo", SqlType.Geography)]);
        var values = b.Values(schema, [
            [Literal.Int(1), Literal.String("it's"), ExprFactory.Call(Functions.GeogFromText, Literal.String("POINT(1 2)"))],
            [Literal.Int(2), Literal.Null(SqlType.String), Literal.Null(SqlType.Geography)]], "constants").Id;
        b.Sink(values, TableName.TryParse("out.first")!, WriteMode.Replace, "first");
        b.Sink(values, TableName.TryParse("out.second")!, WriteMode.Replace, "second");
        return new NodeKindSample(b.ToWorkflow(), 2);
    }

    /// <summary>t written twice, and a check that it has between 1 and 10 rows (a check has no readers, so it cannot be written).</summary>
    private static NodeKindSample Checked()
    {
        var b = new WorkflowBuilder("sample");
        var t = b.Scan(T, TSchema, "t").Id;
        var count = b.Aggregate(t, [], [new AggregateCall("measure", AggregateFunction.CountAll, null)], "row_count").Id;
        b.Check(count, "t.rows between 1 and 10", 1, 10, "check_1");
        b.Sink(t, TableName.TryParse("out.first")!, WriteMode.Replace, "first");
        b.Sink(t, TableName.TryParse("out.second")!, WriteMode.Replace, "second");
        return new NodeKindSample(b.ToWorkflow(), 4);
    }

    /// <summary>Scans t, applies <paramref name="step"/> (returning the node of the kind) and writes its result twice.</summary>
    private static NodeKindSample Around(Func<WorkflowBuilder, int, int> step, int? rows)
    {
        var b = new WorkflowBuilder("sample");
        var t = b.Scan(T, TSchema, "t").Id;
        var node = step(b, t);
        b.Sink(node, TableName.TryParse("out.first")!, WriteMode.Replace, "first");
        b.Sink(node, TableName.TryParse("out.second")!, WriteMode.Replace, "second");
        return new NodeKindSample(b.ToWorkflow(), rows);
    }
}
