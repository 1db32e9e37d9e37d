using Cwf.Binding;
using Cwf.Canvas;
using Cwf.Catalog;
using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Formatting;
using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Tests.Canvas;
using Cwf.Tests.Infrastructure;
using Cwf.Tests.Snapshots;
using Cwf.Text;

namespace Cwf.Tests.Components.Proximity;

/// <summary>
/// <c>native.knn</c>, <c>native.distancematrix</c> and <c>native.joinv2</c>: canvas import with the exports' input
/// names (joinv2's from a public export, knn's and the matrix's from the manual's titles), the decompiled generic
/// step and the round trip, the interpreter's rows, their diagnostics, and every dialect's SQL.
/// </summary>
public class ProximityComponentTests
{
    private static CanvasImportResult ImportPoints(string component, params (string, object?)[] values)
    {
        var c = new TestCanvas();
        var source = c.Source("src.shops", "shops", "id:int64", "name:string", "geom:geography");
        var node = c.Node(component, "Neighbours", values);
        var save = c.Node("native.saveastable", "Save", ("destination", "out.t"));
        c.Flow(source, node, component == "native.knn" ? "points" : "source").Flow(node, save);
        return CanvasTestKit.Import(c);
    }

    /// <summary>Two aggregated tables joined on <c>period</c>, as the public export's first joinv2 node.</summary>
    private static CanvasImportResult ImportJoin(params (string, object?)[] values)
    {
        var c = new TestCanvas();
        var traffic = c.Source("src.traffic", "traffic", "period:string", "vol_joined_sum:float64");
        var collisions = c.Source("src.collisions", "collisions", "period:string", "collision_id_count:int64");
        var node = c.Node("native.joinv2", "Join", values);
        var save = c.Node("native.saveastable", "Save", ("destination", "out.t"));
        c.Flow(traffic, node, "lefttable").Flow(collisions, node, "righttable").Flow(node, save);
        return CanvasTestKit.Import(c);
    }

    private static Schema Output(CanvasImportResult imported) => imported.Workflow![imported.Workflow.Sinks.Single().Input].Schema;

    /// <summary>The round trip, the text holding <paramref name="text"/> (a step with what follows it).</summary>
    private static void RoundTrips(CanvasImportResult imported, string text) => Assert.Contains(text, CanvasTestKit.AssertRoundTrip(imported));

    [Fact]
    public void Knn_imports_as_nearest_without_the_point_itself_and_round_trips()
    {
        var imported = ImportPoints("native.knn", ("id", "id"), ("geo", "geom"), ("k", "3"), ("maxdistance", 5000));
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        var nearest = Assert.Single(imported.Workflow!.Nodes.OfType<NearestNode>());
        Assert.Equal(4, nearest.K);
        Assert.Equal(nearest.Inputs[0], nearest.Inputs[1]);
        Assert.NotNull(nearest.Within);
        Assert.Equal(["geo", "geo_knn", "geoid", "geoid_knn", "distance", "knn"], Output(imported).Names);
        Assert.Equal([SqlType.Geography, SqlType.Geography, SqlType.Int64, SqlType.Int64, SqlType.Float64, SqlType.Int64], Output(imported).Columns.Select(c => c.Type));
        RoundTrips(imported, "| knn id, geom, 3 { maxdistance: 5000 }\n");

        var unbounded = ImportPoints("native.knn", ("id", "id"), ("geo", "geom"), ("k", 2));
        Assert.False(unbounded.HasErrors, CanvasTestKit.Describe(unbounded.Diagnostics));
        Assert.Null(Assert.Single(unbounded.Workflow!.Nodes.OfType<NearestNode>()).Within);
        RoundTrips(unbounded, "| knn id, geom, 2\n");
    }

    [Fact]
    public void Distance_matrix_imports_as_a_self_join_and_round_trips()
    {
        var imported = ImportPoints("native.distancematrix", ("geo", "geom"), ("id", "name"));
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        var join = Assert.Single(imported.Workflow!.Nodes.OfType<JoinNode>());
        Assert.Equal(join.Inputs[0], join.Inputs[1]);
        Assert.Equal(["id1", "id2", "distance"], Output(imported).Names);
        Assert.Equal([SqlType.String, SqlType.String, SqlType.Float64], Output(imported).Columns.Select(c => c.Type));
        RoundTrips(imported, "| distancematrix geom, name\n");
    }

    [Fact]
    public void Joinv2_imports_the_listed_columns_under_their_join_names_and_round_trips()
    {
        // The values of the public export's first joinv2 node (a right join on period).
        var imported = ImportJoin(
            ("lefttablekeycolumn", "period"), ("righttablekeycolumn", "period"),
            ("lefttablecolumns", """[{"name":"vol_joined_sum","joinname":"total_traffic_counts"},{"name":"period","joinname":"period"}]"""),
            ("righttablecolumns", """[{"name":"collision_id_count","joinname":"total_collisions"}]"""),
            ("jointype", "Right"), ("whereclause", null));
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        var join = Assert.Single(imported.Workflow!.Nodes.OfType<JoinNode>());
        Assert.Equal(JoinKind.Right, join.Kind);
        Assert.Equal(["total_traffic_counts", "period", "total_collisions"], join.Schema.Names);
        RoundTrips(imported, "| join_keys collisions, period, period { lefttablecolumns: ");
    }

