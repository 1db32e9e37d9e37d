using Cwf.Binding;
using Cwf.Canvas;
using Cwf.Catalog;
using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Formatting;
using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Tests.Canvas;
using Cwf.Tests.Infrastructure;
using Cwf.Tests.Snapshots;
using Cwf.Text;

namespace Cwf.Tests.Components.Everyday;

/// <summary>
/// The everyday components of issue 15 (remove duplicated, sample, cast, normalize, cross join, unnest): canvas
/// import with the input names real exports use, the decompiled generic step, formatting, the round trip
/// (canvas → IR equals canvas → .cwf → IR), compilation for every dialect, what the interpreter computes, and
/// each component's diagnostics.
/// </summary>
public class EverydayComponentTests
{
    private static readonly string[] Columns = ["id:int64", "reading:string", "value:float64", "geom:geography"];

    /// <summary>Each component with its canvas values (as exports write them, storage hints included) and the step it decompiles to.</summary>
    public static TheoryData<string, (string, object?)[], string> Components() => new()
    {
        { "native.removeduplicatedrows", [("optimizationcol", "geom")], "remove_duplicates" },
        { "native.sample", [("nrows", 1000)], "sample 1000" },
        { "native.cast", [("column", "reading"), ("newtype", "FLOAT"), ("optimizationcol", null)], "cast_column reading, 'FLOAT'" },
        { "native.cast", [("column", "reading"), ("newtype", "DATETIME")], "cast_column reading, 'DATETIME'" },
        { "native.normalize", [("column", "value")], "normalize value" },
    };

    private static CanvasImportResult Import(string component, params (string, object?)[] values) => CanvasTestKit.ImportStep(component, Columns, values);

    private static CanvasImportResult ImportCrossJoin()
    {
        var c = new TestCanvas();
        var main = c.Source("src.t", "t", "id:int64", "name:string");
        var other = c.Source("src.u", "u", "id:int64", "shift:string");
        var cross = c.Node("native.crossjoin", "Cross Join");
        var save = c.Node("native.saveastable", "Save", ("destination", "out.t"));
        c.Flow(main, cross, "maintable").Flow(other, cross, "secondarytable").Flow(cross, save);
        return CanvasTestKit.Import(c);
    }

    [Theory]
    [MemberData(nameof(Components))]
    public void A_canvas_node_imports_decompiles_and_round_trips(string component, (string, object?)[] values, string step) =>
        CanvasTestKit.AssertRoundTrip(Import(component, values), step);

    [Fact]
    public void A_canvas_cross_join_reads_main_and_secondary_tables_and_round_trips()
    {
        var imported = ImportCrossJoin();
        CanvasTestKit.AssertRoundTrip(imported, "cross_join u");
        var join = Assert.Single(imported.Workflow!.Nodes.OfType<JoinNode>());
        Assert.Equal(JoinKind.Inner, join.Kind);
        Assert.Equal(Predicates.True, join.Condition);
        Assert.Equal(["id", "name", "id_joined", "shift_joined"], join.Schema.Names);
    }

    [Theory]
    [MemberData(nameof(Components))]
    public void Every_dialect_compiles_the_component(string component, (string, object?)[] values, string step)
    {
        _ = step;
        var workflow = Import(component, values).Workflow!;
        foreach (var dialect in Dialects.All)
        {
            var result = Compiler.Compile(workflow, new CompileOptions(dialect));
            Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
            Assert.NotNull(result.Sql);
        }
    }

    /// <summary>The steps together, as each of the seven dialects writes them (unoptimized, so every step shows).</summary>
    [Theory]
    [MemberData(nameof(DialectNames))]
    public void The_steps_compile_on_every_dialect(string dialect)
    {
        var text = """
            source t = table "src.t" { id: int64, reading: string, value: float64, geom: geography }
            source u = table "src.u" { shift: string }
            output t
              | remove_duplicates
              | cast_column reading, FLOAT
              | normalize reading as scaled
              | sample 10 { seed: 7 }
              | cross_join u
              -> table "out.t"
            """;
        var result = Compiler.Compile(CwfTestKit.Bind(text), new CompileOptions(Dialects.Find(dialect)!) { Optimize = false });
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        Snapshot.Match(result.Sql!, "everyday-" + dialect, "sql");
    }

