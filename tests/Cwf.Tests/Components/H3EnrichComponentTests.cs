using Cwf.Canvas;
using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Emit;
using Cwf.Ir;
using Cwf.Tests.Canvas;
using Cwf.Text;

namespace Cwf.Tests.Components;

/// <summary>
/// <c>native.h3enrich</c> (Enrich H3 Grid) as the CARTO Analytics Toolbox's <c>ENRICH_GRID('h3', ...)</c>: the real
/// export's node (find_string id 27023515592: <c>target</c>, <c>source</c>, <c>target_col</c> a string column of
/// cells, <c>source_col</c>, <c>variables</c>, <c>kring</c> 0, <c>decay</c>) imports with the enriched columns declared
/// and round-trips through .cwf; BigQuery and Snowflake call the procedure, every other warehouse is CWF6002; a k-ring
/// other than 0 is CWF2870; a run in process is refused by name (CWF7800).
/// </summary>
public class H3EnrichComponentTests
{
    private static CanvasImportResult Import(string targetColumn = "h3", long kring = 0, string variables = "geometry_length,sum")
    {
        var c = new TestCanvas();
        var cells = c.Source("src.cells", "cells", "h3:string", "shape:geography");
        var roads = c.Source("src.roads", "roads", "geometry_length:float64", "kind:string", "geometry:geography");
        var node = c.Node("native.h3enrich", "Enrich H3 Grid", ("target_col", targetColumn), ("source_col", "geometry"),
            ("variables", variables), ("kring", kring), ("decay", "uniform"));
        var save = c.Node("native.saveastable", "Save", ("destination", "out.enriched"));
        c.Flow(cells, node, "target").Flow(roads, node, "source").Flow(node, save);
        return CanvasImporter.Import(SourceText.From(c.ToJson(), "t.json"), null, ComponentCatalog.Default);
    }

    private const string Program = """
        source cells = table "src.cells" { h3: string, shape: geography }
        source roads = table "src.roads" { geometry_length: float64, kind: string, geometry: geography }
        output cells | h3enrich roads, h3, geometry, sum(geometry_length), count(kind) -> table "out.enriched"
        """;

    [Fact]
    public void The_export_node_imports_as_ENRICH_GRID_on_h3_cells_and_round_trips()
    {
        var imported = Import();
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        var step = Assert.Single(imported.Workflow!.Nodes.OfType<OpaqueNode>());
        Assert.Equal("ENRICH_GRID", step.Call!.Procedure);
        Assert.Equal(["bigquery", "snowflake"], step.Call.Signatures.Select(s => s.Warehouse));
        // The export's SQL: ENRICH_GRID('h3', input, 'h3', 'SELECT * FROM source', 'geometry', [('geometry_length', 'sum')], [output]).
        Assert.Equal("'h3', input, 'h3', input 1, 'geometry', [(geometry_length, sum)], [output]", string.Join(", ", step.Call.For("bigquery")!.Arguments));
        Assert.Equal(["h3", "shape", "geometry_length_sum"], step.Schema.Names);
        Assert.Equal(SqlType.Float64, step.Schema.Find("geometry_length_sum")!.Type);

        var text = CanvasTestKit.AssertRoundTrip(imported, "h3enrich");
        Assert.Contains("| h3enrich roads, h3, geometry, sum(geometry_length)", text);
    }

    [Fact]
    public void A_k_ring_other_than_0_is_CWF2870_at_the_k_ring()
    {
        var error = Assert.Single(Import(kring: 2L).Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.ExternalServiceOption, error.Descriptor);
        Assert.Contains("k-ring of 2", error.Message);
        Assert.Contains(error.Hints, h => h.Contains("h3kring", StringComparison.Ordinal));
    }

    [Fact]
    public void A_k_ring_in_dot_cwf_is_an_option_and_is_checked_the_same_way()
    {
        var diagnostics = Cwf.Tests.Binding.Compilation.Errors(Program.Replace("count(kind)", "count(kind) { kring: 1 }", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Descriptor == DiagnosticCodes.ExternalServiceOption);
    }

    [Fact]
    public void A_target_column_that_is_not_text_cells_is_a_column_type_mismatch() =>
        Assert.Contains(Import(targetColumn: "shape").Diagnostics, d => d.Descriptor == DiagnosticCodes.ColumnTypeMismatch);

    [Fact]
    public void An_aggregation_the_toolbox_lacks_is_CWF2873() =>
        Assert.Contains(Import(variables: "kind,mode").Diagnostics, d => d.Descriptor == DiagnosticCodes.EnrichmentAggregation && d.Message.Contains("ENRICH_GRID", StringComparison.Ordinal));

    public static TheoryData<string> DialectNames => [.. Dialects.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Every_dialect_calls_the_procedure_or_names_the_warehouse(string name) =>
        ExternalServiceComponentTests.AssertCalledOrRefused(Program, name, ["bigquery", "snowflake"], "ENRICH_GRID", "h3enrich");

    [Fact]
    public void A_run_in_process_is_refused_by_name_before_anything_runs() =>
        ExternalServiceComponentTests.AssertRefusedInProcess(Program, "native.h3enrich", "ENRICH_GRID");
}
