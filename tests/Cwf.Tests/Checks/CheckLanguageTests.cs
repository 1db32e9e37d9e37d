using Cwf.Formatting;
using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Text;
using static Cwf.Tests.Binding.Compilation;

namespace Cwf.Tests.Checks;

/// <summary>The .cwf form of data checks: formatting, binding to IR, what the analyses keep, and every mistake's diagnostic.</summary>
public class CheckLanguageTests
{
    private static string Format(string text)
    {
        var result = CwfFormatter.Format(SourceText.From(text));
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Text!;
    }

    [Fact]
    public void Formats_checks_canonically_and_idempotently()
    {
        var text = CheckData.Program("""
            ASSERT all_orders UNIQUE( order_id ,customer_id )
            assert all_orders Not_Null(order_id)
            assert all_orders ROWS BETWEEN 1 AND 10
            assert table "out.orders" accepted_values(status,['open' , 'closed'])   // the known states
            assert all_orders expression amount>=0 AND amount < 1e6
            """);
        var formatted = Format(text);
        Assert.Contains("""
            assert all_orders unique(order_id, customer_id)
            assert all_orders not_null(order_id)
            assert all_orders rows between 1 and 10
            assert table "out.orders" accepted_values(status, ['open', 'closed'])  // the known states
            assert all_orders expression amount >= 0 and amount < 1e6
            """.ReplaceLineEndings("\n"), formatted);
        Assert.Equal(formatted, Format(formatted));
        Assert.Equal(IrPrinter.PrintCanonical(Ok(text)), IrPrinter.PrintCanonical(Ok(formatted)));
    }

    [Fact]
    public void Each_check_is_a_check_node_named_after_its_target_in_source_order()
    {
        var workflow = Ok(CheckData.Program("""
            assert all_orders unique(order_id)
            assert table "out.orders" rows between 1 and 10
            assert all_orders expression amount >= 0
            """));
        var checks = workflow.Checks.ToList();
        Assert.Equal(["all_orders.unique(order_id)", "out.orders.rows between 1 and 10", "all_orders.expression amount >= 0"], checks.Select(c => c.Check));
        Assert.Equal((1L, 10L), (checks[1].Low, checks[1].High));
        Assert.All(checks.Where(c => c != checks[1]), c => Assert.Equal((0L, 0L), (c.Low, c.High)));
        // The measure is one int64 column that is never NULL.
        Assert.All(checks, c => Assert.Equal(new Column("measure", SqlType.Int64, false), workflow[c.Input].Schema.Columns.Single()));
    }

