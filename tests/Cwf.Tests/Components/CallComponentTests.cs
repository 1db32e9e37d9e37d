using Cwf.Canvas;
using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Formatting;
using Cwf.Ir;
using Cwf.Tests.Canvas;
using Cwf.Tests.Snapshots;
using Cwf.Text;

namespace Cwf.Tests.Components;

/// <summary>
/// <c>native.call</c> (Call procedure): a user's CALL statement as a script step. The canvas node imports, the
/// <c>.cwf</c> <c>call</c> step round-trips, every warehouse with stored procedures runs it after its inputs
/// (CWF6002 elsewhere, CWF6003 in a single query), its table names reach the SQL only quoted, a call nothing
/// reads still runs, and a run in process is refused by name (CWF7800).
/// </summary>
public class CallComponentTests
{
    private const string Program = """
        source s = table "src.sales" { id: int64, amount: float64, region: string }
        source r = table "src.regions" { region: string, geom: geography }
        let scored = s | filter amount > 10 | call with r "CALL analytics.score($a, '$b', `$output`)" returns { id: int64, score: float64 }
        output scored | filter score > 0.5 -> table "out.scored"
        """;

    [Fact]
    public void The_canvas_node_imports_as_a_procedure_call_and_decompiles_to_a_call_step()
    {
        var c = new TestCanvas();
        var sales = c.Source("src.sales", "sales", "id:int64", "amount:float64");
        var regions = c.Source("src.regions", "regions", "region:string");
        var call = c.Node("native.call", "Call procedure", ("sql", "CALL analytics.score($a, $b, $output);"));
        var save = c.Node("native.saveastable", "Save", ("destination", "out.scored"));
        c.Flow(sales, call, "sourcea").Flow(regions, call, "sourceb").Flow(call, save);
        var imported = CanvasTestKit.Import(c);

        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        Assert.DoesNotContain(imported.Diagnostics, d => d.Descriptor == DiagnosticCodes.OpaqueComponent);
        Assert.Contains(imported.Diagnostics, d => d.Descriptor == DiagnosticCodes.UncheckedSchema);
        var step = Assert.Single(imported.Workflow!.Nodes.OfType<OpaqueNode>());
        Assert.Equal("native.call", step.Component);
        Assert.Equal("CALL analytics.score($a, $b, $output)", step.Statement);
        Assert.Null(step.SqlTemplate);
        Assert.Equal(2, step.Sources.Count);
        Assert.True(step.Schema.IsOpen);

        var text = CanvasDecompiler.ToCwf(imported);
        Assert.Contains("| call with ", text);
        Assert.Equal(IrPrinter.PrintCanonical(imported.Workflow), IrPrinter.PrintCanonical(Cwf.Tests.Binding.Compilation.Ok(text, allowWarnings: true)));
    }

    [Fact]
    public void An_unconnected_input_named_in_the_statement_is_an_error()
    {
        var c = new TestCanvas();
        var sales = c.Source("src.sales", "sales", "id:int64");
        var call = c.Node("native.call", "Call procedure", ("sql", "CALL p($a, $b, $output)"));
        var save = c.Node("native.saveastable", "Save", ("destination", "out.t"));
        c.Flow(sales, call, "sourcea").Flow(call, save);
        var imported = CanvasTestKit.Import(c);
        Assert.Contains(imported.Diagnostics, d => d.Descriptor == DiagnosticCodes.CustomSqlPlaceholder && d.Message.Contains("sourceb", StringComparison.Ordinal));
    }

