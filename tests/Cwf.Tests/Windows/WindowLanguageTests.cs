using Cwf.Diagnostics;
using Cwf.Formatting;
using Cwf.Ir;
using Cwf.Text;
using static Cwf.Tests.Binding.Compilation;

namespace Cwf.Tests.Windows;

/// <summary>The .cwf forms of windows, take per group and distinct on: formatting, binding to IR, and every mistake's diagnostic.</summary>
public class WindowLanguageTests
{
    private static string Format(string text)
    {
        var result = CwfFormatter.Format(SourceText.From(text));
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Text!;
    }

    [Fact]
    public void Formats_windows_canonically_and_idempotently()
    {
        var text = WindowData.Program("""
            | DERIVE rn = row_number() OVER (PARTITION BY sensor_id ORDER BY seq DESC NULLS LAST), s = sum(value) OVER (ORDER BY seq ASC ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)
              | derive f = first_value(label) over (partition by sensor_id, label order by value desc nulls first rows between unbounded preceding and unbounded following), n = count(*) over ()
              | TAKE 2 PER sensor_id, label BY value DESC NULLS FIRST, seq
              | distinct on (sensor_id) BY seq desc
              | distinct on (sensor_id, label)
            """);
        var formatted = Format(text);
        Assert.Contains("| derive rn = row_number() over (partition by sensor_id order by seq desc), s = sum(value) over (order by seq rows between 2 preceding and current row)", formatted);
        Assert.Contains("| derive f = first_value(label) over (partition by sensor_id, label order by value desc nulls first rows between unbounded preceding and unbounded following), n = count(*) over ()", formatted);
        Assert.Contains("| take 2 per sensor_id, label by value desc nulls first, seq", formatted);
        Assert.Contains("| distinct on (sensor_id) by seq desc", formatted);
        Assert.Contains("| distinct on (sensor_id, label)\n", formatted);
        Assert.Equal(formatted, Format(formatted));
        // The formatted program builds the same IR as the one written.
        Assert.Equal(IrPrinter.PrintCanonical(Ok(text)), IrPrinter.PrintCanonical(Ok(formatted)));
    }

    [Fact]
    public void A_window_derive_is_a_window_node_and_take_per_a_numbered_filter()
    {
        var workflow = Ok(WindowData.Program("| derive r = rank() over (partition by sensor_id order by value desc nulls first) | take 1 per sensor_id by seq"));
        Assert.Equal("""
            workflow "test"
            %1 = scan src.readings  // readings
            %2 = window %1 [r := rank() over (partition by sensor_id order by value desc nulls first)]  // result_1_derive
            %3 = window %2 [cwf_row := row_number() over (partition by sensor_id order by seq nulls last, value nulls last, label nulls last, r nulls last)]  // result_numbered
            %4 = filter %3 (cwf_row <= 1)  // result_kept
            %5 = project %4 [sensor_id, seq, value, label, r]  // result
            %6 = sink %5 -> out.result (replace)  // output_result

            """, IrPrinter.Print(workflow));
    }

    [Fact]
    public void Window_columns_are_typed_by_their_function()
    {
        var workflow = Ok(WindowData.Program("""
            | derive a = row_number() over (order by seq), b = percent_rank() over (order by seq), c = avg(seq) over (), d = lag(seq, 1, 0.5) over (order by seq), e = max(label) over (), f = count(value) over ()
            """));
        var schema = workflow.Sinks.First().Schema;
        Assert.Equal(new Column("a", SqlType.Int64, false), schema.Find("a"));
        Assert.Equal(new Column("b", SqlType.Float64, false), schema.Find("b"));
        Assert.Equal(new Column("c", SqlType.Float64, true), schema.Find("c"));
        // The default widens the value: int64 and float64 make float64.
        Assert.Equal(new Column("d", SqlType.Float64, true), schema.Find("d"));
        Assert.Equal(new Column("e", SqlType.String, true), schema.Find("e"));
        Assert.Equal(new Column("f", SqlType.Int64, false), schema.Find("f"));
    }

