using Cwf.Ir;
using Cwf.Optimization.Passes;
using static Cwf.Tests.Optimization.Fixtures;

namespace Cwf.Tests.Optimization;

public class ProjectionPruningTests
{
    private static readonly ProjectionPruning Pass = new();

    [Fact]
    public void Scans_read_only_the_columns_the_output_needs()
    {
        var b = new WorkflowBuilder("t");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        var f = b.Filter(scan.Id, ExprFactory.Binary(BinaryOp.Greater, b.Col(scan.Id, "population"), Int(5)), FilterBranch.Match, "f");
        var agg = b.Aggregate(f.Id, [b.Keep(f.Id, "country")], [
            new AggregateCall("n", AggregateFunction.CountAll, null),
            new AggregateCall("total", AggregateFunction.Sum, b.Col(f.Id, "population"))], "g");
        var p = b.Project(agg.Id, [b.Keep(agg.Id, "country"), b.Keep(agg.Id, "n")], "p");
        b.Sink(p.Id, Table("out"), WriteMode.Replace, "out");
        var after = Pass.Run(b.ToWorkflow(), Cwf.Optimization.OptimizerTarget.Conservative);
        Assert.Empty(IrValidator.Validate(after));
        Assert.Equal("(population: int64, country: string)", after[scan.Id].Schema.ToString());
        Assert.Equal("aggregate %2 keys [country] aggs [n := count()]", after[agg.Id].Describe(id => "%" + id));
    }

    [Fact]
    public void Branches_pruned_alike_share_one_schema_and_others_keep_their_own()
    {
        // The rewriter gives the nodes it places the schema an earlier equal one has (spec/ir.md, "Shared columns").
        var b = new WorkflowBuilder("t");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        int Branch(int threshold, string keep)
        {
            var all = b.Project(scan.Id, [b.Keep(scan.Id, "country"), b.Keep(scan.Id, "population"), b.Keep(scan.Id, "name")], "all" + threshold);
            var f = b.Filter(all.Id, ExprFactory.Binary(BinaryOp.Greater, b.Col(all.Id, "population"), Int(threshold)), FilterBranch.Match, "f" + threshold);
            b.Sink(b.Project(f.Id, [b.Keep(f.Id, keep)], "p" + threshold).Id, Table("out" + threshold), WriteMode.Replace, "out" + threshold);
            return all.Id;
        }
        int one = Branch(5, "country"), two = Branch(6, "country"), other = Branch(7, "name");
        var after = Pass.Run(b.ToWorkflow(), Cwf.Optimization.OptimizerTarget.Conservative);
        Assert.Empty(IrValidator.Validate(after));
        Assert.Equal("(country: string, population: int64)", after[one].Schema.ToString());
        Assert.Same(after[one].Schema, after[two].Schema);
        Assert.Equal("(population: int64, name: string)", after[other].Schema.ToString());
        Assert.NotSame(after[one].Schema, after[other].Schema);
    }

    [Fact]
    public void Sinks_distinct_and_custom_sql_keep_every_column()
    {
        var b = new WorkflowBuilder("t");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        var d = b.Distinct(scan.Id, "d");
        var p = b.Project(d.Id, [b.Keep(d.Id, "id")], "p");
        b.Sink(p.Id, Table("a"), WriteMode.Replace, "a");
        var scan2 = b.Scan(Table("countries"), Countries, "countries");
        var custom = b.Opaque([scan2.Id], "native.customsql", "SELECT code FROM $a", new Schema([new("code", SqlType.String)]),
            System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty, "custom");
        b.Sink(custom.Id, Table("b"), WriteMode.Replace, "b");
        var scan3 = b.Scan(Table("other"), Cities, "other");
        b.Sink(scan3.Id, Table("c"), WriteMode.Replace, "c");
        AssertUnchanged(Pass, b.ToWorkflow());
    }

    [Fact]
    public void A_count_star_still_reads_one_column_and_joins_drop_unused_outputs()
    {
        var b = new WorkflowBuilder("t");
        var cities = b.Scan(Table("cities"), Cities, "cities");
        var countries = b.Scan(Table("countries"), Countries, "countries");
        var join = b.Join(cities.Id, countries.Id, JoinKind.Inner, ExprFactory.Call(Functions.Within, b.Col(cities.Id, "geom"), b.Col(countries.Id, "geom", 1)),
            WorkflowBuilder.JoinedSuffixOutputs(Cities, Countries), "j");
        var agg = b.Aggregate(join.Id, [], [new AggregateCall("n", AggregateFunction.CountAll, null)], "count");
        b.Sink(agg.Id, Table("out"), WriteMode.Replace, "out");
        var after = Pass.Run(b.ToWorkflow(), Cwf.Optimization.OptimizerTarget.Conservative);
        Assert.Empty(IrValidator.Validate(after));
        Assert.Equal("(geom: geography)", after[cities.Id].Schema.ToString());
        Assert.Equal("(geom: geography)", after[countries.Id].Schema.ToString());
        Assert.Equal("(geom: geography)", after[join.Id].Schema.ToString());
    }

    [Fact]
    public void Union_inputs_keep_the_same_names_even_over_a_wider_shared_input()
    {
        var b = new WorkflowBuilder("t");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        var other = b.Scan(Table("towns"), Cities, "towns");
        var f = b.Filter(scan.Id, ExprFactory.Binary(BinaryOp.Greater, b.Col(scan.Id, "population"), Int(5)), FilterBranch.Match, "f");
        var u = b.UnionAll([f.Id, other.Id], "u");
        var p = b.Project(u.Id, [b.Keep(u.Id, "name")], "p");
        b.Sink(p.Id, Table("names"), WriteMode.Replace, "names");
        b.Sink(scan.Id, Table("copy"), WriteMode.Replace, "copy");
        var after = Settle(Pass, b.ToWorkflow());
        Assert.Empty(IrValidator.Validate(after));
        Assert.Equal("(name: string)", after[other.Id].Schema.ToString());
        Assert.Equal("(name: string)", after[u.Id].Schema.ToString());
        Assert.Equal(Cities, after[scan.Id].Schema);
    }
}
