using Cwf.Diagnostics;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Ir;
using Cwf.Tests.Canvas;

namespace Cwf.Tests.Security;

/// <summary>
/// <c>{{@v}}</c> pastes a variable's text into a value. In SQL that is safe only where cwf parses the
/// result and writes it again; a fragment that does not parse once pasted is CWF3039, never kept
/// verbatim, and SQL kept verbatim takes only inert text (issue 12).
/// </summary>
public sealed class PastedTemplateTests
{
    private static HostileCanvas WithV(string value, HostileCanvas? canvas = null) =>
        (canvas ?? new HostileCanvas()) with { Variables = [("v", "String", Json.Str(value), false)] };

    private static Diagnostic Single3039(IEnumerable<Diagnostic> diagnostics)
    {
        var list = diagnostics.ToList();
        Assert.DoesNotContain(list, d => d.Descriptor == DiagnosticCodes.SqlFragmentNotAnalysed);
        return Assert.Single(list, d => d.Descriptor == DiagnosticCodes.UncheckedTemplate);
    }

    [Fact]
    public void A_filter_that_does_not_parse_once_pasted_is_an_error_not_kept_verbatim()
    {
        var canvas = WithV("x'; DROP TABLE canary; --").WithInput("filter", "expression", Json.Str("name <> '{{@v}}'"));
        var result = CanvasTestKit.Import(canvas.ToJson());
        Assert.Null(result.Workflow);
        var error = Single3039(result.Diagnostics);
        Assert.StartsWith("input 'expression' does not parse once {{@v}} is replaced by its text", error.Message, StringComparison.Ordinal);
        Assert.Contains("write @v instead", error.Hints[0], StringComparison.Ordinal);
        Assert.Equal("filter", Assert.IsType<CanvasLocation>(error.Location).NodeId);
    }

    [Fact]
    public void A_pasted_quote_that_breaks_the_literal_is_an_error()
    {
        var result = CanvasTestKit.Import(WithV("it's").WithInput("filter", "expression", Json.Str("name <> '{{@v}}'")).ToJson());
        Assert.Null(result.Workflow);
        Single3039(result.Diagnostics);
    }

    [Fact]
    public void Pasted_text_that_parses_is_analysed_and_written_again_from_the_IR()
    {
        var result = CanvasTestKit.Import(WithV("ok value").WithInput("filter", "expression", Json.Str("name <> '{{@v}}'")).ToJson());
        Assert.False(result.HasErrors, CanvasTestKit.Describe(result.Diagnostics));
        var filter = result.Workflow!.Nodes.OfType<FilterNode>().First();
        Assert.DoesNotContain(filter.Predicate.DescendantsAndSelf(), e => e is RawSql);
        Assert.Contains(filter.Predicate.DescendantsAndSelf(), e => e is Literal { Value: "ok value" });
    }

    [Fact]
    public void Verbatim_SQL_takes_pasted_text_only_when_it_is_inert()
    {
        // A function cwf does not know keeps the fragment verbatim: pasted text could be read differently by the warehouse.
        var vendor = Json.Str("vendor_match(name, '{{@v}}')");
        var hostile = CanvasTestKit.Import(WithV("\\' OR vendor_match('; DROP TABLE canary; --') OR '").WithInput("filter", "expression", vendor).ToJson());
        Assert.Null(hostile.Workflow);
        Assert.StartsWith("input 'expression' pastes the text of {{@v}} into SQL that cwf keeps verbatim", Single3039(hostile.Diagnostics).Message, StringComparison.Ordinal);

        var inert = CanvasTestKit.Import(WithV("abc 12.5").WithInput("filter", "expression", vendor).ToJson());
        Assert.False(inert.HasErrors, CanvasTestKit.Describe(inert.Diagnostics));
        Assert.Contains(inert.Diagnostics, d => d.Descriptor == DiagnosticCodes.SqlFragmentNotAnalysed);
    }

    [Theory]
    [InlineData("sales_2024", false)]
    [InlineData("x; DROP TABLE canary", true)]
    [InlineData("x -- y", true)]
    [InlineData("a\\", true)]
    public void Custom_SQL_takes_pasted_text_only_when_it_is_inert(string value, bool refused)
    {
        var canvas = WithV(value, new HostileCanvas
        {
            Steps = [new CanvasStep("custom", "native.customsql", "Custom", [("sql", Json.Str("SELECT id, name, amount FROM $a WHERE name <> '{{@v}}'"))], InPort: "sourcea")],
        });
        var result = CanvasTestKit.Import(canvas.ToJson());
        if (refused) Assert.Contains("into SQL that cwf keeps verbatim", Single3039(result.Diagnostics).Message, StringComparison.Ordinal);
        else Assert.False(result.HasErrors, CanvasTestKit.Describe(result.Diagnostics));
    }

    [Fact]
    public void A_typed_variable_in_verbatim_SQL_is_written_by_the_providers_own_literal_function()
    {
        foreach (var dialect in Dialects.All)
        {
            var canvas = WithV("a\\'b\r\nc", new HostileCanvas
            {
                Provider = dialect.Name,
                Steps = [new CanvasStep("custom", "native.customsql", "Custom", [("sql", Json.Str("SELECT id, @v AS c FROM $a"))], InPort: "sourcea")],
            });
            var result = CanvasTestKit.Import(canvas.ToJson());
            Assert.False(result.HasErrors, CanvasTestKit.Describe(result.Diagnostics));
            var sql = Assert.IsType<OpaqueNode>(result.Workflow!.Nodes.Single(n => n is OpaqueNode)).SqlTemplate!;
            Assert.Contains(dialect.Literal("a\\'b\r\nc", SqlType.String).Text, sql, StringComparison.Ordinal);
            var compiled = Compiler.Compile(result.Workflow, new CompileOptions(dialect));
            Assert.False(compiled.Diagnostics.Any(d => d.IsError), string.Join("\n", compiled.Diagnostics));
            Assert.DoesNotContain('\r', compiled.Sql!);
        }
    }

    [Theory]
    [InlineData("it's", false)]
    [InlineData("caf\u00e9 \ud83c\udf0d", false)]
    [InlineData("a\\'; DROP TABLE canary; --", true)]
    [InlineData("two\rlines", true)]
    [InlineData("sep\u2028arator", true)]
    public void A_variable_in_verbatim_SQL_of_an_unknown_warehouse_is_refused_unless_doubled_quotes_write_it_everywhere(string value, bool refused)
    {
        var canvas = WithV(value, new HostileCanvas
        {
            Provider = "oracle",
            Steps = [new CanvasStep("custom", "native.customsql", "Custom", [("sql", Json.Str("SELECT id, @v AS c FROM $a"))], InPort: "sourcea")],
        });
        var result = CanvasTestKit.Import(canvas.ToJson());
        if (!refused)
        {
            Assert.False(result.HasErrors, CanvasTestKit.Describe(result.Diagnostics));
            Assert.Contains("'" + value.Replace("'", "''") + "' AS c", Assert.IsType<OpaqueNode>(result.Workflow!.Nodes.Single(n => n is OpaqueNode)).SqlTemplate!, StringComparison.Ordinal);
            return;
        }
        var error = Assert.Single(result.Diagnostics, d => d.Descriptor == DiagnosticCodes.UnwritableVariable);
        Assert.Contains("'@v'", error.Message, StringComparison.Ordinal);
        Assert.Contains("connectionProvider 'oracle'", error.Message, StringComparison.Ordinal);
        Assert.Contains(error.Hints, h => h.Contains("postgres", StringComparison.Ordinal));
    }
}
