using System.Collections.Immutable;
using Cwf.Ir;
using Cwf.Optimization;
using Cwf.Optimization.Passes;
using static Cwf.Tests.Optimization.Fixtures;

namespace Cwf.Tests.Optimization;

public class CommonSubgraphMergingTests
{
    [Fact]
    public void Identical_chains_over_the_same_table_collapse_in_one_pass()
    {
        var b = new WorkflowBuilder("t");
        int Chain(string sink)
        {
            var scan = b.Scan(Table("cities"), Cities, "cities");
            var f = b.Filter(scan.Id, ExprFactory.Binary(BinaryOp.Greater, b.Col(scan.Id, "id"), Int(1)), FilterBranch.Match, "f");
            b.Sink(f.Id, Table(sink), WriteMode.Replace, sink);
            return f.Id;
        }
        Chain("a");
        Chain("b");
        Assert.Equal("""
            %1 = scan cities  // cities
            %2 = filter %1 (id > 1)  // f
            %3 = sink %2 -> a (replace)  // a
            %6 = sink %2 -> b (replace)  // b
            """, After(new CommonSubgraphMerging(), b.ToWorkflow()));
    }

    [Fact]
    public void Custom_sql_raw_sql_and_unordered_limits_are_never_merged()
    {
        var b = new WorkflowBuilder("t");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        for (int i = 0; i < 2; i++)
        {
            var custom = b.Opaque([scan.Id], "native.customsql", "SELECT * FROM $a ORDER BY random()", Cities, ImmutableSortedDictionary<string, string>.Empty, "c");
            b.Sink(custom.Id, Table("c" + i), WriteMode.Replace, "c");
            var raw = b.Filter(scan.Id, new RawSql("random() < 0.1", SqlType.Bool), FilterBranch.Match, "r");
            b.Sink(raw.Id, Table("r" + i), WriteMode.Replace, "r");
            var limit = b.Limit(scan.Id, Int(5), "l");
            b.Sink(limit.Id, Table("l" + i), WriteMode.Replace, "l");
        }
        AssertUnchanged(new CommonSubgraphMerging(), b.ToWorkflow());
    }

    [Fact]
    public void Steps_over_the_same_input_merge_when_every_argument_is_the_same()
    {
        var b = new WorkflowBuilder("t");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        var countries = b.Scan(Table("countries"), Countries, "countries");
        Expr Big() => ExprFactory.Binary(BinaryOp.Greater, b.Col(scan.Id, "population"), Int(1000));
        void Write(RelNode node) => b.Sink(node.Id, Table("out" + node.Id), WriteMode.Replace, "w");
        // Built twice as separate objects: equal by structure, not by reference.
        Write(b.Filter(scan.Id, Big(), FilterBranch.Match, "big"));
        Write(b.Filter(scan.Id, Big(), FilterBranch.Match, "big again"));
        Write(b.Filter(scan.Id, Big(), FilterBranch.Unmatch, "small"));
        Expr On() => ExprFactory.Eq(b.Col(scan.Id, "country"), ExprFactory.Column(Countries.Find("code")!, 1));
        Seq<JoinOutput> outputs = [new(0, "name", "name"), new(1, "continent", "continent")];
        Write(b.Join(scan.Id, countries.Id, JoinKind.Inner, On(), outputs, "j"));
        Write(b.Join(scan.Id, countries.Id, JoinKind.Inner, On(), outputs, "j again"));
        Write(b.Join(scan.Id, countries.Id, JoinKind.Left, On(), outputs, "left j"));
        Write(b.Sort(scan.Id, [new SortKey(b.Col(scan.Id, "name"), false)], "up"));
        Write(b.Sort(scan.Id, [new SortKey(b.Col(scan.Id, "name"), true)], "down"));
        Write(b.UnionAll([scan.Id, scan.Id, scan.Id], "three"));
        Write(b.UnionAll([scan.Id, scan.Id, scan.Id], "three again"));
        var result = new CommonSubgraphMerging().Run(b.ToWorkflow(), OptimizerTarget.Conservative);
        Assert.Empty(IrValidator.Validate(result));
        Assert.Equal(["big", "small", "j", "left j", "up", "down", "three"],
            result.Nodes.Where(n => n is not (ScanNode or SinkNode)).Select(n => n.Name));
    }

    [Fact]
    public void Literals_that_are_equal_numbers_but_print_differently_are_not_merged()
    {
        var b = new WorkflowBuilder("t");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        foreach (var literal in new[] { Literal.Decimal(1.0m), Literal.Decimal(1.00m), Literal.Float(0.0), Literal.Float(-0.0) })
        {
            var p = b.Project(scan.Id, [new("v", ExprFactory.Binary(BinaryOp.Multiply, b.Col(scan.Id, "population"), literal))], "p");
            b.Sink(p.Id, Table("out" + p.Id), WriteMode.Replace, "w");
        }
        AssertUnchanged(new CommonSubgraphMerging(), b.ToWorkflow());
    }

    [Fact]
    public void Merged_inputs_make_their_readers_equal_across_a_long_chain()
    {
        // Two copies of a 2,000-step chain: each step of the second merges into the first's, because its input did.
        var b = new WorkflowBuilder("t");
        int[] ends = new int[2];
        for (int copy = 0; copy < 2; copy++)
        {
            int current = b.Scan(Table("a"), new Schema([new("x", SqlType.Int64)]), "a").Id;
            for (int i = 0; i < 2000; i++)
                current = b.Filter(current, ExprFactory.Binary(BinaryOp.Greater, b.Col(current, "x"), Int(i)), FilterBranch.Match, "f").Id;
            ends[copy] = b.Sink(current, Table("out" + copy), WriteMode.Replace, "w").Id;
        }
        var result = new CommonSubgraphMerging().Run(b.ToWorkflow(), OptimizerTarget.Conservative);
        Assert.Equal(2001 + 2, result.Nodes.Length);
        Assert.Equal(result[ends[0]].Inputs, result[ends[1]].Inputs);
    }
}
