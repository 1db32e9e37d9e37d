using Cwf.Canvas;
using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Tests.Canvas;
using Cwf.Tests.Cli;
using Cwf.Tests.Snapshots;
using Cwf.Text;

namespace Cwf.Tests.Components;

/// <summary>
/// <c>native.isolines</c>, an external service as a CARTO Analytics Toolbox procedure call: the real export's
/// node imports with its output declared, compiles to <c>CALL toolbox.CREATE_ISOLINES(...)</c> where the toolbox has
/// it (CWF6002 naming the warehouse elsewhere, CWF6003 in a single query), its values reach the SQL only as quoted
/// literals, and a run in process is refused by name before anything runs (CWF7800).
/// </summary>
public class ExternalServiceComponentTests
{
    private static readonly (string, object?)[] ExportInputs =
    [
        ("geo", "geom"), ("mode", "car"), ("type", "distance"), ("range", 2500), ("customoptions", ""), ("traveltime_single_shape", true),
    ];

    private static CanvasImportResult Import(params (string, object?)[] inputs)
    {
        var c = new TestCanvas();
        var t = c.Source("src.hospitals", "hospitals", "id:int64", "name:string", "geom:geography");
        var node = c.Node("native.isolines", "Create Isolines", inputs);
        var drop = c.Node("native.dropcolumn", "Drop", ("column", "carto_isoline_metadata"));
        var save = c.Node("native.saveastable", "Save", ("destination", "out.reach"));
        c.Flow(t, node).Flow(node, drop).Flow(drop, save);
        return CanvasTestKit.Import(c);
    }

    private const string Program = """
        source h = table "src.hospitals" { id: int64, name: string, geom: geography }
        output h | isolines geom, 600 { mode: 'walk', type: 'time' } -> table "out.reach"
        """;

    [Fact]
    public void The_export_node_imports_as_a_toolbox_call_whose_columns_downstream_steps_read()
    {
        var imported = Import(ExportInputs);
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        Assert.DoesNotContain(imported.Diagnostics, d => d.Descriptor == DiagnosticCodes.OpaqueComponent);
        var step = Assert.Single(imported.Workflow!.Nodes.OfType<OpaqueNode>());
        Assert.Equal("CREATE_ISOLINES", step.Call!.Procedure);
        Assert.Equal(["id", "name", "geom", "carto_isoline_metadata"], step.Schema.Names);
        Assert.Equal(["bigquery", "snowflake", "redshift"], step.Call.Signatures.Select(s => s.Warehouse));
        Assert.Equal("NULL, NULL, input, output, 'geom', 'car', 2500, 'distance', '{\"polygons_filter\":{\"limit\":1},\"carto_keep_orig_geom\":true}'",
            string.Join(", ", step.Call.For("bigquery")!.Arguments));
        Assert.Equal(["id", "name", "geom"], imported.Workflow.Sinks.Single().Schema.Names);

        var text = Cwf.Tests.Canvas.CanvasTestKit.AssertRoundTrip(imported, "isolines");
        Assert.Contains("| isolines geom, 2500", text);
    }

    [Fact]
    public void An_older_export_names_the_range_type_range_type()
    {
        var imported = Import(("geo", "geom"), ("mode", "walk"), ("range_type", "distance"), ("range", 900));
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        Assert.Contains("'distance'", string.Join(", ", imported.Workflow!.Nodes.OfType<OpaqueNode>().Single().Call!.For("redshift")!.Arguments));
    }

    [Fact]
    public void A_departure_time_is_CWF2870()
    {
        var imported = Import([.. ExportInputs, ("traveltime_departure_time", "2025-01-01T08:00:00")]);
        var error = Assert.Single(imported.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.ExternalServiceOption, error.Descriptor);
        Assert.Contains("departure time", error.Message);
    }