    [Fact]
    public void The_call_step_binds_formats_and_checks_its_placeholders()
    {
        var workflow = Cwf.Tests.Binding.Compilation.Ok(Program);
        var step = workflow.Nodes.OfType<OpaqueNode>().Single();
        Assert.Equal(["id", "score"], step.Schema.Names);
        var formatted = CwfFormatter.Format(Program)!;
        Assert.Equal(formatted, CwfFormatter.Format(formatted));
        Assert.Contains("| call with r \"CALL analytics.score($a, '$b', `$output`)\" returns { id: int64, score: float64 }", formatted);

        var error = Assert.Single(Cwf.Tests.Binding.Compilation.Errors(Program.Replace("'$b'", "$c", StringComparison.Ordinal)));
        Assert.Equal("CWF2027", error.Code);
        var tooMany = Cwf.Tests.Binding.Compilation.Errors(Program.Replace("call with r", "call with r, r", StringComparison.Ordinal));
        Assert.Contains(tooMany, e => e.Code == "CWF2250");
    }

    public static TheoryData<string> DialectNames => [.. Dialects.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Every_warehouse_with_procedures_runs_the_call_after_its_inputs(string name)
    {
        var dialect = Dialects.Find(name)!;
        var result = Compiler.Compile(Cwf.Tests.Binding.Compilation.Ok(Program), new CompileOptions(dialect));
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        if (!dialect.Capabilities.StoredProcedures)
        {
            var error = Assert.Single(errors);
            Assert.Equal(DiagnosticCodes.FunctionNotSupported, error.Descriptor);
            Assert.Contains($"{dialect.DisplayName} cannot run step 'scored'", error.Message);
            return;
        }
        Assert.Empty(errors);
        var sql = result.Sql!;
        int call = sql.IndexOf("CALL analytics.score(", StringComparison.Ordinal);
        Assert.True(call > 0, sql);
        Assert.DoesNotContain("$a", sql);
        Assert.DoesNotContain("$output", sql);
        Snapshot.Match(sql, "call-" + name, "sql");
    }

    [Fact]
    public void A_single_query_cannot_call_a_procedure()
    {
        var result = Compiler.Compile(Cwf.Tests.Binding.Compilation.Ok(Program), new CompileOptions(Dialects.Find("postgres")!) { Mode = EmitMode.Query });
        Assert.Contains(result.Diagnostics, d => d.Descriptor == DiagnosticCodes.EmitModeNotSupported && d.Message.Contains("calls a procedure", StringComparison.Ordinal));
        Assert.Null(result.Sql);
    }

    [Fact]
    public void A_call_nothing_reads_still_runs_after_its_input()
    {
        var text = """
            source s = table "src.sales" { id: int64, amount: float64 }
            let audit = s | filter amount > 0 | call "CALL audit.record('$a')"
            output s -> table "out.copy"
            """;
        Assert.DoesNotContain(Cwf.Tests.Binding.Compilation.Compile(text).Diagnostics, d => d.Descriptor == DiagnosticCodes.UnusedResult);
        var workflow = Cwf.Tests.Binding.Compilation.Ok(text, allowWarnings: true);
        Assert.Single(workflow.Nodes.OfType<OpaqueNode>());
        var sql = SqlEmitter.Emit(workflow, Dialects.Find("postgres")!).Sql!;
        int input = sql.IndexOf("CREATE TEMPORARY TABLE", StringComparison.Ordinal);
        int call = sql.IndexOf("CALL audit.record('", StringComparison.Ordinal);
        Assert.True(input >= 0 && call > input, sql);
    }

    [Fact]
    public void A_call_whose_result_is_read_must_name_its_output_in_cwf()
    {
        var text = """
            source s = table "src.sales" { id: int64, amount: float64 }
            let scored = s | call "CALL analytics.score($a)" returns { id: int64 }
            output scored | filter id > 0 -> table "out.scored"
            """;
        var error = Assert.Single(Cwf.Tests.Binding.Compilation.Errors(text));
        Assert.Equal(DiagnosticCodes.CallResultWithoutOutput, error.Descriptor);
        Assert.Equal("2:18", Cwf.Tests.Binding.Compilation.Position(error));
        Assert.Contains("reads the result of the procedure call 'scored'", error.Message);
        Assert.Contains(error.Hints, h => h.Contains("$output", StringComparison.Ordinal));
        // Quoted or bare, a named $output is the table the procedure creates.
        foreach (var named in new[] { "$output", "'$output'", "`$output`" })
            Assert.Single(Cwf.Tests.Binding.Compilation.Ok(text.Replace("($a)", $"($a, {named})", StringComparison.Ordinal)).Nodes.OfType<OpaqueNode>());
        // $outputs is another word.
        Assert.Single(Cwf.Tests.Binding.Compilation.Errors(text.Replace("($a)", "($a, $outputs)", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_call_whose_result_is_read_must_name_its_output_on_a_canvas()
    {
        var c = new TestCanvas();
        var sales = c.Source("src.sales", "sales", "id:int64");
        var call = c.Node("native.call", "Call procedure", ("sql", "CALL analytics.score($a)"));
        var save = c.Node("native.saveastable", "Save", ("destination", "out.scored"));
        c.Flow(sales, call, "sourcea").Flow(call, save);
        var imported = CanvasTestKit.Import(c);
        Assert.Null(imported.Workflow);
        var error = Assert.Single(imported.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.CallResultWithoutOutput, error.Descriptor);
        Assert.NotEqual(Location.None, error.Location);
    }

    [Fact]
    public void A_workflow_that_only_calls_a_procedure_emits_the_call()
    {
        var text = """
            source s = table "src.sales" { id: int64, amount: float64 }
            let audit = s | filter amount > 0 | call "CALL audit.record($a)"
            """;
        foreach (var dialect in Dialects.All.Where(d => d.Capabilities.StoredProcedures))
        {
            var result = Compiler.Compile(Cwf.Tests.Binding.Compilation.Ok(text, allowWarnings: true), new CompileOptions(dialect));
            Assert.DoesNotContain(result.Diagnostics, d => d.Descriptor == DiagnosticCodes.NothingToEmit || d.IsError);
            var sql = result.Sql!;
            int input = sql.IndexOf("amount > 0", StringComparison.Ordinal);
            int call = sql.IndexOf("CALL audit.record(", StringComparison.Ordinal);
            Assert.True(input >= 0 && call > input, sql);
            // No $output: the procedure creates no table of cwf's, so none is dropped.
            Assert.DoesNotMatch(@"cwf_audit\b", sql);
        }

        var c = new TestCanvas();
        var sales = c.Source("src.sales", "sales", "id:int64");
        var only = c.Node("native.call", "Call procedure", ("sql", "CALL audit.record($a)"));
        c.Flow(sales, only, "sourcea");
        var imported = CanvasTestKit.Import(c);
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        var fromCanvas = Compiler.Compile(imported.Workflow!, new CompileOptions(Dialects.Find("postgres")!));
        Assert.DoesNotContain(fromCanvas.Diagnostics, d => d.Descriptor == DiagnosticCodes.NothingToEmit);
        Assert.Contains("CALL audit.record(src.sales);", fromCanvas.Sql!);
    }

    [Fact]
    public void A_hostile_table_name_reaches_the_call_only_quoted()
    {
        var sql = SqlEmitter.Emit(Cwf.Tests.Binding.Compilation.Ok("""
            source s = table "src.a'b" { id: int64 }
            output s | call "CALL p($a, '$a', $output)" -> table "out.t"
            """, allowWarnings: true), Dialects.Find("postgres")!).Sql!;
        var line = Assert.Single(sql.Split('\n'), l => l.StartsWith("CALL p(", StringComparison.Ordinal));
        Assert.Matches("""^CALL p\(src\."a'b", 'src\."a''b"', out\.cwf_[a-z_0-9]+\);$""", line.TrimEnd());
    }

    [Fact]
    public void A_run_in_process_is_refused_by_name_before_anything_runs() =>
        ExternalServiceComponentTests.AssertRefusedInProcess(Program, "native.call", "CALL analytics.score");
}
