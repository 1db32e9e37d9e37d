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
/// <c>native.getisord</c> (and <c>native.localmoransi</c>, which shares its checks) as the CARTO Analytics Toolbox's <c>GETIS_ORD_H3_TABLE</c> / <c>GETIS_ORD_QUADBIN_TABLE</c>:
/// the real export's node (inputs <c>indexcol</c>, <c>valuecol</c>, <c>kernel</c>, <c>size</c>) imports with its
/// result declared (<c>index</c>, <c>gi</c>, <c>p_value</c>), the procedure is chosen by the index column's type,
/// BigQuery calls it and every other warehouse is CWF6002, and a run in process is refused by name (CWF7800).
/// </summary>
public class GetisOrdComponentTests
{
    private static CanvasImportResult Import(string indexType, params (string, object?)[] inputs)
    {
        var c = new TestCanvas();
        var t = c.Source("src.cells", "cells", $"h3:{indexType}", "spatial_score:float64");
        var node = c.Node("native.getisord", "Getis Ord", inputs);
        var save = c.Node("native.saveastable", "Save", ("destination", "out.hotspots"));
        c.Flow(t, node).Flow(node, save);
        return CanvasTestKit.Import(c);
    }

    private static readonly (string, object?)[] ExportInputs = [("indexcol", "h3"), ("valuecol", "spatial_score"), ("kernel", "uniform"), ("size", "1")];

    private const string Program = """
        source cells = table "src.cells" { h3: string, spatial_score: float64 }
        output cells | getisord h3, spatial_score { kernel: 'gaussian', size: 3 } -> table "out.hotspots"
        """;

    [Fact]
    public void The_export_node_imports_as_a_toolbox_call_with_its_result_declared()
    {
        var imported = Import("string", ExportInputs);
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        var step = Assert.Single(imported.Workflow!.Nodes.OfType<OpaqueNode>());
        Assert.Equal("GETIS_ORD_H3_TABLE", step.Call!.Procedure);
        Assert.Equal(["index", "gi", "p_value"], step.Schema.Names);
        Assert.Equal([SqlType.String, SqlType.Float64, SqlType.Float64], step.Schema.Columns.Select(c => c.Type));
        // The product's generated SQL: GETIS_ORD_H3_TABLE(input, output, 'h3', 'spatial_score', 1, 'uniform').
        Assert.Equal("input, output, 'h3', 'spatial_score', 1, 'uniform'", string.Join(", ", step.Call.For("bigquery")!.Arguments));

        var text = Cwf.Tests.Canvas.CanvasTestKit.AssertRoundTrip(imported, "getisord");
        Assert.Contains("| getisord h3, spatial_score { size: 1 }", text);
    }

    [Fact]
    public void Quadbin_cells_call_the_quadbin_procedure()
    {
        var imported = Import("int64", ExportInputs);
        var step = imported.Workflow!.Nodes.OfType<OpaqueNode>().Single();
        Assert.Equal("GETIS_ORD_QUADBIN_TABLE", step.Call!.Procedure);
        Assert.Equal(SqlType.Int64, step.Schema.Find("index")!.Type);
    }

