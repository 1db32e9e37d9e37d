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
using Cwf.Interpretation.H3;
using Cwf.Interpretation.Quadbin;
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
/// The cell sets (issue 17): <c>native.h3polyfill</c> and <c>native.quadbinpolyfill</c> with a real export's inputs,
/// their round trip, the .cwf k-ring and children steps, their mistakes, every dialect's SQL or precise CWF6002,
/// the interpreter's rows, and filters across the explode.
/// </summary>
public class CellSetComponentTests
{
    private static readonly string[] Columns = ["id:int64", "geom:geography", "cell:string", "tile:int64"];

    private static CanvasImportResult Import(string component, params (string Name, object? Value)[] values) =>
        CanvasTestKit.ImportStep(component, "Cells", Columns, values);

    private static string Program(string steps) => CwfTestKit.Pipeline("id: int64, geom: geography, cell: string, tile: int64", steps, "out.t");

    [Fact]
    public void H3_polyfill_without_includecols_gives_the_distinct_cells_alone_and_round_trips()
    {
        var imported = Import("native.h3polyfill", ("geo", "geom"), ("resolution", 8), ("includecols", false), ("mode", "intersects"));
        CanvasTestKit.AssertRoundTrip(imported, "h3polyfill geom, 8 { mode: 'intersects' }");
        var explode = Assert.Single(imported.Workflow!.Nodes.OfType<ExplodeNode>());
        Assert.Equal((ExplodeKind.H3PolyfillIntersects, "h3", "[8]"), (explode.Kind, explode.Column, explode.Arguments.ToString()));
        var distinct = Assert.Single(imported.Workflow.Nodes.OfType<DistinctNode>());
        Assert.Equal(["h3"], distinct.Schema.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Polyfill_with_includecols_keeps_the_rows_columns_and_defaults_to_center()
    {
        var imported = Import("native.quadbinpolyfill", ("geo", "geom"), ("resolution", 12), ("includecols", true));
        CanvasTestKit.AssertRoundTrip(imported, "quadbinpolyfill geom, 12 { includecols: true }");
        var explode = Assert.Single(imported.Workflow!.Nodes.OfType<ExplodeNode>());
        Assert.Equal(ExplodeKind.QuadbinPolyfillCenter, explode.Kind);
        Assert.Equal(["id", "geom", "cell", "tile", "quadbin"], explode.Schema.Columns.Select(c => c.Name));
        Assert.Equal(SqlType.Int64, explode.Schema.Find("quadbin")!.Type);
        Assert.Empty(imported.Workflow.Nodes.OfType<DistinctNode>());
    }

    [Fact]
    public void The_k_ring_and_children_steps_add_their_columns()
    {
        var ring = Assert.Single(CwfTestKit.Bind(Program("h3kring cell, 2 { distances: true }")).Nodes.OfType<ExplodeNode>());
        Assert.Equal((ExplodeKind.H3KRing, "kring", "kring_distance"), (ring.Kind, ring.Column, ring.DistanceColumn));
        Assert.Equal(["id", "geom", "cell", "tile", "kring", "kring_distance"], ring.Schema.Columns.Select(c => c.Name));
        var quadRing = Assert.Single(CwfTestKit.Bind(Program("quadbinkring tile, 1 as near")).Nodes.OfType<ExplodeNode>());
        Assert.Equal((ExplodeKind.QuadbinKRing, "near", null), (quadRing.Kind, quadRing.Column, quadRing.DistanceColumn));
        var children = Assert.Single(CwfTestKit.Bind(Program("h3tochildren cell, 10")).Nodes.OfType<ExplodeNode>());
        Assert.Equal((ExplodeKind.H3Children, "child", SqlType.String), (children.Kind, children.Column, children.ElementType));
        var tiles = Assert.Single(CwfTestKit.Bind(Program("quadbintochildren tile, 14 as sub")).Nodes.OfType<ExplodeNode>());
        Assert.Equal((ExplodeKind.QuadbinChildren, "sub", SqlType.Int64), (tiles.Kind, tiles.Column, tiles.ElementType));
    }

    [Theory]
    [InlineData("h3polyfill geom, 16", "CWF2807")]
    [InlineData("quadbinpolyfill geom, 27", "CWF2900")]
    [InlineData("h3kring cell, 1001", "CWF2910")]
    [InlineData("quadbinkring tile, -1", "CWF2910")]
    [InlineData("h3tochildren tile, 9", "CWF2801")]
    [InlineData("quadbintochildren cell, 9", "CWF2801")]
    [InlineData("h3polyfill geom, 8 { mode: 'overlaps' }", "CWF2850")]
    [InlineData("h3polyfill cell, 8", "CWF2801")]
    public void Mistakes_have_their_codes(string steps, string code)
    {
        var diagnostics = CwfTestKit.Compile(Program(steps)).Diagnostics.Where(d => d.IsError).ToList();
        Assert.Contains(diagnostics, d => d.Descriptor.Code == code);
    }

    private static readonly string[] Steps =
    [
        "h3polyfill geom, 8 { includecols: true }",
        "h3polyfill geom, 8 { mode: 'intersects', includecols: true }",
        "h3polyfill geom, 8 { mode: 'contains', includecols: true }",
        "h3kring cell, 2 { distances: true }",
        "h3tochildren cell, 10",
        "quadbinpolyfill geom, 12 { includecols: true }",
        "quadbinpolyfill geom, 12 { mode: 'intersects', includecols: true }",
        "quadbinpolyfill geom, 12 { mode: 'contains', includecols: true }",
        "quadbinkring tile, 2 { distances: true }",
        "quadbintochildren tile, 14",
        "select id, h3_distance(cell, '8928308280fffff') as hops",
    ];

    public static TheoryData<string> DialectNames => [.. Dialects.All.Select(d => d.Name)];

    /// <summary>Per dialect, each step's SQL (its query) or its errors, in one snapshot.</summary>
    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Every_dialect_writes_each_cell_set_or_names_what_it_lacks(string name)
    {
        var dialect = Dialects.Find(name)!;
        var report = new System.Text.StringBuilder();
        foreach (var step in Steps)
        {
            var result = Compiler.Compile(CwfTestKit.Bind(Program(step)), new CompileOptions(dialect) { Optimize = false });
            var errors = result.Diagnostics.Where(d => d.IsError).ToList();
            report.Append("-- ").AppendLine(step);
            if (errors.Count > 0)
            {
                Assert.All(errors, e => Assert.Equal(DiagnosticCodes.FunctionNotSupported, e.Descriptor));
                Assert.All(errors, e => Assert.Contains(dialect.DisplayName, e.Message));
                foreach (var e in errors) report.AppendLine($"{e.Descriptor.Code}: {e.Message} (hint: {string.Join("; ", e.Hints)})");
            }
            else
            {
                var sql = result.Sql!;
                report.AppendLine(string.Join("\n", sql.Split('\n').Where(l => l.Contains("cwf_cell") || l.Contains("h3_") || l.Contains("H3_") || l.Contains("QUADBIN"))));
            }
        }
        Snapshot.Match(report.ToString(), "cells-" + name, "txt");
    }

    [Fact]
    public void The_interpreter_gives_one_row_per_cell_with_the_rows_columns()
    {
        var schema = Harness.Schema(("id", SqlType.Int64), ("geom", SqlType.Geography), ("cell", SqlType.String), ("tile", SqlType.Int64));
        var square = Geography.Factory.CreatePolygon([new(-3.71, 40.41), new(-3.69, 40.41), new(-3.69, 40.43), new(-3.71, 40.43), new(-3.71, 40.41)]);
        var input = Harness.Table(schema,
            [1L, square, "8928308280fffff", QuadbinIndex.FromTile(9, 8, 4)],
            [2L, null, "not a cell", null]);
        var text = "source t = table \"src\" { id: int64, geom: geography, cell: string, tile: int64 }\n" +
            "output t | h3polyfill geom, 9 { includecols: true } | select id, h3 -> table \"out\"\n" +
            "output t | h3kring cell, 1 { distances: true } | select id, kring, kring_distance -> table \"ring\"\n" +
            "output t | quadbintochildren tile, 5 | select id, child -> table \"kids\"\n";
        var workflow = CwfTestKit.Bind(text);
        var result = Harness.Run(workflow, Database.Empty.With(Harness.Source, input));
        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics));

        var cells = result.Outputs.Find(Harness.Output)!.Rows.Select(r => ((long)r[0]!, (string)r[1]!)).ToList();
        var expected = H3Polyfill.Cells(square, 9, CellContainment.Center, 1_000_000).Select(c => (1L, H3Index.ToHexString(c))).ToList();
        Assert.True(expected.Count > 5);
        Assert.Equal(expected, cells);

        var ring = result.Outputs.Find(TableName.TryParse("ring")!)!.Rows.Select(r => $"{r[1]}:{r[2]}").ToList();
        Assert.Equal(7, ring.Count);
        Assert.Equal("8928308280fffff:0", ring[0]);
        Assert.All(ring.Skip(1), r => Assert.EndsWith(":1", r));

        var kids = result.Outputs.Find(TableName.TryParse("kids")!)!.Rows.Select(r => (long)r[1]!).ToList();
        Assert.Equal(QuadbinGrid.Children(QuadbinIndex.FromTile(9, 8, 4), 5), kids);
    }

    [Fact]
    public void A_filter_on_the_distance_stays_above_the_k_ring()
    {
        var workflow = CwfTestKit.Bind(Program("h3kring cell, 2 { distances: true } | filter id > 1 and kring_distance = 2"));
        var pushed = new PredicatePushdown().Run(workflow, OptimizerTarget.Conservative);
        Assert.Empty(IrValidator.Validate(pushed));
        var explode = Assert.Single(pushed.Nodes.OfType<ExplodeNode>());
        Assert.Equal("(id > 1)", Assert.IsType<FilterNode>(pushed[explode.Input]).Predicate.ToString());
        Assert.Contains("kring_distance", Assert.Single(pushed.Nodes.OfType<FilterNode>(), f => f.Input == explode.Id).Predicate.ToString());
    }
}
