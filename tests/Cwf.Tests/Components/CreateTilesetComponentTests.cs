using Cwf.Canvas;
using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Ir;
using Cwf.Tests.Canvas;
using Cwf.Tests.Snapshots;
using Cwf.Text;

namespace Cwf.Tests.Components;

/// <summary>
/// <c>native.createtileset</c> as the CARTO Analytics Toolbox's <c>CREATE_TILESET</c>: the real export's node
/// (canvases/createtileset.json, its inputs as the export has them) imports as a toolbox call that writes the named
/// table, round-trips through the <c>tileset</c> step, runs though nothing reads it, replaces its table as the
/// product's SQL does, is BigQuery-only (CWF6002 elsewhere, naming the other toolboxes' procedure), refuses options
/// outside the product's limits (CWF2874, CWF2875, CWF2876) and a run in process (CWF7800).
/// </summary>
public class CreateTilesetComponentTests
{
    private const string Destination = "carto-dw-ac-7xhfwyml.private_lgarciaduarte_0a0e7b7c.potential_buildings_madrid_tileset";

    private static CanvasImportResult ImportExport() =>
        CanvasTestKit.Import(File.ReadAllText(Path.Combine(CanvasTestKit.RepoRoot, "tests", "Cwf.Tests", "Components", "canvases", "createtileset.json")));

    private const string Program = """
        source buildings = table "src.buildings" { id: int64, score: float64, zmin: int64, kind: string, geom: geography }
        let tiles = buildings | tileset geom, 'proj.maps.building_tiles' { zoom_min: 2, zoom_max: 14, zoom_min_col: zmin, tile_feature_order: 'score DESC' }
        """;

    private static IReadOnlyList<Diagnostic> Errors(string options) =>
        Cwf.Tests.Binding.Compilation.Errors(Program.Replace("{ zoom_min: 2, zoom_max: 14, zoom_min_col: zmin, tile_feature_order: 'score DESC' }", options, StringComparison.Ordinal));

    [Fact]
    public void The_export_node_imports_as_a_toolbox_call_that_writes_the_named_table()
    {
        var imported = ImportExport();
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        var step = Assert.Single(imported.Workflow!.Nodes.OfType<OpaqueNode>());
        Assert.Equal("native.createtileset", step.Component);
        Assert.Equal("CREATE_TILESET", step.Call!.Procedure);
        Assert.Equal(Destination, step.Call.Destination!.ToString());
        Assert.True(step.RunsUnread);
        Assert.True(step.Schema.IsOpen);
        Assert.Equal(["bigquery"], step.Call.Signatures.Select(s => s.Warehouse));
        // The product's own SQL for this node (the export's procedure): the same options in the same order.
        Assert.Equal(
            "(input), output, {name: 'potentialbuildings_madrid', description: 'Aggregated tileset with all buildings in Madrid showing hot/cold spots " +
            "for new mobile phone antennas placement', legend: NULL, zoom_min: 10, zoom_max: 16, geom_column_name: 'geom', zoom_min_column: NULL, " +
            "zoom_max_column: NULL, max_tile_size_kb: 512, tile_feature_order: NULL, drop_duplicates: true, extra_metadata: NULL}",
            string.Join(", ", step.Call.For("bigquery")!.Arguments));

        var text = CanvasTestKit.AssertRoundTrip(imported, "tileset");
        Assert.Contains($"| tileset geom, '{Destination}' {{", text);
        Assert.Contains("zoom_min: 10", text);
    }

    [Fact]
    public void The_export_compiles_for_BigQuery_to_a_drop_and_the_call_with_the_input_query_in_parentheses()
    {
        var imported = ImportExport();
        var result = Compiler.Compile(imported.Workflow!, new CompileOptions(Dialects.Find("bigquery")!));
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        var sql = result.Sql!;
        int drop = sql.IndexOf($"DROP TABLE IF EXISTS `{Destination}`;", StringComparison.Ordinal);
        int call = sql.IndexOf("CALL `carto-un`.carto.CREATE_TILESET(", StringComparison.Ordinal);
        Assert.True(drop >= 0 && call > drop, sql);
        Assert.Contains("'(SELECT", sql);
        // The output table as the product passes it: the quoted name as text.
        Assert.Contains($"'`{Destination}`',", sql);
        Assert.Contains("STRUCT('potentialbuildings_madrid' AS name,", sql);
        // The tileset is the workflow's result: nothing drops it after the call.
        Assert.Equal(drop, sql.LastIndexOf($"DROP TABLE IF EXISTS `{Destination}`", StringComparison.Ordinal));
        Snapshot.Match(sql, "tileset-export-bigquery", "sql");
    }