    [Fact]
    public void An_index_column_that_holds_no_cells_is_an_error()
    {
        var imported = Import("float64", ExportInputs);
        Assert.Contains(imported.Diagnostics, d => d.Descriptor == DiagnosticCodes.ColumnTypeMismatch && d.Message.Contains("Quadbin", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    public void A_size_outside_1_to_10_is_CWF2871(string size)
    {
        var imported = Import("string", ("indexcol", "h3"), ("valuecol", "spatial_score"), ("kernel", "uniform"), ("size", size));
        var error = Assert.Single(imported.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.GridStatisticValue, error.Descriptor);
    }

    public static TheoryData<string> DialectNames => [.. Dialects.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void BigQuery_calls_the_procedure_and_every_other_dialect_names_the_warehouse(string name) =>
        ExternalServiceComponentTests.AssertCalledOrRefused(Program, name, ["bigquery"], "GETIS_ORD_H3_TABLE", "getisord");

    [Fact]
    public void A_hostile_column_name_reaches_the_SQL_only_inside_a_string_literal()
    {
        var hostile = """
            source cells = table "src.cells" { `h3'); DROP TABLE out.hotspots; --`: string, spatial_score: float64 }
            output cells | getisord `h3'); DROP TABLE out.hotspots; --`, spatial_score -> table "out.hotspots"
            """;
        var sql = Compiler.Compile(Cwf.Tests.Binding.Compilation.Ok(hostile), new CompileOptions(Dialects.Find("bigquery")!)).Sql!;
        Assert.Contains(@"'h3\'); DROP TABLE out.hotspots; --',", sql);
        Assert.DoesNotContain("\n  'h3'); DROP", sql);
    }

    [Fact]
    public void A_run_in_process_is_refused_by_name_before_anything_runs() =>
        ExternalServiceComponentTests.AssertRefusedInProcess(Program, "native.getisord", "GETIS_ORD_H3_TABLE");

    [Fact]
    public void Local_morans_i_imports_from_the_export_and_calls_its_procedure()
    {
        // The export's node: indexcol, valuecol, size, decay, permutations; its SQL calls LOCAL_MORANS_I_H3_TABLE(..., 1, 'uniform', 99).
        var c = new TestCanvas();
        var t = c.Source("src.cells", "cells", "h3:string", "volumen_total_accidentes:int64");
        var node = c.Node("native.localmoransi", "Local Morans I",
            ("indexcol", "h3"), ("valuecol", "volumen_total_accidentes"), ("size", 1), ("decay", "uniform"), ("permutations", 99));
        var save = c.Node("native.saveastable", "Save", ("destination", "out.lisa"));
        c.Flow(t, node).Flow(node, save);
        var imported = CanvasTestKit.Import(c);
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        var step = Assert.Single(imported.Workflow!.Nodes.OfType<OpaqueNode>());
        Assert.Equal("LOCAL_MORANS_I_H3_TABLE", step.Call!.Procedure);
        Assert.Equal(["index", "value", "psim", "quad"], step.Schema.Names);
        Assert.Equal("input, output, 'h3', 'volumen_total_accidentes', 1, 'uniform', 99", string.Join(", ", step.Call.For("bigquery")!.Arguments));

        var text = Cwf.Tests.Canvas.CanvasTestKit.AssertRoundTrip(imported, "localmoransi");
        Assert.Contains("| localmoransi h3, volumen_total_accidentes { size: 1 }", text);
    }

    [Fact]
    public void Local_morans_i_compiles_for_BigQuery_and_is_CWF2871_without_permutations()
    {
        var program = """
            source cells = table "src.cells" { q: int64, n: float64 }
            output cells | localmoransi q, n { decay: 'inverse', size: 2, permutations: 85 } -> table "out.lisa"
            """;
        var result = Compiler.Compile(Cwf.Tests.Binding.Compilation.Ok(program), new CompileOptions(Dialects.Find("bigquery")!));
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        Snapshot.Match(result.Sql!, "localmoransi-bigquery", "sql");
        var none = Cwf.Tests.Binding.Compilation.Compile(program.Replace("permutations: 85", "permutations: 0", StringComparison.Ordinal));
        Assert.Equal(DiagnosticCodes.GridStatisticValue, Assert.Single(none.Diagnostics, d => d.IsError).Descriptor);
        ExternalServiceComponentTests.AssertRefusedInProcess(program, "native.localmoransi", "LOCAL_MORANS_I_QUADBIN_TABLE");
    }

    /// <summary>
    /// Global Moran's I: the public export's node (find_string id 26552187104: <c>indexcol</c> h3, <c>valuecol</c>
    /// cell_counts, <c>size</c> 1, <c>decay</c> exponential) imports as the call its generated SQL makes,
    /// <c>MORANS_I_H3_TABLE(input, output, 'h3', 'cell_counts', 1, 'exponential')</c>; no source shows the table's
    /// columns, so the step's schema is open and says so (CWF2812).
    /// </summary>
    [Fact]
    public void Global_morans_i_imports_from_the_export_and_calls_its_procedure_with_an_open_schema()
    {
        var c = new TestCanvas();
        var t = c.Source("src.cells", "cells", "h3:string", "cell_counts:int64");
        var node = c.Node("native.moransi", "Morans I", ("indexcol", "h3"), ("valuecol", "cell_counts"), ("size", "1"), ("decay", "exponential"));
        var save = c.Node("native.saveastable", "Save", ("destination", "out.morans"));
        c.Flow(t, node).Flow(node, save);
        var imported = CanvasTestKit.Import(c);
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        Assert.Contains(imported.Diagnostics, d => d.Descriptor == DiagnosticCodes.UncheckedSchema && d.Message.Contains("MORANS_I_H3_TABLE", StringComparison.Ordinal));
        Assert.DoesNotContain(imported.Diagnostics, d => d.Descriptor == DiagnosticCodes.OpaqueComponent);
        var step = Assert.Single(imported.Workflow!.Nodes.OfType<OpaqueNode>());
        Assert.Equal("MORANS_I_H3_TABLE", step.Call!.Procedure);
        Assert.True(step.Schema.IsOpen);
        Assert.Equal("input, output, 'h3', 'cell_counts', 1, 'exponential'", string.Join(", ", step.Call.For("bigquery")!.Arguments));

        var text = CanvasDecompiler.ToCwf(imported);
        Assert.Contains("| moransi h3, cell_counts { size: 1, decay: 'exponential' }", text);
        Assert.Equal(IrPrinter.PrintCanonical(imported.Workflow), IrPrinter.PrintCanonical(Cwf.Tests.Binding.Compilation.Ok(text, allowWarnings: true)));
    }

    private const string MoransProgram = """
        source cells = table "src.cells" { q: int64, n: float64 }
        output cells | moransi q, n { decay: 'inverse', size: 2 } -> table "out.morans"
        """;

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Global_morans_i_is_called_on_BigQuery_and_every_other_dialect_names_the_warehouse(string name)
    {
        var dialect = Dialects.Find(name)!;
        var result = Compiler.Compile(Cwf.Tests.Binding.Compilation.Ok(MoransProgram, allowWarnings: true), new CompileOptions(dialect));
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        if (name != "bigquery")
        {
            var error = Assert.Single(errors);
            Assert.Equal(DiagnosticCodes.FunctionNotSupported, error.Descriptor);
            Assert.Contains($"{dialect.DisplayName} cannot run step", error.Message);
            Assert.Contains("MORANS_I_QUADBIN_TABLE", error.Message);
            return;
        }
        Assert.Empty(errors);
        Assert.Contains(result.Diagnostics, d => d.Descriptor == DiagnosticCodes.RequiresExtension);
        Assert.Contains("CALL `carto-un`.carto.MORANS_I_QUADBIN_TABLE(", result.Sql);
        Snapshot.Match(result.Sql!, "moransi-bigquery", "sql");
    }

    [Fact]
    public void Global_morans_i_in_process_is_refused_by_name() =>
        ExternalServiceComponentTests.AssertRefusedInProcess(MoransProgram, "native.moransi", "MORANS_I_QUADBIN_TABLE");
}