    [Fact]
    public void Joinv2_without_column_lists_keeps_every_column_and_reports_a_collision()
    {
        var imported = ImportJoin(("lefttablekeycolumn", "period"), ("righttablekeycolumn", "period"), ("jointype", "Full outer"), ("righttablecolumns", "[]"));
        var error = Assert.Single(imported.Diagnostics, d => d.IsError);
        Assert.Equal("CWF2803", error.Code);
        Assert.Contains("'period'", error.Message);

        var renamed = ImportJoin(("lefttablekeycolumn", "period"), ("righttablekeycolumn", "period"), ("jointype", "Left"),
            ("righttablecolumns", """[{"name":"period","joinname":"collision_period"},{"name":"collision_id_count","joinname":"it's \"n\""}]"""));
        Assert.False(renamed.HasErrors, CanvasTestKit.Describe(renamed.Diagnostics));
        Assert.Equal(["period", "vol_joined_sum", "collision_period", "it's \"n\""], Output(renamed).Names);
        Assert.Equal(JoinKind.Left, Assert.Single(renamed.Workflow!.Nodes.OfType<JoinNode>()).Kind);
        RoundTrips(renamed, "| join_keys collisions, period, period { ");
    }

    [Theory]
    [InlineData("lefttablecolumns", "{\"name\":\"period\"}", "CWF2210")]
    [InlineData("lefttablecolumns", "[{\"joinname\":\"x\"}]", "CWF2210")]
    [InlineData("lefttablecolumns", "[{\"name\":\"perod\",\"joinname\":\"x\"}]", "CWF2800")]
    [InlineData("whereclause", "_left.period = 'Before'", "CWF2211")]
    public void Joinv2_mistakes_are_diagnosed(string input, string value, string code)
    {
        var imported = ImportJoin(("lefttablekeycolumn", "period"), ("righttablekeycolumn", "period"), (input, value));
        var error = Assert.Single(imported.Diagnostics, d => d.IsError);
        Assert.Equal(code, error.Code);
        Assert.Contains(input, imported.Document!.Nodes.Single(n => n.Component == "native.joinv2").Inputs.Select(i => i.Name));
        Assert.NotEmpty(error.Hints);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    public void Knn_with_no_neighbours_is_CWF2600(string k)
    {
        var imported = ImportPoints("native.knn", ("id", "id"), ("geo", "geom"), ("k", k));
        Assert.Equal("CWF2600", Assert.Single(imported.Diagnostics, d => d.IsError).Code);
    }

    [Fact]
    public void Knn_on_a_geography_identifier_is_CWF2801()
    {
        var imported = ImportPoints("native.knn", ("id", "geom"), ("geo", "geom"), ("k", "1"));
        Assert.Equal("CWF2801", Assert.Single(imported.Diagnostics, d => d.IsError).Code);
    }

    private const string Program = """
        source shops = table "src.shops" { id: int64, name: string, geom: geography }
        output shops | knn id, geom, 2 -> table "out.knn"
        output shops | knn id, geom, 3 { maxdistance: 200000 } -> table "out.near"
        output shops | distancematrix geom, id -> table "out.matrix"
        """;

    private static Database Data(Workflow workflow)
    {
        var scan = workflow.Nodes.OfType<ScanNode>().Single();
        return Database.Empty.With(scan.Table, new Table(scan.Schema, ProximityData.Shops().TypedRows()));
    }

    [Fact]
    public void The_interpreter_finds_the_neighbours_the_toolbox_defines()
    {
        var workflow = Cwf.Tests.Binding.Compilation.Ok(Program);
        var run = Interpreter.Run(workflow, Data(workflow));
        Assert.True(run.Succeeded, string.Join("\n", run.Diagnostics));
        var knn = run.Outputs.Find(new TableName(["out", "knn"]))!.Rows
            .Select(r => ((long)r[2]!, (long)r[3]!, (long)r[5]!)).OrderBy(r => r.Item1).ThenBy(r => r.Item3).ToList();
        // Points 1 and 2 share a place (0 m apart): each is the other's first neighbour, never its own; point 6 has no geography.
        Assert.Equal([(1L, 2L, 1L), (1L, 3L, 2L), (2L, 1L, 1L), (2L, 3L, 2L), (3L, 1L, 1L), (3L, 2L, 2L), (4L, 3L, 1L), (4L, 1L, 2L), (5L, 4L, 1L), (5L, 3L, 2L)], knn);
        var near = run.Outputs.Find(new TableName(["out", "near"]))!.Rows;
        // Within 200 km: 5 (at 10°) has no neighbour; 4 (at 1°) sees 1, 2 and 3.
        Assert.DoesNotContain(near, r => (long)r[2]! == 5);
        Assert.All(near, r => Assert.True((double)r[4]! <= 200000));
        Assert.Equal(3, near.Count(r => (long)r[2]! == 4));
        var matrix = run.Outputs.Find(new TableName(["out", "matrix"]))!.Rows;
        Assert.Equal(36, matrix.Count);
        Assert.Equal(0.0, matrix.Single(r => (long)r[0]! == 3 && (long)r[1]! == 3)[2]);
        Assert.Null(matrix.First(r => (long)r[0]! == 6)[2]);
    }

    /// <summary>The three steps as each of the seven dialects writes them (unoptimized, so every node shows).</summary>
    [Theory]
    [MemberData(nameof(DialectNames))]
    public void The_steps_compile_on_every_dialect(string dialect)
    {
        var text = Program + """

            source a = table "src.a" { period: string, total: float64 }
            output a | join_keys a, period, period { jointype: 'Left', righttablecolumns: '[{"name":"total","joinname":"other_total"}]' } -> table "out.joined"
            """;
        var result = Compiler.Compile(CwfTestKit.Bind(text), new CompileOptions(Dialects.Find(dialect)!) { Optimize = false });
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        Snapshot.Match(result.Sql!, "proximity-" + dialect, "sql");
    }

    public static TheoryData<string> DialectNames() => [.. Dialects.All.Select(d => d.Name)];
}
