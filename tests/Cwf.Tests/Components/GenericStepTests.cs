using Cwf.Binding;
using Cwf.Canvas;
using Cwf.Catalog;
using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Formatting;
using Cwf.Ir;
using Cwf.Syntax;
using Cwf.Tests.Canvas;
using Cwf.Text;

namespace Cwf.Tests.Components;

/// <summary>
/// A component added through the generic step form (test doubles in a test catalog) works end to end: canvas
/// import, decompilation to its generic step, formatting, .cwf binding, and the same IR both ways.
/// </summary>
public class GenericStepTests
{
    private static readonly ComponentCatalog Catalog = ComponentCatalog.Default.With(new ScaleComponent(), new StackComponent());

    private const string Sources = """
        source t = table "src.t" { id: int64, value: float64 }
        source u = table "src.u" { id: int64, value: float64 }

        """;

    private static CompileResult Compile(string text, ComponentCatalog? components = null) =>
        CwfFrontEnd.Compile(SourceText.From(text, "t.cwf"), SchemaCatalog.Empty, new BindOptions { Components = components ?? Catalog });

    private static string[] Codes(CompileResult result) => [.. result.Diagnostics.Where(d => d.IsError).Select(d => $"{Cwf.Tests.Binding.Compilation.Position(d)} {d.Code}")];

    [Fact]
    public void A_canvas_node_round_trips_through_its_generic_step()
    {
        var c = new TestCanvas();
        c.Variable("f", "Number", 2, isPublic: true);
        var t = c.Source("src.t", "t", "id:int64", "value:float64");
        var u = c.Source("src.u", "u", "id:int64", "value:float64");
        var stack = c.Node("test.stack", "Both tables");
        var scale = c.Node("test.scale", "Scale it", ("column", "value"), ("factor", "{{@f}}"), ("units", "Kilometers"), ("label", "km"), ("round", "false"));
        var save = c.Node("native.saveastable", "Save", ("destination", "out.scaled"));
        c.Flow(t, stack).Edge(u, "out", stack, "other").Flow(stack, scale).Flow(scale, save);

        var imported = CanvasTestKit.Import(c, Catalog);
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        var text = CanvasDecompiler.ToCwf(imported);
        Assert.Contains("""
              | stack u  // Both tables
              | scale value, @f { units: 'Kilometers', label: 'km' }
            """, text);
        Assert.Equal(text, CwfFormatter.Format(SourceText.From(text), Catalog.Steps).Text);

        var cwf = Compile(text);
        Assert.False(cwf.HasErrors, CanvasTestKit.Describe(cwf.Diagnostics) + "\n" + text);
        Assert.Equal(IrPrinter.PrintCanonical(imported.Workflow!), IrPrinter.PrintCanonical(cwf.Workflow!));
        Assert.Contains("value_km", cwf.Workflow!.Nodes.OfType<ProjectNode>().Single().Schema.Names);
    }

    [Fact]
    public void A_generic_step_written_by_hand_binds_its_arguments_options_and_alias()
    {
        var result = Compile(Sources + """
            output t | stack u | scale value, 1.5 km { round: true } as scaled -> table "o.t"
            """);
        Assert.False(result.HasErrors, CanvasTestKit.Describe(result.Diagnostics));
        var project = result.Workflow!.Nodes.OfType<ProjectNode>().Single();
        Assert.Equal(["id", "value", "scaled"], project.Schema.Names);
        Assert.Equal("round((value * 1500.0))", project.Columns[2].Expr.ToString());
        Assert.Single(result.Workflow.Nodes.OfType<UnionAllNode>());
    }

    [Fact]
    public void The_parser_reads_the_generic_form_and_the_formatter_prints_it_canonically()
    {
        var text = Sources + "output t | SCALE value,2{units:'Kilometers',}As v -> table \"o.t\"\n";
        var parsed = CwfParser.ParseProgram(SourceText.From(text), Catalog.Steps);
        Assert.Empty(parsed.Diagnostics);
        var step = Assert.IsType<GenericStepSyntax>(Assert.IsType<OutputStatementSyntax>(parsed.Syntax!.Statements[2]).Pipeline.Steps[0]);
        Assert.Equal("scale", step.Keyword);
        Assert.Equal(2, step.Arguments.Count);
        Assert.Equal("units", Assert.Single(step.Options).Name.Name);
        Assert.Equal("v", step.Alias!.Name);
        var formatted = CwfFormatter.Format(SourceText.From(text), Catalog.Steps).Text!;
        Assert.Contains("output t\n  | scale value, 2 { units: 'Kilometers' } as v\n  -> table \"o.t\" mode replace\n", formatted);
        Assert.Equal(formatted, CwfFormatter.Format(SourceText.From(formatted), Catalog.Steps).Text);
    }

