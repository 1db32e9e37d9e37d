using Cwf.Driver;
using Cwf.Emit;
using Cwf.Formatting;
using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Syntax;
using Cwf.Text;
using static Cwf.Tests.Binding.Compilation;

namespace Cwf.Tests.Syntax;

/// <summary>
/// A flat chain of one associative operator is not nesting (issue 12: `a or a or ...` with 10,000
/// terms was rejected as 10,001 levels deep). It is built as a shallow balanced tree
/// (<see cref="OperatorChain"/>), so the binder, optimizer, interpreter and every backend handle it
/// without deep recursion, on a thread with a small stack.
/// </summary>
public class FlatChainTests
{
    private const int Terms = 10_000;

    private static string Program(string filter, string derive) =>
        $"source t = table \"x.t\" {{ a: int64, s: string }}\noutput t | filter {filter} | derive c = {derive} -> table \"o.t\"";

    private static readonly string Disjunction = string.Join(" or ", Enumerable.Range(0, Terms).Select(i => $"a = {i}"));
    private static readonly string Conjunction = string.Join(" and ", Enumerable.Range(0, Terms).Select(i => $"a != {i + Terms}"));
    private static readonly string Concatenation = string.Join(" || ", Enumerable.Repeat("s", Terms));

    // Runs on a thread with 1 MB of stack: the chain must not be followed recursively to its length.
    private static void OnSmallStack(Action work)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { work(); }
            catch (Exception e) { failure = e; }
        }, 1024 * 1024);
        thread.Start();
        thread.Join();
        if (failure is not null) throw new Xunit.Sdk.XunitException(failure.ToString());
    }

    [Fact]
    public void Ten_thousand_terms_parse_into_a_shallow_tree()
    {
        foreach (var chain in new[] { Disjunction, Conjunction, Concatenation })
        {
            var parsed = CwfParser.ParseExpression(SourceText.From(chain));
            Assert.Empty(parsed.Diagnostics);
            Assert.InRange(parsed.Syntax!.Depth(), 2, 50);
        }
    }

    [Fact]
    public void Ten_thousand_terms_bind_optimize_emit_and_run_on_a_small_stack()
    {
        OnSmallStack(() =>
        {
            var result = Compile(Program($"({Disjunction}) and ({Conjunction})", Concatenation));
            Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
            var filter = result.Workflow!.Nodes.OfType<FilterNode>().Single();
            Assert.InRange(Depth(filter.Predicate), 2, 100);

            foreach (var dialect in Dialects.All)
                foreach (var mode in new[] { EmitMode.Script, EmitMode.Procedure, EmitMode.Query })
                    foreach (bool optimize in new[] { true, false })
                    {
                        var compiled = Compiler.Compile(result.Workflow, new CompileOptions(dialect) { Mode = mode, Optimize = optimize });
                        Assert.DoesNotContain(compiled.Diagnostics, d => d.Code == "CWF9001");
                        if (compiled.Sql is null) continue;
                        Assert.Contains("a = 4998 OR a = 4999 OR a = 5000 OR a = 5001", compiled.Sql);
                        Assert.Contains(" AND a <> 15000 AND a <> 15001", compiled.Sql);
                    }

            var rows = new Table(new Schema([new Column("a", SqlType.Int64), new Column("s", SqlType.String)]),
                [[5L, "x"], [Terms + 1L, "y"], [-1L, "z"]]);
            var run = Interpreter.Run(result.Workflow, Database.Empty.With(TableName.TryParse("x.t")!, rows));
            Assert.True(run.Succeeded, string.Join("\n", run.Diagnostics));
            var output = run.Outputs.Find(TableName.TryParse("o.t")!)!;
            var row = Assert.Single(output.Rows);
            Assert.Equal(5L, row[0]);
            Assert.Equal(new string('x', Terms), row[2]);
        });
    }

    [Fact]
    public void The_formatter_writes_a_long_chain_back_flat()
    {
        var text = Program(Disjunction, Concatenation) + "\n";
        var formatted = CwfFormatter.Format(text);
        Assert.NotNull(formatted);
        Assert.Contains("a = 0 or a = 1 or a = 2", formatted);
        Assert.DoesNotContain("(", formatted);
        Assert.Equal(formatted, CwfFormatter.Format(formatted!));
    }

    [Fact]
    public void Short_chains_keep_their_left_to_right_shape()
    {
        var parsed = CwfParser.ParseExpression(SourceText.From("a or b or c")).Syntax;
        var top = Assert.IsType<BinarySyntax>(parsed);
        Assert.IsType<BinarySyntax>(top.Left);
        Assert.IsType<NameSyntax>(top.Right);
        Assert.Equal("a or b or (c or d)", ExpressionPrinterText("a or b or (c or d)"));
    }

    [Fact]
    public void An_arithmetic_chain_still_nests_and_is_limited()
    {
        var chain = string.Join(" + ", Enumerable.Repeat("a", 600));
        var d = Assert.Single(CwfParser.ParseExpression(SourceText.From(chain)).Diagnostics);
        Assert.Equal("CWF9002", d.Code);
        Assert.Contains("a long chain of 'and', 'or' or '||' is fine", d.Hints[0]);
    }

    private static string ExpressionPrinterText(string expression) =>
        CwfFormatter.Format($"source t = table \"x.t\" {{ a: bool, b: bool, c: bool, d: bool }}\noutput t | filter {expression} -> table \"o.t\"\n")!
            .Split("filter ")[1].Split('\n')[0];

    private static int Depth(Expr e)
    {
        int max = 0;
        var pending = new Stack<(Expr, int)>([(e, 1)]);
        while (pending.TryPop(out var entry))
        {
            max = Math.Max(max, entry.Item2);
            foreach (var child in entry.Item1.Children) pending.Push((child, entry.Item2 + 1));
        }
        return max;
    }
}
