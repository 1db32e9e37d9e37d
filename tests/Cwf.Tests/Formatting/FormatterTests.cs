using System.Text.RegularExpressions;
using CsCheck;
using Cwf.Formatting;
using Cwf.Ir;
using Cwf.Syntax;
using Cwf.Tests.Infrastructure;
using Cwf.Text;
using static Cwf.Tests.Binding.Compilation;

namespace Cwf.Tests.Formatting;

public partial class FormatterTests
{
    private static string Format(string text)
    {
        var result = CwfFormatter.Format(SourceText.From(text));
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics) + "\n---\n" + text);
        return result.Text!;
    }

    [Fact]
    public void Formats_to_the_canonical_layout()
    {
        var text = """
            // Store trade areas
            WORKFLOW "Store trade areas"
            PARAM min_revenue : float64=1000000
            param radius: float64 = 500   // meters
            source stores = table "analytics.retail.stores" { store_id: int64, name: string, revenue: float64, geom: geography, status: string }
            source blocks = table "analytics.census.blocks"    // schema from the catalog
            let big = stores|FILTER revenue>=min_revenue|buffer geom by radius m as zone
            let reach = big
                | spatial_join blocks on intersects(zone, blocks.geom)
                | group by store_id, name { population: sum(blocks.pop), blocks: count() } | sort population DESC | take 100
            let open, closed = stores | split status == 'open'  // match / unmatch
            output reach->table "analytics.retail.store_reach" mode REPLACE
            output closed | select store_id, name -> table "analytics.retail.closed_stores" mode append
            """;
        Assert.Equal("""
            // Store trade areas
            workflow "Store trade areas"

            param min_revenue: float64 = 1000000
            param radius: float64 = 500  // meters

            source stores = table "analytics.retail.stores" {
              store_id: int64,
              name: string,
              revenue: float64,
              geom: geography,
              status: string,
            }

            source blocks = table "analytics.census.blocks"  // schema from the catalog

            let big = stores
              | filter revenue >= min_revenue
              | buffer geom by radius m as zone

            let reach = big
              | spatial_join blocks on intersects(zone, blocks.geom)
              | group by store_id, name { population: sum(blocks.pop), blocks: count() }
              | sort population desc
              | take 100

            let open, closed = stores
              | split status = 'open'  // match / unmatch

            output reach -> table "analytics.retail.store_reach" mode replace

            output closed
              | select store_id, name
              -> table "analytics.retail.closed_stores" mode append

            """.Replace("\r\n", "\n"), Format(text));
    }

    [Fact]
    public void Long_blocks_break_one_item_per_line()
    {
        var formatted = Format("let x = t | group by a { first_total: sum(first_value), second_total: sum(second_value), third: count(third_value) }");
        Assert.Equal("""
            let x = t
              | group by a {
                  first_total: sum(first_value),
                  second_total: sum(second_value),
                  third: count(third_value),
                }

            """.Replace("\r\n", "\n"), formatted);
        Assert.Equal(formatted, Format(formatted));
    }

    [Fact]
    public void Keeps_every_comment()
    {
        var text = """
            /* header
               over two lines */
            source t = table "x.t" {
              a: int64, // the key
              /* before b */ b: string
            }
            let x = t // after the head
              | filter a > 1 -- sql style
              // before take
              | take 1 /* inline */ // and more
            // the end
            """;
        var formatted = Format(text);
        foreach (var comment in new[] { "/* header\n   over two lines */", "// the key", "/* before b */", "// after the head", "-- sql style", "// before take", "/* inline */", "// and more", "// the end" })
            Assert.Contains(comment, formatted);
        Assert.Equal(formatted, Format(formatted));
    }

    [Fact]
    public void Refuses_text_with_syntax_errors()
    {
        var result = CwfFormatter.Format(SourceText.From("let x = t | filter (a >"));
        Assert.Null(result.Text);
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void Prints_trees_built_in_code()
    {
        var add = new BinarySyntax(BinaryOperator.Add, new NameSyntax("a"), new NameSyntax("b"));
        var program = new ProgramSyntax([
            new WorkflowStatementSyntax("Built \"in\" code") { LeadingComments = [CommentSyntax.Line("from a canvas note")] },
            new SourceStatementSyntax(new IdentifierSyntax("my table"), new TableNameSyntax("x.t"),
                [new ColumnDeclarationSyntax(new IdentifierSyntax("a"), new TypeSyntax("int64")), new ColumnDeclarationSyntax(new IdentifierSyntax("case"), new TypeSyntax("int64"))]),
            new LetStatementSyntax([new IdentifierSyntax("x")], new PipelineSyntax(new IdentifierSyntax("my table"), [
                new DeriveStepSyntax([new DerivationSyntax(new IdentifierSyntax("c"), new BinarySyntax(BinaryOperator.Multiply, add, new NameSyntax("a")))]),
                new DeriveStepSyntax([new DerivationSyntax(new IdentifierSyntax("e"), new BinarySyntax(BinaryOperator.Subtract, new NameSyntax("a"),
                    new BinarySyntax(BinaryOperator.Subtract, new NameSyntax("a"), new UnarySyntax(UnaryOperator.Minus, new UnarySyntax(UnaryOperator.Minus, new NameSyntax("a"))))))]),
                new FilterStepSyntax(new UnarySyntax(UnaryOperator.Not, new BinarySyntax(BinaryOperator.Equal, new NameSyntax("a"), LiteralSyntax.String("it's")))) { TrailingComments = [CommentSyntax.Line("keep")] },
                new BufferStepSyntax(new NameSyntax("g"), LiteralSyntax.Float(300), "m"),
                new SqlStepSyntax([], "select *\nfrom $a", null),
            ])),
            new OutputStatementSyntax(new PipelineSyntax(new IdentifierSyntax("x"), []), new TableNameSyntax("o.t"), WriteMode.Append),
        ]);
        var text = CwfFormatter.Format(program);
        Assert.Equal(""""
            // from a canvas note
            workflow "Built ""in"" code"

            source `my table` = table "x.t" { a: int64, `case`: int64 }

            let x = `my table`
              | derive c = (a + b) * a
              | derive e = a - (a - -(-a))
              | filter not a = 'it''s'  // keep
              | buffer g by 300.0 m
              | sql """select *
            from $a"""

            output x -> table "o.t" mode append

            """".Replace("\r\n", "\n"), text);
        Assert.Equal(text, Format(text));
    }

    [Fact]
    public void Examples_are_formatted_and_formatting_keeps_their_ir()
    {
        foreach (var path in Directory.GetFiles(ExamplesDirectory, "*.cwf"))
        {
            var text = File.ReadAllText(path);
            var formatted = Format(text);
            Assert.Equal(formatted, Format(formatted));
            var catalog = ExampleCatalog(Path.GetFileNameWithoutExtension(path));
            Assert.Equal(IrPrinter.PrintCanonical(Compile(text, catalog).Workflow!), IrPrinter.PrintCanonical(Compile(formatted, catalog).Workflow!));
        }
    }

    [Fact]
    public void Generated_programs_are_valid()
    {
        ProgramGenerators.Program.Check(text =>
        {
            var result = Compile(text);
            Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics) + "\n---\n" + text);
            Assert.Empty(IrValidator.Validate(result.Workflow!));
        }, iterations: 300);
    }

    [Fact]
    public void Formatting_is_idempotent_keeps_comments_and_never_changes_the_ir()
    {
        ProgramGenerators.Program.Check(text =>
        {
            var once = Format(text);
            Assert.Equal(once, Format(once));
            Assert.Equal(Comments(text), Comments(once));
            var before = Compile(text).Workflow!;
            var after = Compile(once).Workflow;
            Assert.NotNull(after);
            Assert.Equal(IrPrinter.PrintCanonical(before), IrPrinter.PrintCanonical(after!));
        }, iterations: 1000);
    }

    private static List<string> Comments(string text) =>
        [.. CommentPattern().Matches(text).Select(m => m.Value.TrimEnd()).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"//[^\n]*|--[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CommentPattern();
}