    [Theory]
    [InlineData("scale value, 2, 3", "3:28 CWF2850", "'scale' takes 2 arguments, but more are given")]
    [InlineData("scale value, 2 { unit: 'Meters' }", "3:29 CWF2850", "'scale' has no option 'unit'")]
    [InlineData("scale value", "3:12 CWF2850", "'scale' needs 'factor'")]
    [InlineData("scale value, 'two'", "3:25 CWF2850", "'factor' must be a number, not string")]
    [InlineData("scale value, 2 { units: 'Parsecs' }", "3:36 CWF2850", "'Parsecs' is not an option of 'units'")]
    [InlineData("scale 2, 2", "3:18 CWF2850", "'column' is a column: write its name")]
    [InlineData("scale value, id", "3:25 CWF2850", "'factor' must be a number or a parameter, not a column")]
    [InlineData("scale value, 2 { factor: 3 }", "3:29 CWF2850", "'factor' is given twice")]
    [InlineData("scale value, 2 { label: 3 }", "3:36 CWF2850", "'label' is text: write it in quotes, e.g. 'value'")]
    [InlineData("scale value, 2 { round: 'yes' }", "3:36 CWF2850", "'round' must be true or false")]
    [InlineData("stack u as s", "3:23 CWF2850", "'stack' adds no column that 'as' could name")]
    [InlineData("stack", "3:12 CWF2850", "'stack' needs the table 'other'")]
    [InlineData("stack 1", "3:18 CWF2850", "'other' is a table: write the name of a source or let")]
    [InlineData("scale valu, 2", "3:18 CWF2800", "unknown column 'valu'")]
    [InlineData("stack w", "3:18 CWF2001", "unknown source or let 'w'")]
    public void Mistakes_in_a_generic_step_are_reported_at_the_argument(string step, string expected, string message)
    {
        var result = Compile(Sources + $"output t | {step} -> table \"o.t\"\n");
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(expected, $"{Cwf.Tests.Binding.Compilation.Position(error)} {error.Code}");
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void An_unknown_option_suggests_the_closest_one()
    {
        var error = Assert.Single(Compile(Sources + "output t | scale value, 2 { unit: 'Meters' } -> table \"o.t\"\n").Diagnostics, d => d.IsError);
        Assert.Contains("did you mean 'units'?", error.Hints);
    }

    [Fact]
    public void Unknown_and_malformed_generic_steps_are_syntax_errors()
    {
        var misspelled = Compile(Sources + "output t | scal value, 2 -> table \"o.t\"\n");
        Assert.Equal(["3:12 CWF1007"], Codes(misspelled));
        var unknown = misspelled.Diagnostics.Single(d => d.IsError);
        Assert.Contains("did you mean 'scale'?", unknown.Hints);
        Assert.Contains("scale", unknown.Hints.Last());

        // Without the test catalog the component does not exist: the step is unknown, as before.
        Assert.Equal(["3:12 CWF1007"], Codes(Compile(Sources + "output t | scale value, 2 -> table \"o.t\"\n", ComponentCatalog.Default)));

        var malformed = Compile(Sources + "output t | scale value 2 -> table \"o.t\"\n");
        Assert.Equal(["3:12 CWF1001"], Codes(malformed));
        Assert.Contains("scale argument, ... { option: value, ... } [as name]", malformed.Diagnostics.Single(d => d.IsError).Hints[0]);
    }

    [Fact]
    public void A_tree_built_in_code_with_an_unknown_step_is_reported_by_the_binder()
    {
        var source = new SourceStatementSyntax(new IdentifierSyntax("t"), new TableNameSyntax("src.t"),
            [new ColumnDeclarationSyntax(new IdentifierSyntax("value"), new TypeSyntax("float64"))]);
        var step = new GenericStepSyntax(new IdentifierSyntax("frobnicate"), [new NameSyntax("value")], []);
        var output = new OutputStatementSyntax(new PipelineSyntax(new IdentifierSyntax("t"), [step]), new TableNameSyntax("o.t"), WriteMode.Replace);
        var bound = Cwf.Binding.Binder.Bind(new ProgramSyntax([source, output]), SchemaCatalog.Empty, new BindOptions { Components = Catalog });
        var error = Assert.Single(bound.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.UnknownStep, error.Descriptor);
        Assert.Equal("unknown step 'frobnicate'", error.Message);
    }

    [Fact]
    public void A_generic_step_after_a_failed_step_is_still_checked_for_what_does_not_need_columns()
    {
        var result = Compile(Sources + "output missing | scale value, sqrtt(4) | stack nowhere -> table \"o.t\"\n");
        Assert.Equal(["3:8 CWF2001", "3:31 CWF2005", "3:48 CWF2001"], Codes(result));
    }
}