    public static TheoryData<string> DialectNames() => [.. Dialects.All.Select(d => d.Name)];

    private static Table Run(string steps, TestTable input, string columns = "id: int64, reading: string, value: float64")
    {
        var workflow = Cwf.Tests.Binding.Compilation.Ok($"source t = table \"src.t\" {{ {columns} }}\noutput t\n  {steps}\n  -> table \"out.t\"\n");
        var db = Database.Empty.With(input.Name, new Table(input.Schema, input.TypedRows()));
        var result = Interpreter.Run(workflow, db);
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        return result.Outputs.Find(new TableName(["out", "t"]))!;
    }

    private static TestTable Readings() => TestTable.Create("src.t", "id int64, reading string, value float64",
        [1L, "10", 10.0], [1L, "10", 10.0], [2L, "20", 20.0], [3L, "15", 15.0], [3L, "15", 15.0], [4L, "30", 30.0], [5L, null, null], [6L, "12.5", 12.5]);

    [Fact]
    public void Remove_duplicates_keeps_each_row_once_comparing_every_column()
    {
        var rows = Run("| remove_duplicates", Readings()).Rows;
        Assert.Equal(6, rows.Count);
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], rows.Select(r => (long)r[0]!).Order());
    }

    [Fact]
    public void Cast_converts_in_place_and_normalize_scales_to_zero_one_with_nulls_kept()
    {
        var table = Run("| remove_duplicates | cast_column reading, FLOAT | normalize reading", Readings());
        Assert.Equal(["id", "reading", "value", "reading_norm"], table.Schema.Names);
        Assert.Equal(SqlType.Float64, table.Schema[1].Type);
        var byId = table.Rows.ToDictionary(r => (long)r[0]!, r => r[3]);
        Assert.Equal(0.0, byId[1]);
        Assert.Equal(0.5, byId[2]);
        Assert.Equal(1.0, byId[4]);
        Assert.Null(byId[5]);
        var equal = Run("| normalize value", TestTable.Create("src.t", "id int64, reading string, value float64", [1L, "a", 3.0], [2L, "b", 3.0]));
        Assert.All(equal.Rows, r => Assert.Null(r[3]));
    }

    [Fact]
    public void Sample_keeps_n_rows_the_same_for_a_seed_and_other_rows_for_another()
    {
        var many = TestTable.Create("src.t", "id int64, reading string, value float64",
            [.. Enumerable.Range(1, 40).Select(i => new object?[] { (long)i, "r" + i, (double)(i % 7) })]);
        long[] Ids(string step) => [.. Run(step, many).Rows.Select(r => (long)r[0]!).Order()];
        var first = Ids("| sample 5 { seed: 7 }");
        Assert.Equal(5, first.Length);
        Assert.Equal(first, Ids("| sample 5 { seed: 7 }"));
        Assert.NotEqual(first, Ids("| sample 5 { seed: 8 }"));
        Assert.NotEqual([1L, 2L, 3L, 4L, 5L], Ids("| sample 5"));
        Assert.Equal(40, Ids("| sample 100").Length);
        Assert.Empty(Ids("| sample 0"));
    }

    [Fact]
    public void Sample_draws_the_same_rows_whatever_order_the_input_comes_in()
    {
        var rows = Enumerable.Range(1, 30).Select(i => new object?[] { (long)i, "r" + i, (double)i }).ToList();
        var forward = TestTable.Create("src.t", "id int64, reading string, value float64", [.. rows]);
        rows.Reverse();
        var backward = TestTable.Create("src.t", "id int64, reading string, value float64", [.. rows]);
        Assert.Equal(Run("| sample 6 { seed: 3 }", forward).Rows.Select(r => r[0]).Order(), Run("| sample 6 { seed: 3 }", backward).Rows.Select(r => r[0]).Order());
    }

    [Fact]
    public void Cross_join_pairs_every_row_with_every_row()
    {
        var workflow = Cwf.Tests.Binding.Compilation.Ok("""
            source t = table "src.t" { id: int64 }
            source u = table "src.u" { shift: string }
            output t | cross_join u -> table "out.t"
            """);
        var db = Database.Empty
            .With(new TableName(["src", "t"]), new Table(new Schema([new Column("id", SqlType.Int64)]), new object?[][] { [1L], [2L], [3L] }))
            .With(new TableName(["src", "u"]), new Table(new Schema([new Column("shift", SqlType.String)]), new object?[][] { ["day"], ["night"] }));
        var rows = Interpreter.Run(workflow, db).Outputs.Find(new TableName(["out", "t"]))!.Rows;
        Assert.Equal(6, rows.Count);
    }

    [Theory]
    [InlineData("cast_column reading, FLAOT", "2:33 CWF2850", "'FLAOT' is not an option of 'newtype'", "did you mean 'FLOAT'?")]
    [InlineData("cast_column reading, TIME", "2:33 CWF2202", "cwf has no TIME type", "STRING")]
    [InlineData("cast_column geom, INTEGER", "2:30 CWF2013", "cannot cast column 'geom' (geography) to INTEGER", "STRING")]
    [InlineData("normalize reading", "2:22 CWF2801", "column 'reading' is string", "")]
    [InlineData("sample 10 { seed: -1 }", "2:30 CWF2204", "the sample seed must be a whole number from 0 to 2147483647", "same seed")]
    [InlineData("sample 'ten'", "2:19 CWF2850", "'nrows' must be a whole number", "")]
    [InlineData("sample -3", "2:19 CWF2806", "the limit must be a non-negative integer", "")]
    [InlineData("unnest reading", "2:12 CWF2201", "cwf has no array type", "native.customsql")]
    public void Mistakes_are_reported_at_the_value(string step, string expected, string message, string hint)
    {
        var error = CwfTestKit.AssertSingleError(CwfTestKit.Pipeline("id: int64, reading: string, geom: geography", step), expected, message);
        Assert.Contains(hint, string.Join(" ", error.Hints));
    }

    [Fact]
    public void A_canvas_unnest_gets_its_own_error_not_the_opaque_warning()
    {
        var imported = Import("native.unnest", ("column", "reading"));
        var error = Assert.Single(imported.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.NoArrays, error.Descriptor);
        Assert.Contains("Unnest", error.Message);
        Assert.DoesNotContain(imported.Diagnostics, d => d.Descriptor == DiagnosticCodes.OpaqueComponent);
    }

    [Fact]
    public void A_canvas_cast_to_a_type_cwf_lacks_or_not_offered_is_reported_at_the_node()
    {
        var time = Assert.Single(Import("native.cast", ("column", "reading"), ("newtype", "TIME")).Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.UnsupportedCastType, time.Descriptor);
        var unknown = Assert.Single(Import("native.cast", ("column", "reading"), ("newtype", "FLOT")).Diagnostics, d => d.IsError);
        Assert.Contains("FLOAT", unknown.Message + string.Join(" ", unknown.Hints));
    }

    [Fact]
    public void A_union_of_differing_columns_points_at_union_by_name()
    {
        var errors = Cwf.Tests.Binding.Compilation.Errors("""
            source a = table "src.a" { id: int64, x: string }
            source b = table "src.b" { id: int64 }
            output a | union b -> table "o.t"
            """);
        var error = Assert.Single(errors);
        Assert.Equal(DiagnosticCodes.UnionMismatch, error.Descriptor);
        Assert.Contains(error.Hints, h => h.Contains("union by name", StringComparison.Ordinal));
    }
}
