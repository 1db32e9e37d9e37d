using Cwf.Canvas;
using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Interpretation;
using Cwf.Interpretation.Geo;
using Cwf.Ir;
using Cwf.Tests.Canvas;
using Cwf.Tests.Infrastructure;
using Cwf.Tests.Snapshots;
using Cwf.Text;
using NetTopologySuite.Geometries;

namespace Cwf.Tests.Components;

/// <summary><c>native.creategrid</c>: canvas round trip, the interpreter's grid, every dialect's SQL or CWF6002, and PostGIS's grid equal to the interpreter's.</summary>
[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public sealed class CreateGridComponentTests(PostgresServer server)
{
    private const string Program = "source t = table \"src.t\" { id: int64, geom: geography }\noutput t | creategrid geom, 0.5 -> table \"o.grid\"\n";

    private static TestTable Shapes() => TestTable.Create("src.t", "id int64, geom geography",
        [1L, "POLYGON((10 40, 11.2 40, 11.2 41, 10 40))"], [2L, "POINT(10.3 40.2)"], [3L, null]);

    private static List<string> Interpret(string program, TestTable table)
    {
        var result = Interpreter.Run(Cwf.Tests.Binding.Compilation.Ok(program), Database.Empty.With(table.Name, new Table(table.Schema, [.. table.TypedRows()])));
        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics));
        var output = result.Outputs.Find(new TableName(["o", "grid"]))!;
        Assert.Equal(["geo"], output.Schema.Names);
        return [.. output.Rows.Select(r => Wkt.Write((Geometry)r[0]!))];
    }

    [Fact]
    public void A_canvas_node_takes_the_extent_and_explodes_the_grid_and_round_trips()
    {
        var c = new TestCanvas();
        var t = c.Source("src.t", "t", "id:int64", "geom:geography");
        var node = c.Node("native.creategrid", "Grid", ("geo", "geom"), ("interval", 0.25));
        var save = c.Node("native.saveastable", "Save", ("destination", "out.grid"));
        c.Flow(t, node).Flow(node, save);
        var imported = CanvasTestKit.Import(c);
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        Assert.Equal("geo := extent(geom)", Assert.Single(Assert.Single(imported.Workflow!.Nodes.OfType<AggregateNode>()).Aggregates).ToString());
        var explode = Assert.Single(imported.Workflow.Nodes.OfType<ExplodeNode>());
        Assert.Equal(("geo", ExplodeKind.GeometryParts, "st_gridpoints(geo, 0.25)"), (explode.Column, explode.Kind, explode.Value.ToString()));
        var text = Cwf.Tests.Canvas.CanvasTestKit.AssertRoundTrip(imported, "creategrid");
        Assert.Contains("| creategrid geom, 0.25", text);
    }

    [Fact]
    public void The_interpreter_gives_the_points_every_interval_from_the_south_west_corner()
    {
        Assert.Equal(["POINT(10 40)", "POINT(10.5 40)", "POINT(11 40)", "POINT(10 40.5)", "POINT(10.5 40.5)", "POINT(11 40.5)", "POINT(10 41)", "POINT(10.5 41)", "POINT(11 41)"],
            Interpret(Program, Shapes()));
        Assert.Empty(Interpret(Program, TestTable.Create("src.t", "id int64, geom geography", [1L, null])));
        Assert.Empty(Interpret(Program.Replace("0.5", "0", StringComparison.Ordinal), Shapes()));
    }

    [Fact]
    public void PostgreSQL_and_BigQuery_write_it_and_the_others_name_what_they_lack()
    {
        var workflow = Cwf.Tests.Binding.Compilation.Ok(Program);
        foreach (var dialect in Dialects.All)
        {
            var result = Compiler.Compile(workflow, new CompileOptions(dialect) { Optimize = false });
            var errors = result.Diagnostics.Where(d => d.IsError).ToList();
            if (dialect.Name is "postgres" or "bigquery")
            {
                Assert.Empty(errors);
                Snapshot.Match(result.Sql!, "creategrid-" + dialect.Name, "sql");
                continue;
            }
            Assert.All(errors, e => Assert.Equal(DiagnosticCodes.FunctionNotSupported, e.Descriptor));
            Assert.Contains(errors, e => e.Message.Contains("st_gridpoints", StringComparison.Ordinal) && e.Message.Contains(dialect.DisplayName, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task PostGIS_gives_the_interpreters_grid()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.LoadTableAsync(Shapes());
        var sql = SqlEmitter.Emit(Cwf.Tests.Binding.Compilation.Ok(Program), Dialects.Find("postgres")!).Sql!;
        (await db.RunPsqlAsync(sql)).EnsureSucceeded();
        var rows = await db.QueryAsync("SELECT ST_AsText(geo) FROM o.grid");
        Assert.Equal(Interpret(Program, Shapes()).Order(), rows.Rows.Select(r => Wkt.Write(Wkt.TryRead((string)r[0]!, out _)!)).Order());
    }
}
