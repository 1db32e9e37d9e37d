using System.Collections.Immutable;
using Cwf.Ir;
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
}