    public static TheoryData<string> DialectNames => [.. Dialects.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Every_dialect_calls_the_procedure_or_names_the_warehouse(string name) =>
        ExternalServiceComponentTests.AssertCalledOrRefused(Program, name, ["bigquery"], "CREATE_TILESET", "tileset");

    [Fact]
    public void Elsewhere_the_hint_names_the_other_toolboxes_procedure()
    {
        var result = Compiler.Compile(Cwf.Tests.Binding.Compilation.Ok(Program), new CompileOptions(Dialects.Find("snowflake")!));
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Contains("only on BigQuery", error.Message);
        Assert.Contains(error.Hints, h => h.Contains("CREATE_SIMPLE_TILESET", StringComparison.Ordinal));
    }

    [Fact]
    public void A_step_that_reads_the_tileset_reads_the_named_table()
    {
        var sql = Compiler.Compile(Cwf.Tests.Binding.Compilation.Ok(Program + "\noutput tiles -> table \"out.tiles_copy\""),
            new CompileOptions(Dialects.Find("bigquery")!)).Sql!;
        Assert.Contains("FROM proj.maps.building_tiles", sql);
        Assert.True(sql.IndexOf("CREATE_TILESET", StringComparison.Ordinal) < sql.IndexOf("out.tiles_copy AS", StringComparison.Ordinal), sql);
    }

    [Fact]
    public void A_single_query_cannot_call_the_procedure()
    {
        var result = Compiler.Compile(Cwf.Tests.Binding.Compilation.Ok(Program), new CompileOptions(Dialects.Find("bigquery")!) { Mode = EmitMode.Query });
        Assert.Contains(result.Diagnostics, d => d.Descriptor == DiagnosticCodes.EmitModeNotSupported && d.Message.Contains("CREATE_TILESET", StringComparison.Ordinal));
    }

    [Fact]
    public void A_hostile_description_reaches_the_SQL_only_inside_a_string_literal()
    {
        var hostile = Program.Replace("tile_feature_order: 'score DESC'", "description: 'x'') AS name); DROP TABLE t; --'", StringComparison.Ordinal);
        var sql = Compiler.Compile(Cwf.Tests.Binding.Compilation.Ok(hostile), new CompileOptions(Dialects.Find("bigquery")!)).Sql!;
        Assert.Contains(@"'x\') AS name); DROP TABLE t; --' AS description", sql);
    }

    [Theory]
    [InlineData("{ zoom_min: 19 }", "the minimum zoom level of the tileset must be a constant whole number from 0 to 18, but it is 19")]
    [InlineData("{ zoom_max: 21 }", "from 1 to 20, but it is 21")]
    [InlineData("{ zoom_max: 0 }", "from 1 to 20, but it is 0")]
    [InlineData("{ max_tile_size_kb: 7000 }", "the maximum tile size (KB) of the tileset must be a constant whole number from 1 to 6144")]
    public void A_zoom_level_or_tile_size_outside_the_products_limits_is_CWF2874(string options, string message)
    {
        var error = Assert.Single(Errors(options));
        Assert.Equal(DiagnosticCodes.TilesetOption, error.Descriptor);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_zoom_level_given_by_a_parameter_is_CWF2874()
    {
        var error = Assert.Single(Cwf.Tests.Binding.Compilation.Errors("param z: int64 = 3\n" + Program.Replace("zoom_min: 2", "zoom_min: z", StringComparison.Ordinal)));
        Assert.Equal(DiagnosticCodes.TilesetOption, error.Descriptor);
        Assert.Contains("the parameter 'z'", error.Message);
    }

    [Fact]
    public void A_minimum_zoom_above_the_maximum_is_CWF2875()
    {
        var error = Assert.Single(Errors("{ zoom_min: 12, zoom_max: 8 }"));
        Assert.Equal(DiagnosticCodes.TilesetZoomRange, error.Descriptor);
        Assert.Contains("minimum zoom level (12) is above its maximum (8)", error.Message);
    }

    [Fact]
    public void A_table_without_a_dataset_is_CWF2876()
    {
        var error = Assert.Single(Cwf.Tests.Binding.Compilation.Errors(Program.Replace("'proj.maps.building_tiles'", "'tiles'", StringComparison.Ordinal)));
        Assert.Equal(DiagnosticCodes.TilesetDestination, error.Descriptor);
        Assert.Contains("names no dataset", error.Message);
    }

    [Fact]
    public void A_mistyped_option_is_CWF2850_with_the_closest_name()
    {
        var error = Assert.Single(Errors("{ zoom_mn: 3 }"));
        Assert.Equal(DiagnosticCodes.InvalidStepArgument, error.Descriptor);
        Assert.Contains(error.Hints, h => h.Contains("zoom_min", StringComparison.Ordinal));
    }

    [Fact]
    public void A_zoom_column_that_is_not_a_number_is_a_column_type_mismatch() =>
        Assert.Contains(Errors("{ zoom_max_col: kind }"), d => d.Descriptor == DiagnosticCodes.ColumnTypeMismatch);

    [Fact]
    public void A_run_in_process_is_refused_by_name_before_anything_runs() =>
        ExternalServiceComponentTests.AssertRefusedInProcess(Program, "native.createtileset", "CREATE_TILESET");
}
