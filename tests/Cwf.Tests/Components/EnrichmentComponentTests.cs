using Cwf.Canvas;
using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Ir;
using Cwf.Tests.Canvas;
using Cwf.Text;

namespace Cwf.Tests.Components;

/// <summary>
/// <c>native.enrichpolygons</c> and <c>native.enrichpoints</c> as the CARTO Analytics Toolbox's <c>ENRICH_POLYGONS</c> /
/// <c>ENRICH_POINTS</c>: the real export's node (inputs <c>target</c>, <c>source</c>, <c>target_col</c>, <c>source_col</c>,
/// <c>variables</c> as <c>col,method</c> pairs) imports with the enriched columns declared (<c>col_method</c>), the
/// variables reach the SQL in each warehouse's form (an array of structs, or JSON text) with every value inside a string
/// literal, the warehouses whose toolbox documents the procedure call it (BigQuery, Snowflake, Redshift; ENRICH_POINTS
/// also Databricks) and every other is CWF6002, and a run in process is refused by name (CWF7800).
/// </summary>
public class EnrichmentComponentTests
{
    private static CanvasImportResult Import(string component, string variables)
    {
        var c = new TestCanvas();
        var buildings = c.Source("src.buildings", "buildings", "id:int64", "geom:geography");
        var cells = c.Source("src.hotspots", "hotspots", "gi:float64", "p_value:float64", "kind:string", "index_geo:geography");
        var node = c.Node(component, "Enrich Polygons", ("target_col", "geom"), ("source_col", "index_geo"), ("variables", variables));
        var save = c.Node("native.saveastable", "Save", ("destination", "out.enriched"));
        c.Flow(buildings, node, "target").Flow(cells, node, "source").Flow(node, save);
        return CanvasTestKit.Import(c);
    }

    private const string Program = """
        source buildings = table "src.buildings" { id: int64, geom: geography }
        source hotspots = table "src.hotspots" { gi: float64, p_value: float64, kind: string, index_geo: geography }
        output buildings | enrichpolygons hotspots, geom, index_geo, avg(gi), max(p_value), count(kind) -> table "out.enriched"
        """;

    [Fact]
    public void The_export_node_imports_as_a_toolbox_call_with_the_enriched_columns_declared()
    {
        // The export's value (find_string id 26125032227): "gi,avg,p_value,max".
        var imported = Import("native.enrichpolygons", "gi,avg,p_value,max");
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        var step = Assert.Single(imported.Workflow!.Nodes.OfType<OpaqueNode>());
        Assert.Equal("ENRICH_POLYGONS", step.Call!.Procedure);
        Assert.Equal(2, step.Sources.Count);
        Assert.Equal(["id", "geom", "gi_avg", "p_value_max"], step.Schema.Names);
        Assert.Equal([SqlType.Int64, SqlType.Geography, SqlType.Float64, SqlType.Float64], step.Schema.Columns.Select(c => c.Type));
        Assert.Equal(["bigquery", "snowflake", "redshift"], step.Call.Signatures.Select(s => s.Warehouse));
        Assert.Equal("input, 'geom', input 1, 'index_geo', [(gi, avg), (p_value, max)], [output]", string.Join(", ", step.Call.For("bigquery")!.Arguments));
        // Redshift's procedure takes the output table's name, not an array.
        Assert.Equal("input, 'geom', input 1, 'index_geo', [(gi, avg), (p_value, max)], output", string.Join(", ", step.Call.For("redshift")!.Arguments));

        var text = Cwf.Tests.Canvas.CanvasTestKit.AssertRoundTrip(imported, "enrichpolygons");
        Assert.Contains("| enrichpolygons hotspots, geom, index_geo, avg(gi), max(p_value)", text);
    }

    [Fact]
    public void Enrich_points_calls_ENRICH_POINTS_with_the_same_arguments()
    {
        var imported = Import("native.enrichpoints", "kind,count");
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        var step = Assert.Single(imported.Workflow!.Nodes.OfType<OpaqueNode>());
        Assert.Equal("ENRICH_POINTS", step.Call!.Procedure);
        Assert.Equal(["bigquery", "snowflake", "redshift", "databricks"], step.Call.Signatures.Select(s => s.Warehouse));
        Assert.Equal(SqlType.Int64, step.Schema.Find("kind_count")!.Type);
        Assert.Contains("| enrichpoints hotspots, geom, index_geo, count(kind)", CanvasDecompiler.ToCwf(imported));
    }

    [Fact]
    public void Min_and_max_keep_the_column_type_and_a_method_aggregation_names_in_any_case_is_lower_cased()
    {
        var imported = Import("native.enrichpolygons", "kind,MAX");
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        var column = imported.Workflow!.Nodes.OfType<OpaqueNode>().Single().Schema.Find("kind_max")!;
        Assert.Equal(SqlType.String, column.Type);
    }

    [Fact]
    public void An_aggregation_the_toolbox_lacks_is_CWF2873()
    {
        var imported = Import("native.enrichpolygons", "kind,count_distinct");
        var error = Assert.Single(imported.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.EnrichmentAggregation, error.Descriptor);
        Assert.Contains("'count_distinct'", error.Message);
    }

    [Fact]
    public void A_sum_of_text_is_a_column_type_mismatch() =>
        Assert.Contains(Import("native.enrichpolygons", "kind,sum").Diagnostics, d => d.Descriptor == DiagnosticCodes.ColumnTypeMismatch);