    public static TheoryData<string> DialectNames => [.. Dialects.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Every_dialect_calls_the_procedure_or_names_the_warehouse(string name) =>
        AssertCalledOrRefused(Program, name, ["bigquery", "snowflake", "redshift"], "CREATE_ISOLINES", "isolines");

    /// <summary>
    /// <paramref name="program"/> compiled for <paramref name="name"/>: the script calling <paramref name="procedure"/>
    /// (snapshot <c>snapshot-name</c>, CWF6020 naming the toolbox) where the toolbox has it, else one CWF6002 naming the
    /// warehouse and the procedure.
    /// </summary>
    internal static void AssertCalledOrRefused(string program, string name, string[] warehouses, string procedure, string snapshot)
    {
        var dialect = Dialects.Find(name)!;
        var result = Compiler.Compile(Cwf.Tests.Binding.Compilation.Ok(program), new CompileOptions(dialect));
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        if (!warehouses.Contains(name))
        {
            var error = Assert.Single(errors);
            Assert.Equal(DiagnosticCodes.FunctionNotSupported, error.Descriptor);
            Assert.Contains($"{dialect.DisplayName} cannot run step", error.Message);
            Assert.Contains(procedure, error.Message);
            return;
        }
        Assert.Empty(errors);
        Assert.Contains(result.Diagnostics, d => d.Descriptor == DiagnosticCodes.RequiresExtension);
        Snapshot.Match(result.Sql!, snapshot + "-" + name, "sql");
    }

    [Fact]
    public void A_single_query_cannot_call_a_procedure()
    {
        var result = Compiler.Compile(Cwf.Tests.Binding.Compilation.Ok(Program), new CompileOptions(Dialects.Find("bigquery")!) { Mode = EmitMode.Query });
        Assert.Contains(result.Diagnostics, d => d.Descriptor == DiagnosticCodes.EmitModeNotSupported && d.Message.Contains("CREATE_ISOLINES", StringComparison.Ordinal));
    }

    [Fact]
    public void A_hostile_value_reaches_the_SQL_only_inside_a_string_literal()
    {
        var hostile = Program.Replace("mode: 'walk'", "mode: 'car''); DROP TABLE out.reach; --'", StringComparison.Ordinal);
        foreach (var name in new[] { "bigquery", "snowflake", "redshift" })
        {
            var sql = Compiler.Compile(Cwf.Tests.Binding.Compilation.Ok(hostile), new CompileOptions(Dialects.Find(name)!)).Sql!;
            var line = Assert.Single(sql.Split('\n'), l => l.Contains("drop table out.reach", StringComparison.Ordinal)).Trim();
            // One literal on its own line: the quote inside escaped as the warehouse escapes it (\' or '').
            Assert.Matches(@"^'car(\\'|'')\); drop table out\.reach; --',$", line);
        }
    }

    [Fact]
    public void A_run_in_process_is_refused_by_name_before_anything_runs() => AssertRefusedInProcess(Program, "native.isolines", "CREATE_ISOLINES");

    /// <summary>The interpreter and <c>cwf run --data</c> refuse <paramref name="program"/> with one CWF7800 naming the step's component and what it calls.</summary>
    internal static void AssertRefusedInProcess(string program, string component, string calls)
    {
        var workflow = Cwf.Tests.Binding.Compilation.Ok(program, allowWarnings: true);
        var result = Interpreter.Run(workflow, Database.Empty);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.ExternalServiceNotRunnable, error.Descriptor);
        Assert.Contains(component, error.Message);
        Assert.Contains(calls, error.Message);
        Assert.Empty(result.Outputs.Tables);

        var dir = Directory.CreateTempSubdirectory("cwf-refused").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "w.cwf"), program);
            Directory.CreateDirectory(Path.Combine(dir, "data"));
            var cli = CliRunner.Run("run", Path.Combine(dir, "w.cwf"), "--data", Path.Combine(dir, "data"), "--out", Path.Combine(dir, "out"));
            Assert.Equal(1, cli.ExitCode);
            Assert.Contains("error CWF7800", cli.Error);
            Assert.Contains(component, cli.Error);
            Assert.DoesNotContain("CWF7020", cli.Error);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
