using CsCheck;
using Cwf.Interpretation;
using Cwf.Interpretation.Geo;
using Cwf.Ir;
using Cwf.Tests.Generators;
using Cwf.Tests.Infrastructure;
using NetTopologySuite.Geometries;
using static Cwf.Tests.Interpretation.Harness;

namespace Cwf.Tests.Interpretation;

/// <summary>
/// Steps that spread their rows over several cores, and spatial joins through prepared geometries,
/// compute what one loop over plain geometries computes: the same rows in the same order, and the
/// same first error.
/// </summary>
public class ParallelStepTests
{
    private static readonly Schema Places = Schema(("id", SqlType.Int64), ("name", SqlType.String), ("geom", SqlType.Geography));
    private static readonly Schema Zones = Schema(("zone", SqlType.Int64), ("shape", SqlType.Geography));
    private static readonly TableName PlacesTable = TableName.TryParse("places")!;
    private static readonly TableName ZonesTable = TableName.TryParse("zones")!;

    private static InterpreterOptions Cores(int n) => new() { MaxDegreeOfParallelism = n };

    /// <summary>
    /// 4,000 places on a grid (a third exactly on the zones' edges and corners) and 40 square zones
    /// with holes; every fifth name is NULL.
    /// </summary>
    private static Database ManyRows()
    {
        var f = Geography.Factory;
        var places = new List<object?[]>();
        for (int i = 0; i < 4_000; i++)
        {
            // Steps of 0.25 put points on the zones' edges (multiples of 1) and strictly inside or outside them.
            double x = i % 80 * 0.25, y = i / 80 * 0.25;
            places.Add([(long)i, i % 5 == 0 ? null : "p" + i, i % 97 == 0 ? null : f.CreatePoint(new Coordinate(x, y))]);
        }
        var zones = new List<object?[]>();
        for (int z = 0; z < 40; z++)
        {
            double x0 = z % 8 * 2.5, y0 = z / 8 * 3.0;
            var shell = Square(x0, y0, 2);
            var hole = Square(x0 + 0.5, y0 + 0.5, 1);
            zones.Add([(long)z, z % 7 == 3 ? f.CreateMultiPolygon([f.CreatePolygon(shell), f.CreatePolygon(Square(x0 + 10, y0, 1))]) : f.CreatePolygon(shell, [hole])]);
        }
        return Database.Empty.With(PlacesTable, Table(Places, [.. places])).With(ZonesTable, Table(Zones, [.. zones]));

        static LinearRing Square(double x, double y, double side) => Geography.Factory.CreateLinearRing(
            [new(x, y), new(x + side, y), new(x + side, y + side), new(x, y + side), new(x, y)]);
    }

    /// <summary>A workflow with every step kind that runs in ranges: filter, projection, joins of each kind, semi and anti joins.</summary>
    private static Workflow Steps(Expr spatial)
    {
        var b = new WorkflowBuilder("parallel");
        var p = b.Scan(PlacesTable, Places, "places");
        var z = b.Scan(ZonesTable, Zones, "zones");
        var named = b.Filter(p.Id, new IsNull(Col(Places, "name"), Negated: true), FilterBranch.Match, "named");
        var labelled = b.Project(named.Id, [
            new NamedExpr("id", Col(Places, "id")),
            new NamedExpr("label", ExprFactory.Binary(BinaryOp.Concat, Col(Places, "name"), Literal.String("!"))),
            new NamedExpr("geom", Col(Places, "geom"))], "labelled");
        var outputs = 0;
        void Write(int id) => b.Sink(id, TableName.TryParse("out" + ++outputs)!, WriteMode.Replace, "out" + outputs);
        Write(labelled.Id);
        foreach (var kind in new[] { JoinKind.Inner, JoinKind.Left, JoinKind.Right, JoinKind.Full })
            Write(b.Join(p.Id, z.Id, kind, spatial, WorkflowBuilder.JoinedSuffixOutputs(Places, Zones), "join " + kind).Id);
        Write(b.SemiJoin(p.Id, z.Id, spatial, anti: false, "semi").Id);
        Write(b.SemiJoin(p.Id, z.Id, spatial, anti: true, "anti").Id);
        return b.ToWorkflow();
    }

    private static string Outputs(Workflow workflow, Database data, InterpreterOptions options)
    {
        var result = Run(workflow, data, options);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return string.Join("\n", result.Outputs.Tables.Select(t => $"{t.Name}\n{t.Table.Format()}"));
    }

    private static Expr Predicate(BuiltinFunction f, bool zoneFirst) => zoneFirst
        ? ExprFactory.Call(f, Col(Zones, "shape", input: 1), Col(Places, "geom"))
        : ExprFactory.Call(f, Col(Places, "geom"), Col(Zones, "shape", input: 1));

    public static TheoryData<string, bool> SpatialConjuncts() => new()
    {
        { "st_intersects", false }, { "st_intersects", true }, { "st_within", false }, { "st_contains", true },
        { "st_covers", true }, { "st_touches", false }, { "st_contains", false }, { "st_within", true },
    };

