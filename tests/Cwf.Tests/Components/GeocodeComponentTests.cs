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
/// <c>native.geocode</c> as the CARTO Analytics Toolbox's <c>GEOCODE_TABLE</c>: the real exports' node (inputs
/// <c>address</c>, <c>country</c>, <c>customoptions</c>; outputs <c>match</c>, <c>unmatch</c>) imports with its columns
/// declared, the procedure alters a copy of the input as the product's own SQL does, the country reaches it as the
/// ISO code, and a run in process is refused by name (CWF7800).
/// </summary>
public class GeocodeComponentTests
{
    private static CanvasImportResult Import(string output, params (string, object?)[] inputs)
    {
        var c = new TestCanvas();
        var t = c.Source("src.crimes", "crimes", "id:int64", "block:string");
        var node = c.Node("native.geocode", "ST Geocode", inputs);
        var save = c.Node("native.saveastable", "Save", ("destination", "out.located"));
        c.Flow(t, node).Edge(node, output, save, "source");
        return CanvasTestKit.Import(c);
    }

    private const string Program = """
        source crimes = table "src.crimes" { id: int64, block: string }
        output crimes | geocode block { country: 'United States' } -> table "out.located"
        """;

    [Fact]
    public void The_export_node_imports_as_a_toolbox_call_on_a_copy_and_its_matches()
    {
        var imported = Import("match", ("address", "block"), ("country", "United States"), ("customoptions", ""));
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        var step = Assert.Single(imported.Workflow!.Nodes.OfType<OpaqueNode>());
        Assert.Equal("GEOCODE_TABLE", step.Call!.Procedure);
        Assert.Equal(["id", "block", "geom", "carto_geocode_metadata"], step.Schema.Names);
        Assert.Equal(SqlType.Geography, step.Schema.Find("geom")!.Type);
        Assert.Equal(["bigquery", "snowflake", "redshift"], step.Call.Signatures.Select(s => s.Warehouse));
        Assert.All(step.Call.Signatures, s => Assert.True(s.CopiesInput));
        // The product's own SQL: GEOCODE_TABLE(api_base_url, token, table, address, 'geom', 'ID', NULL); the credentials NULL here.
        Assert.Equal("NULL, NULL, output, 'block', 'geom', 'US', NULL", string.Join(", ", step.Call.For("bigquery")!.Arguments));
        Assert.Equal("output, 'block', 'geom', 'US', NULL", string.Join(", ", step.Call.For("snowflake")!.Arguments));
        var match = Assert.Single(imported.Workflow.Nodes.OfType<FilterNode>());
        Assert.Equal(FilterBranch.Match, match.Branch);
        Assert.Equal(step.Id, match.Input);

        var text = Cwf.Tests.Canvas.CanvasTestKit.AssertRoundTrip(imported, "geocode");
        Assert.Contains("| geocode block { country: 'United States' }", text);
    }

    [Fact]
    public void The_unmatch_output_is_the_rows_without_a_point()
    {
        var imported = Import("unmatch", ("address", "block"));
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        var unmatch = Assert.Single(imported.Workflow!.Nodes.OfType<FilterNode>());
        Assert.Equal(FilterBranch.Unmatch, unmatch.Branch);
        // No country: NULL, the procedure's default.
        Assert.Equal("output, 'block', 'geom', NULL, NULL", string.Join(", ", imported.Workflow.Nodes.OfType<OpaqueNode>().Single().Call!.For("redshift")!.Arguments));
    }

    [Fact]
    public void A_canvas_that_reads_the_unmatch_output_decompiles_to_a_two_name_let()
    {
        var imported = Import("unmatch", ("address", "block"), ("country", "Spain"));
        var text = CanvasDecompiler.ToCwf(imported);
        Assert.Matches(@"let \w+, \w+ = crimes\s*\| geocode block", text);
        Assert.Equal(IrPrinter.PrintCanonical(imported.Workflow!), IrPrinter.PrintCanonical(Cwf.Tests.Binding.Compilation.Ok(text)));
    }

    [Fact]
    public void Both_results_of_a_two_name_let_read_one_call()
    {
        var workflow = Cwf.Tests.Binding.Compilation.Ok("""
            source crimes = table "src.crimes" { id: int64, block: string }
            let located, missing = crimes | geocode block { country: 'Spain' }
            output located -> table "out.located"
            output missing -> table "out.missing"
            """);
        var call = Assert.Single(workflow.Nodes.OfType<OpaqueNode>());
        var filters = workflow.Nodes.OfType<FilterNode>().ToList();
        Assert.Equal([FilterBranch.Match, FilterBranch.Unmatch], filters.Select(f => f.Branch));
        Assert.All(filters, f => Assert.Equal(call.Id, f.Input));
    }

    [Fact]
    public void The_countries_are_the_exports_options_with_their_iso_codes()
    {
        var country = ComponentCatalog.Default.Find("native.geocode")!.FindParameter("country")!;
        Assert.Equal(244, country.Options.Count);
        Assert.Equal(country.Options.Count, country.Options.Distinct().Count());
        var imported = Import("match", ("address", "block"), ("country", "Indonesia"));
        Assert.Contains("'ID'", string.Join(", ", imported.Workflow!.Nodes.OfType<OpaqueNode>().Single().Call!.For("bigquery")!.Arguments));
    }

    [Fact]
    public void An_address_column_that_is_not_text_is_an_error()
    {
        var imported = Import("match", ("address", "id"));
        Assert.Contains(imported.Diagnostics, d => d.Descriptor == DiagnosticCodes.ColumnTypeMismatch && d.Message.Contains("addresses", StringComparison.Ordinal));
    }

    [Fact]
    public void An_input_that_already_has_geom_is_CWF2872()
    {
        var result = Cwf.Tests.Binding.Compilation.Compile("""
            source crimes = table "src.crimes" { id: int64, block: string, geom: geography }
            output crimes | geocode block -> table "out.located"
            """);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.ExternalServiceColumnClash, error.Descriptor);
        Assert.Contains("'geom'", error.Message);
    }

    public static TheoryData<string> DialectNames => [.. Dialects.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Every_dialect_calls_the_procedure_or_names_the_warehouse(string name) =>
        ExternalServiceComponentTests.AssertCalledOrRefused(Program, name, ["bigquery", "snowflake", "redshift"], "GEOCODE_TABLE", "geocode");

    [Fact]
    public void A_hostile_option_reaches_the_SQL_only_inside_a_string_literal()
    {
        var hostile = Program.Replace("country: 'United States'", "customoptions: 'x''); DROP TABLE out.located; --'", StringComparison.Ordinal);
        foreach (var name in new[] { "bigquery", "snowflake", "redshift" })
        {
            var sql = Compiler.Compile(Cwf.Tests.Binding.Compilation.Ok(hostile), new CompileOptions(Dialects.Find(name)!)).Sql!;
            var line = Assert.Single(sql.Split('\n'), l => l.Contains("DROP TABLE out.located;", StringComparison.Ordinal)).Trim();
            Assert.Matches(@"^'x(\\'|'')\); DROP TABLE out\.located; --'$", line);
        }
    }

    [Fact]
    public void A_run_in_process_is_refused_by_name_before_anything_runs() =>
        ExternalServiceComponentTests.AssertRefusedInProcess(Program, "native.geocode", "GEOCODE_TABLE");
}
