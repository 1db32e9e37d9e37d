using Cwf.Canvas;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Tests.Canvas;
using static Cwf.Tests.Binding.Compilation;

namespace Cwf.Tests.Security;

/// <summary>
/// Names reach SQL exactly as written (never trimmed), and a name with a NUL, a control
/// character, a line separator or an unpaired surrogate is CWF2090 at the node or line that
/// introduces it, in both front ends (issue 12).
/// </summary>
public sealed class NameRulesTests
{
    private static Diagnostic Single2090(IEnumerable<Diagnostic> diagnostics)
    {
        var list = diagnostics.Where(d => d.Descriptor == DiagnosticCodes.ControlCharacterInName).ToList();
        Assert.True(list.Count == 1, CanvasTestKit.Describe(diagnostics));
        return list[0];
    }

    [Fact]
    public void A_line_break_in_a_cwf_table_name_is_an_error_on_its_line_not_a_trimmed_name()
    {
        var errors = Errors("workflow 'w'\nsource t = table \"\"\"x.t\n\"\"\" { id: int64 }\noutput t -> table \"\"\"\rDROP\"\"\"\n");
        var list = errors.Where(d => d.Descriptor == DiagnosticCodes.ControlCharacterInName).ToList();
        Assert.True(list.Count == 2, string.Join("\n", list));
        Assert.Equal("the table name 'x.t\\u000A' contains a control character (U+000A)", list[0].Message);
        Assert.Equal("2:1", Position(list[0]));
        Assert.Equal("the table name '\\u000DDROP' contains a control character (U+000D)", list[1].Message);
        Assert.Equal("4:1", Position(list[1]));
    }

    [Theory]
    [InlineData("source t = table 'x.t' { id: int64, \"a\tb\": string }\noutput t -> table 'o.t'", "the column name 'a\\u0009b' in 't' contains a control character (U+0009)")]
    [InlineData("source t = table 'x.t' { id: int64 }\nlet \"s\u0085\" = t | derive c = 1\noutput \"s\u0085\" -> table 'o.t'", "the name 's\\u0085' contains a control character (U+0085)")]
    [InlineData("source t = table 'x.t' { id: int64 }\nlet s = t | derive \"c\u2028\" = 1\noutput s -> table 'o.t'", "the column name 'c\\u2028' in 's' contains a line separator (U+2028)")]
    [InlineData("source t = table 'x.t' { id: int64 }\nlet s = t | rename id to \"i\0d\"\noutput s -> table 'o.t'", "the column name 'i\\u0000d' in 's' contains a NUL character (U+0000)")]
    [InlineData("param \"p\u001b\": int64 = 1\nsource t = table 'x.t' { id: int64 }\noutput t | filter id > @\"p\u001b\" -> table 'o.t'", "the parameter name 'p\\u001B' contains a control character (U+001B)")]
    public void Cwf_names_with_control_characters_are_errors(string program, string message) =>
        Assert.Equal(message, Single2090(Errors(program)).Message);

    [Fact]
    public void A_column_named_after_an_offending_one_is_not_reported_again()
    {
        var errors = Errors("source t = table 'x.t' { id: int64, \"g\u0001\": geography }\nlet b = t | buffer \"g\u0001\" by 10 m\noutput b -> table 'o.t'");
        Assert.Equal("the column name 'g\\u0001' in 't' contains a control character (U+0001)", Single2090(errors).Message);
    }

    [Fact]
    public void Cwf_table_names_keep_their_blanks()
    {
        var workflow = Ok("source t = table ' x.t ' { id: int64 }\noutput t -> table 'o. t'\n", allowWarnings: true);
        Assert.Equal([" x", "t "], workflow.Nodes.OfType<ScanNode>().Single().Table.Parts.Items.ToArray());
        Assert.Equal(["o", " t"], workflow.Sinks.Single().Table.Parts.Items.ToArray());
    }

    // ---- canvas ------------------------------------------------------------------------------

    private static CanvasImportResult Import(HostileCanvas canvas, string? catalog = null) =>
        CanvasTestKit.Import(canvas.ToJson(), catalog is null ? null : Cwf.Tests.Binding.Compilation.Catalog(catalog));

    [Fact]
    public void A_canvas_table_name_starting_with_a_carriage_return_is_an_error_naming_the_node()
    {
        var result = Import(new HostileCanvas { Destination = "o.\rDROP TABLE canary" });
        Assert.Null(result.Workflow);
        var error = Single2090(result.Diagnostics);
        Assert.Equal("the table name 'o.\\u000DDROP TABLE canary' contains a control character (U+000D)", error.Message);
        Assert.Equal("save", Assert.IsType<CanvasLocation>(error.Location).NodeId);
    }

    [Theory]
    [InlineData("schema")]
    [InlineData("catalog")]
    public void A_canvas_source_column_with_a_NUL_is_an_error_at_the_source(string from)
    {
        var canvas = new HostileCanvas { SourceSchema = [.. HostileCanvas.BaseSchema, ("x\0y", "string")] };
        var result = from == "schema"
            ? Import(canvas)
            : Import(canvas with { SourceSchema = null }, Json.Catalog("s.src", [.. HostileCanvas.BaseSchema, ("x\0y", "string")]));
        var error = Single2090(result.Diagnostics);
        Assert.Equal("the column name 'x\\u0000y' in 'source' contains a NUL character (U+0000)", error.Message);
        Assert.Equal("src", Assert.IsType<CanvasLocation>(error.Location).NodeId);
    }

    [Theory]
    [InlineData("rename", "newname", "n\u2029", "the column name 'n\\u2029' in 'rename' contains a paragraph separator (U+2029)")]
    [InlineData("expr", "column", "c\n", "the column name 'c\\u000A' in 'computed' contains a control character (U+000A)")]
    public void A_new_canvas_column_name_with_a_control_character_is_an_error_at_its_node(string step, string input, string name, string message)
    {
        var error = Single2090(Import(new HostileCanvas().WithInput(step, input, Json.Str(name))).Diagnostics);
        Assert.Equal(message, error.Message);
        Assert.Equal(step, Assert.IsType<CanvasLocation>(error.Location).NodeId);
    }

    [Fact]
    public void Canvas_column_values_are_not_trimmed()
    {
        var result = Import(new HostileCanvas().WithInput("order", "column", Json.Str(" id")));
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.UnknownColumn, error.Descriptor);
        Assert.Contains("' id'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_canvas_column_list_still_separates_its_items_at_commas_and_spaces()
    {
        var canvas = new HostileCanvas
        {
            Steps = [new CanvasStep("drop", "native.dropcolumn", "Drop", [("column", Json.Str("name, amount"))])],
        };
        var result = Import(canvas);
        Assert.False(result.HasErrors, CanvasTestKit.Describe(result.Diagnostics));
        Assert.Equal(["id"], result.Workflow!.Sinks.Single().Schema.Columns.Select(c => c.Name));
    }

    [Fact]
    public void A_canvas_table_name_with_blanks_is_kept_as_written()
    {
        var result = Import(new HostileCanvas { Destination = "o.out " });
        Assert.False(result.HasErrors, CanvasTestKit.Describe(result.Diagnostics));
        Assert.Equal(["o", "out "], result.Workflow!.Sinks.Single().Table.Parts.Items.ToArray());
    }
}