    [Theory]
    [MemberData(nameof(SpatialConjuncts))]
    public void Many_rows_on_several_cores_and_prepared_geometries_give_the_rows_of_one_loop_over_plain_geometries(string function, bool zoneFirst)
    {
        var data = ManyRows();
        var predicate = Predicate(Functions.All.Single(f => f.Name == function), zoneFirst);
        // OR FALSE hides the conjunct from the join's index: every pair is tested with the plain predicate.
        var plain = Outputs(Steps(ExprFactory.Or(predicate, Literal.Bool(false))), data, Cores(1));
        Assert.Equal(plain, Outputs(Steps(predicate), data, Cores(1)));
        Assert.Equal(plain, Outputs(Steps(predicate), data, Cores(2)));
        Assert.Equal(plain, Outputs(Steps(predicate), data, Cores(7)));
        Assert.True(plain.Split('\n').Length > 3 * 4_000, "the joins match many rows");
    }

    [Fact]
    public void Points_on_edges_and_corners_answer_as_plain_geometries_do()
    {
        var f = Geography.Factory;
        var square = f.CreatePolygon([new(0, 0), new(2, 0), new(2, 2), new(0, 2), new(0, 0)]);
        var prepared = PreparedPredicate.Prepare(square);
        foreach (var point in new[] { (0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (2.0, 2.0), (3.0, 1.0), (2.0, 1.0) })
        {
            var p = f.CreatePoint(new Coordinate(point.Item1, point.Item2));
            Assert.Equal(Geography.Intersects(p, square), PreparedPredicate.For(Functions.Intersects, preparedIsFirst: false)!.Test(prepared, p));
            Assert.Equal(Geography.Within(p, square), PreparedPredicate.For(Functions.Within, preparedIsFirst: false)!.Test(prepared, p));
            Assert.Equal(Geography.Contains(square, p), PreparedPredicate.For(Functions.Contains, preparedIsFirst: true)!.Test(prepared, p));
            Assert.Equal(Geography.Covers(square, p), PreparedPredicate.For(Functions.Covers, preparedIsFirst: true)!.Test(prepared, p));
        }
        Assert.Null(PreparedPredicate.For(Functions.Touches, preparedIsFirst: true));
        Assert.Null(PreparedPredicate.For(Functions.Within, preparedIsFirst: true));
        Assert.False(PreparedPredicate.Accepts(f.CreateGeometryCollection([square])));
        Assert.False(PreparedPredicate.Accepts(f.CreatePolygon()));
    }

    [Fact]
    public void Random_spatial_joins_give_the_same_rows_prepared_and_plain_on_one_core_or_several()
    {
        var schema = Schema(("a", SqlType.Int64), ("g", SqlType.Geography));
        var functions = new[] { Functions.Intersects, Functions.Within, Functions.Contains, Functions.Covers };
        Gen.Select(WorkflowGenerator.Tables(schema), WorkflowGenerator.Tables(schema), Gen.Int[0, 2 * functions.Length - 1]).Check((left, right, pick) =>
        {
            var g = ExprFactory.Column(schema.Find("g")!);
            var other = ExprFactory.Column(schema.Find("g")!, 1);
            var function = functions[pick / 2];
            var predicate = pick % 2 == 0 ? ExprFactory.Call(function, g, other) : ExprFactory.Call(function, other, g);
            string Joined(Expr condition, int cores)
            {
                var b = new WorkflowBuilder("random");
                var l = b.Scan(TableName.TryParse("l")!, schema, "l");
                var r = b.Scan(TableName.TryParse("r")!, schema, "r");
                b.Sink(b.Join(l.Id, r.Id, JoinKind.Full, condition, WorkflowBuilder.JoinedSuffixOutputs(schema, schema), "j").Id, Output, WriteMode.Replace, "out");
                var result = Interpreter.Run(b.ToWorkflow(), Database.Empty.With(TableName.TryParse("l")!, left).With(TableName.TryParse("r")!, right), Cores(cores));
                return string.Join("\n", result.Outputs.Tables.Select(t => t.Table.Format())) + string.Join("\n", result.Diagnostics);
            }
            var plain = Joined(ExprFactory.Or(predicate, Literal.Bool(false)), 1);
            Assert.Equal(plain, Joined(predicate, 1));
            Assert.Equal(plain, Joined(predicate, 3));
        });
    }

    [Fact]
    public void The_error_of_a_step_on_several_cores_is_the_error_of_its_first_failing_row()
    {
        var data = ManyRows();
        var b = new WorkflowBuilder("errors");
        var p = b.Scan(PlacesTable, Places, "places");
        // Row 2501 fails first (its name, 'p2501', is no int64); rows from 3001 on fail too, in later ranges.
        var fails = ExprFactory.Or(ExprFactory.Eq(Col(Places, "id"), Literal.Int(2_501)), ExprFactory.Binary(BinaryOp.GreaterOrEqual, Col(Places, "id"), Literal.Int(3_001)));
        var failing = new Case(new[] { new WhenClause(fails, new Cast(Col(Places, "name"), SqlType.Int64)) }.ToSeq(), Col(Places, "id"), SqlType.Int64, true);
        b.Sink(b.Project(p.Id, [new NamedExpr("n", failing)], "numbers").Id, Output, WriteMode.Replace, "out");
        var workflow = b.ToWorkflow();
        var sequential = Run(workflow, data, Cores(1)).Diagnostics.Single(d => d.IsError).Message;
        Assert.Contains("'p2501'", sequential);
        for (int cores = 2; cores <= 8; cores *= 2)
            Assert.Equal(sequential, Run(workflow, data, Cores(cores)).Diagnostics.Single(d => d.IsError).Message);
    }
}