    [Fact]
    public void A_variable_listed_twice_is_CWF2872()
    {
        var error = Assert.Single(Import("native.enrichpolygons", "gi,avg,gi,avg").Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.ExternalServiceColumnClash, error.Descriptor);
        Assert.Contains("'gi_avg' twice", error.Message);
    }

    [Fact]
    public void A_variable_not_written_as_a_call_is_CWF2850()
    {
        var diagnostics = Cwf.Tests.Binding.Compilation.Errors(Program.Replace("avg(gi)", "gi", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Descriptor == DiagnosticCodes.InvalidStepArgument && d.Message.Contains("method(column)", StringComparison.Ordinal));
    }

    public static TheoryData<string> DialectNames => [.. Dialects.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Every_dialect_calls_the_procedure_or_names_the_warehouse(string name) =>
        ExternalServiceComponentTests.AssertCalledOrRefused(Program, name, ["bigquery", "snowflake", "redshift"], "ENRICH_POLYGONS", "enrichpolygons");

    // ENRICH_POINTS takes the same arguments as ENRICH_POLYGONS where both are called: the dialects that differ are checked.
    public static TheoryData<string> PointsOnlyDialectNames => [.. Dialects.All.Select(d => d.Name).Except(["bigquery", "snowflake", "redshift"])];

    [Theory]
    [MemberData(nameof(PointsOnlyDialectNames))]
    public void Enrich_points_is_called_where_its_toolbox_documents_it_Databricks_too(string name) =>
        ExternalServiceComponentTests.AssertCalledOrRefused(Program.Replace("enrichpolygons", "enrichpoints", StringComparison.Ordinal), name,
            ["bigquery", "snowflake", "redshift", "databricks"], "ENRICH_POINTS", "enrichpoints");

    [Theory]
    [InlineData("redshift", "'{\"variables\":[[\"gi\",\"avg\"],[\"p_value\",\"max\"],[\"kind\",\"count\"]]}'", "'out.cwf_output_enriched'")]
    [InlineData("databricks", "'[{\"column\":\"gi\",\"aggregation\":\"avg\"},{\"column\":\"p_value\",\"aggregation\":\"max\"},{\"column\":\"kind\",\"aggregation\":\"count\"}]'",
        "'`out`.`cwf_output_enriched`'")]
    public void Redshift_and_Databricks_take_the_variables_as_JSON_text_and_the_output_as_a_name(string name, string variables, string output)
    {
        var result = Compiler.Compile(Cwf.Tests.Binding.Compilation.Ok(Program.Replace("enrichpolygons", "enrichpoints", StringComparison.Ordinal)),
            new CompileOptions(Dialects.Find(name)!));
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        var lines = result.Sql!.Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains(variables + ",", lines);
        // The last argument: the work table's name as a string, no array around it.
        Assert.Equal(output, lines[lines.IndexOf(variables + ",") + 1]);
    }

    [Fact]
    public void A_hostile_column_name_reaches_the_SQL_only_inside_a_string_literal()
    {
        var hostile = Program.Replace("gi:", "`g'), ('x`:", StringComparison.Ordinal).Replace("avg(gi)", "avg(`g'), ('x`)", StringComparison.Ordinal);
        foreach (var name in new[] { "bigquery", "snowflake" })
        {
            var result = Compiler.Compile(Cwf.Tests.Binding.Compilation.Ok(hostile), new CompileOptions(Dialects.Find(name)!));
            Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
            var line = Assert.Single(result.Sql!.Split('\n'), l => l.Contains("'avg'", StringComparison.Ordinal));
            // The quote inside the column name escaped as the warehouse escapes it.
            Assert.Contains(@"'g\'), (\'x'", line, StringComparison.Ordinal);
        }
        foreach (var name in new[] { "redshift", "databricks" })
        {
            var points = hostile.Replace("enrichpolygons", "enrichpoints", StringComparison.Ordinal);
            var result = Compiler.Compile(Cwf.Tests.Binding.Compilation.Ok(points), new CompileOptions(Dialects.Find(name)!));
            Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
            var line = Assert.Single(result.Sql!.Split('\n').Select(l => l.Trim()), l => l.StartsWith('\'') && l.Contains("avg", StringComparison.Ordinal));
            // One string literal holding JSON: the quote is JSON-escaped (\u0027, its backslash doubled by the
            // warehouse's string escaping), so the literal does not end early.
            Assert.Matches(@"^'[^']*',$", line);
            Assert.Contains(@"g\\u0027), (\\u0027x", line, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("redshift", "CALL tools.enrich.ENRICH_POLYGONS(")]
    [InlineData("bigquery", "CALL tools.enrich.ENRICH_POLYGONS(")]
    [InlineData("snowflake", "CALL tools.enrich.ENRICH_POLYGONS(")]
    public void The_toolbox_location_given_is_the_one_called(string name, string call)
    {
        var options = new CompileOptions(Dialects.Find(name)!) { Toolbox = new TableName(["tools", "enrich"]) };
        var sql = Compiler.Compile(Cwf.Tests.Binding.Compilation.Ok(Program), options).Sql!;
        Assert.Contains(call, sql, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_run_in_process_is_refused_by_name_before_anything_runs() =>
        ExternalServiceComponentTests.AssertRefusedInProcess(Program, "native.enrichpolygons", "ENRICH_POLYGONS");
}