    public static TheoryData<string, string, string, string> Mistakes => new()
    {
        { "| filter row_number() over (order by seq) = 1", "CWF2400", "window function 'row_number' is not allowed in a filter", "derive name = row_number(...) over (...)" },
        { "| derive x = 1 + rank() over (order by seq)", "CWF2400", "window function 'rank' is not allowed in a derived column", "then use the column" },
        { "| select sensor_id, lag(seq) over (order by seq) + 1 as p", "CWF2400", "window function 'lag' is not allowed in a select list", "derive name" },
        { "| select sensor_id, lag(seq) over (order by seq)", "CWF2028", "this window column needs a name", "add 'as name'" },
        { "| derive rn = row_number()", "CWF2401", "row_number is a window function: it needs over (...)", "over (partition by key order by column)" },
        { "| derive r = rank() over (partition by sensor_id)", "CWF2402", "rank needs an order: over (... order by column)", "no positions" },
        { "| derive s = sum(value) over (order by seq rows between current row and 2 preceding)", "CWF2403", "the frame 'rows between current row and 2 preceding' starts after it ends", "earlier bound first" },
        { "| derive s = sum(value) over (partition by sensor_id rows between 1 preceding and current row)", "CWF2403", "a frame needs an order", "not defined" },
        { "| derive s = sum(value) over (order by seq rows between current row and 0 preceding)", "CWF2403", "the frame 'rows between current row and 0 preceding' starts after it ends", "even by 0 rows" },
        { "| derive s = sum(value) over (order by seq rows between 1 following and current row)", "CWF2403", "starts after it ends", "earlier bound first" },
        { "| derive s = sum(value) over (order by seq rows between unbounded following and unbounded following)", "CWF2403", "starts after it ends", "earlier bound first" },
        { "| derive r = row_number() over (order by seq rows between 1 preceding and current row)", "CWF2403", "row_number takes no frame", "remove 'rows between ...'" },
        { "| derive t = ntile(0) over (order by seq)", "CWF2404", "ntile takes the number of buckets, a whole number of at least 1", "ntile(4)" },
        { "| derive p = lag(value, seq) over (order by seq)", "CWF2404", "the offset of lag must be a whole number of at least 0", "lag(value, 1)" },
        { "| derive p = lag(value, 1, 'none') over (order by seq)", "CWF2404", "the default of lag must have the value's type (float64), but this is string", "cast it" },
        { "| derive s = sum(label) over ()", "CWF2404", "sum needs a number, but this is string", "count(x)" },
        { "| derive s = count(distinct label) over ()", "CWF2404", "'distinct' is not supported in a window function", "deduplicate first" },
        { "| derive u = upper(label) over (partition by sensor_id)", "CWF2405", "'upper' cannot be computed over a window", "row_number, rank" },
        { "| derive r = rank(seq) over (order by seq)", "CWF2006", "rank takes 0 arguments over a window, but 1 was given", "" },
        { "| derive s = sum(nothing) over ()", "CWF2800", "unknown column 'nothing'", "" },
        { "| take 0.5 per sensor_id by seq", "CWF2806", "the limit must be a non-negative integer", "" },
        { "| distinct on (nothing)", "CWF2800", "unknown column 'nothing'", "" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Each_mistake_has_its_code_a_precise_message_and_a_hint(string steps, string code, string message, string hint)
    {
        var errors = Errors(WindowData.Program(steps));
        var error = Assert.Single(errors);
        Assert.Equal(code, error.Code);
        Assert.Contains(message, error.Message);
        Assert.Contains(hint, string.Join(" ", error.Hints));
        // Located on the program's step line (line 3), not elsewhere.
        Assert.StartsWith("3:", Position(error));
    }

    [Fact]
    public void A_geography_cannot_partition_or_order_a_window()
    {
        var text = """
            source places = table "src.places" { id: int64, geom: geography }
            let result = places | derive r = rank() over (partition by geom order by id)
            output result -> table "out.result"
            """;
        var error = Assert.Single(Errors(text));
        Assert.Equal("CWF2404", error.Code);
        Assert.Contains("a geography cannot be a partition key", error.Message);
    }
}