    [Fact]
    public void A_let_only_checked_is_neither_unused_nor_dead()
    {
        var text = CheckData.Program("""
            let big = orders | filter amount > 5
            assert big rows between 0 and 100
            """);
        var result = Compile(text);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "CWF2016" or "CWF4001");
        var optimized = Cwf.Optimization.PassManager.Optimize(result.Workflow!, new Cwf.Optimization.OptimizerOptions { VerifyEachPass = true }).Optimized;
        var check = Assert.Single(optimized.Checks);
        Assert.Equal("big.rows between 0 and 100", check.Check);
        // The optimizer keeps what the check reads: the filter still runs under it.
        Assert.Equal(1, Interpreter.Run(optimized, CheckData.Database()).Checks.Single().Measure);
    }

    [Theory]
    [MemberData(nameof(CheckData.Cases), MemberType = typeof(CheckData))]
    public void The_interpreter_measures_each_check_and_reports_a_failing_one_at_its_assert(string check, long measure, bool passes)
    {
        var workflow = Ok(CheckData.Program($"assert all_orders {check}"));
        foreach (var optimized in new[] { false, true })
        {
            var run = optimized ? Cwf.Optimization.PassManager.Optimize(workflow, new Cwf.Optimization.OptimizerOptions { VerifyEachPass = true }).Optimized : workflow;
            var result = Interpreter.Run(run, CheckData.Database());
            var outcome = Assert.Single(result.Checks);
            Assert.Equal(($"all_orders.{check}", measure, passes), (outcome.Check, outcome.Measure, outcome.Passed));
            if (passes)
            {
                Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
                continue;
            }
            var error = Assert.Single(result.Diagnostics, d => d.IsError);
            Assert.Equal("CWF7700", error.Code);
            Assert.Equal($"check all_orders.{check} failed: {measure} rows", error.Message);
            Assert.StartsWith("4:", Position(error));
        }
    }

    public static TheoryData<string, string, string, string> Mistakes => new()
    {
        { "assert all_orders unique(order_idd)", "CWF2800", "unknown column 'order_idd'", "did you mean 'order_id'?" },
        { "assert all_orders not_null(nothing)", "CWF2800", "unknown column 'nothing'", "" },
        { "assert all_orders accepted_values(status, [1, 2])", "CWF2011", "", "" },
        { "assert all_orders expression amount + 1", "CWF2702", "the expression of a data check must be a condition (bool), but this one is float64", "expression amount >= 0" },
        { "assert all_orders expression count() > 1", "CWF2009", "", "" },
        { "assert orders unique(order_id)", "CWF2700", "'orders' is a source: a data check reads a let result or an output", "let checked = orders" },
        { "assert nothing unique(order_id)", "CWF2001", "unknown source or let 'nothing'", "" },
        { "assert table \"out.order\" unique(order_id)", "CWF2701", "no output before this check writes table 'out.order'", "did you mean 'out.orders'?" },
        { "assert all_orders rows between 10 and 1", "CWF2703", "no row count lies between 10 and 1", "rows between 1 and 10" },
        { "assert all_orders uniqe(order_id)", "CWF1700", "unknown data check 'uniqe'", "did you mean 'unique'?" },
        { "assert all_orders rows between 1 and 99999999999999999999", "CWF1006", "the number 99999999999999999999 is too large", "" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Each_mistake_has_its_code_a_precise_message_and_a_hint(string assert, string code, string message, string hint)
    {
        var errors = Errors(CheckData.Program(assert));
        var error = Assert.Single(errors);
        Assert.Equal(code, error.Code);
        Assert.Contains(message, error.Message);
        Assert.Contains(hint, string.Join(" ", error.Hints));
        Assert.StartsWith("4:", Position(error));
    }

    [Fact]
    public void A_parameter_is_not_a_checkable_name()
    {
        var error = Assert.Single(Errors(CheckData.Program("param top: int64 = 3\nassert top rows between 1 and 2")));
        Assert.Equal("CWF2700", error.Code);
        Assert.Contains("'top' is a parameter", error.Message);
    }

    [Fact]
    public void A_geography_column_cannot_be_checked_for_uniqueness()
    {
        var text = """
            source places = table "src.places" { id: int64, geom: geography }
            output places -> table "out.places"
            assert table "out.places" unique(id, geom)
            """;
        var error = Assert.Single(Errors(text));
        Assert.Equal("CWF2704", error.Code);
        Assert.Contains("'geom' is a geography", error.Message);
    }

    [Fact]
    public void A_check_on_an_output_whose_pipeline_failed_adds_no_error()
    {
        var text = """
            source places = table "src.places" { id: int64, geom: geography }
            output places | filter idd > 1 -> table "out.places"
            assert table "out.places" unique(id)
            """;
        var error = Assert.Single(Errors(text));
        Assert.Equal("CWF2800", error.Code);
    }

    [Fact]
    public void A_check_before_its_let_says_so()
    {
        var text = $"""
            {CheckData.Source}
            assert later rows between 1 and 2
            let later = orders
            output later -> table "out.later"
            """;
        var error = Assert.Single(Errors(text));
        Assert.Equal("CWF2015", error.Code);
    }

    [Fact]
    public void A_check_on_an_output_reads_the_rows_that_output_writes()
    {
        var workflow = Ok($"""
            {CheckData.Source}
            output orders | filter amount > 5 -> table "out.big"
            assert table "out.big" rows between 1 and 1
            """);
        var result = Interpreter.Run(workflow, CheckData.Database());
        Assert.Equal(1, result.Checks.Single().Measure);
        Assert.True(result.Succeeded);
    }
}
