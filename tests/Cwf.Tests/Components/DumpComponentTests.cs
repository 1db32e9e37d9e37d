using Cwf.Binding;
using Cwf.Canvas;
using Cwf.Catalog;
using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Formatting;
using Cwf.Interpretation;
using Cwf.Interpretation.Geo;
using Cwf.Ir;
using Cwf.Optimization;
using Cwf.Optimization.Passes;
using Cwf.Tests.Canvas;
using Cwf.Tests.Interpretation;
using Cwf.Tests.Snapshots;
using Cwf.Text;
using NetTopologySuite.Geometries;

namespace Cwf.Tests.Components;

/// <summary>
/// <c>native.dump</c> and the explode node under it: canvas import, the decompiled step and the round trip,
/// the .cwf form with <c>as</c> (its mistakes: GeometryToolboxComponentTests), the SQL of every dialect (or Redshift's CWF6002), the interpreter's parts,
/// and filters moving across it only when they do not read the parts.
/// </summary>
public class DumpComponentTests
{
    private static readonly string[] Columns = ["id:int64", "geom:geography", "wkt:string"];

    private static CanvasImportResult Import() => CanvasTestKit.ImportStep("native.dump", "Parts", Columns, ("geo", "geom"));

    private static Workflow Bind(string steps) => CwfTestKit.Bind(CwfTestKit.Pipeline("id: int64, geom: geography, wkt: string", steps, "out.t"));

    [Fact]
    public void A_canvas_node_explodes_the_geography_column_in_place_and_round_trips()
    {
        var imported = Import();
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        var explode = Assert.Single(imported.Workflow!.Nodes.OfType<ExplodeNode>());
        Assert.Equal(("geom", ExplodeKind.GeometryParts, "geom"), (explode.Column, explode.Kind, explode.Value.ToString()));
        Assert.Equal(["id", "geom", "wkt"], explode.Schema.Columns.Select(c => c.Name));
        Assert.False(explode.Schema.Find("geom")!.Nullable);
        CanvasTestKit.AssertRoundTrip(imported, "dump geom");
    }

    [Fact]
    public void Dump_as_a_name_keeps_the_geography_and_appends_the_part()
    {
        var explode = Assert.Single(Bind("dump geom as part").Nodes.OfType<ExplodeNode>());
        Assert.Equal(["id", "geom", "wkt", "part"], explode.Schema.Columns.Select(c => c.Name));
        Assert.Equal("geom", explode.Value.ToString());
    }

    public static TheoryData<string> DialectNames => [.. Dialects.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Every_dialect_writes_the_parts_as_rows_or_names_what_it_lacks(string name)
    {
        var dialect = Dialects.Find(name)!;
        var workflow = Bind("dump geom | filter id > 1");
        var result = Compiler.Compile(workflow, new CompileOptions(dialect) { Optimize = false });
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        if (name == "redshift")
        {
            var error = Assert.Single(errors);
            Assert.Equal(DiagnosticCodes.FunctionNotSupported, error.Descriptor);
            Assert.Contains("Redshift", error.Message);
            Assert.Contains("ST_GeometryN", Assert.Single(error.Hints));
            return;
        }
        Assert.Empty(errors);
        Snapshot.Match(result.Sql!, "dump-" + name, "sql");
    }

    [Fact]
    public void The_interpreter_gives_each_simple_part_as_PostGIS_ST_Dump_does()
    {
        var schema = Harness.Schema(("id", SqlType.Int64), ("geom", SqlType.Geography));
        Geometry Read(string wkt) => Wkt.TryRead(wkt, out _)!;
        var input = Harness.Table(schema,
            [1L, Read("MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 5)))")],
            [2L, Read("POINT(3 4)")],
            [3L, Read("GEOMETRYCOLLECTION(LINESTRING(0 0,1 1),GEOMETRYCOLLECTION(POINT(1 1),MULTIPOINT((2 2),(3 3))))")],
            [4L, null],
            [5L, Read("POLYGON EMPTY")],
            [6L, Read("MULTIPOINT EMPTY")]);
        var b = new WorkflowBuilder("parts");
        var scan = b.Scan(Harness.Source, schema, "t").Id;
        var explode = b.Explode(scan, Harness.Col(schema, "geom"), "geom", ExplodeKind.GeometryParts, "parts").Id;
        b.Sink(explode, Harness.Output, WriteMode.Replace, "out");
        var result = Harness.Run(b.ToWorkflow(), Database.Empty.With(Harness.Source, input));
        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics));
        var rows = result.Outputs.Find(Harness.Output)!.Rows.Select(r => $"{r[0]} {Wkt.Write((Geometry)r[1]!)}").ToList();
        Assert.Equal([
            "1 POLYGON((0 0,1 0,1 1,0 0))", "1 POLYGON((5 5,6 5,6 6,5 5))",
            "2 POINT(3 4)",
            "3 LINESTRING(0 0,1 1)", "3 POINT(1 1)", "3 POINT(2 2)", "3 POINT(3 3)",
        ], rows);
    }

    [Fact]
    public void A_filter_crosses_the_dump_unless_it_reads_the_parts()
    {
        var workflow = Bind("dump geom | filter id > 1 and st_area(geom) > 10");
        var pushed = new PredicatePushdown().Run(workflow, OptimizerTarget.Conservative);
        Assert.Empty(IrValidator.Validate(pushed));
        var explode = Assert.Single(pushed.Nodes.OfType<ExplodeNode>());
        var below = Assert.IsType<FilterNode>(pushed[explode.Input]);
        Assert.Equal("(id > 1)", below.Predicate.ToString());
        var above = Assert.Single(pushed.Nodes.OfType<FilterNode>(), f => f.Input == explode.Id);
        Assert.Contains("st_area(geom)", above.Predicate.ToString());
    }
}
