using System.Collections.Immutable;
using Cwf.Ir;
using Cwf.Optimization.Passes;
using static Cwf.Tests.Optimization.Fixtures;

namespace Cwf.Tests.Optimization;

public class FilterMergingTests
{
    [Fact]
    public void Match_filters_merge_with_and_unmatch_filters_with_or()
    {
        var b = new WorkflowBuilder("t");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        var f1 = b.Filter(scan.Id, ExprFactory.Binary(BinaryOp.Greater, b.Col(scan.Id, "id"), Int(1)), FilterBranch.Match, "f1");
        var f2 = b.Filter(f1.Id, ExprFactory.Binary(BinaryOp.Less, b.Col(f1.Id, "id"), Int(9)), FilterBranch.Match, "f2");
        var u1 = b.Filter(f2.Id, ExprFactory.Eq(b.Col(f2.Id, "name"), Literal.String("a")), FilterBranch.Unmatch, "u1");
        var u2 = b.Filter(u1.Id, ExprFactory.Eq(b.Col(u1.Id, "name"), Literal.String("b")), FilterBranch.Unmatch, "u2");
        b.Sink(u2.Id, Table("out"), WriteMode.Replace, "out");
        Assert.Equal("""
            %1 = scan cities  // cities
            %3 = filter %1 ((id > 1) and (id < 9))  // f2
            %5 = filter[unmatch] %3 ((name = 'a') or (name = 'b'))  // u2
            %6 = sink %5 -> out (replace)  // out
            """, After(new FilterMerging(), b.ToWorkflow()));
    }

    [Fact]
    public void A_filter_read_by_two_steps_is_not_merged()
    {
        var b = new WorkflowBuilder("t");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        var f1 = b.Filter(scan.Id, ExprFactory.Binary(BinaryOp.Greater, b.Col(scan.Id, "id"), Int(1)), FilterBranch.Match, "f1");
        var f2 = b.Filter(f1.Id, ExprFactory.Binary(BinaryOp.Less, b.Col(f1.Id, "id"), Int(9)), FilterBranch.Match, "f2");
        b.Sink(f2.Id, Table("a"), WriteMode.Replace, "a");
        b.Sink(f1.Id, Table("b"), WriteMode.Replace, "b");
        AssertUnchanged(new FilterMerging(), b.ToWorkflow());
    }
}

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

public class DeadStepEliminationTests
{
    [Fact]
    public void Removes_steps_no_output_reads_but_keeps_unknown_components()
    {
        var b = new WorkflowBuilder("t");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        b.Filter(scan.Id, ExprFactory.Binary(BinaryOp.Greater, b.Col(scan.Id, "id"), Int(1)), FilterBranch.Match, "unused");
        b.Opaque([scan.Id], "native.isolines", null, Schema.Open, ImmutableSortedDictionary<string, string>.Empty, "isolines");
        b.Sink(scan.Id, Table("out"), WriteMode.Replace, "out");
        Assert.Equal("""
            %1 = scan cities  // cities
            %3 = opaque native.isolines %1  // isolines
            %4 = sink %1 -> out (replace)  // out
            """, After(new DeadStepElimination(), b.ToWorkflow()));
    }
}

public class LimitPushdownTests
{
    [Fact]
    public void Moves_below_projections_into_unions_and_merges_limits_but_not_below_sort()
    {
        var b = new WorkflowBuilder("t");
        var a = b.Scan(Table("a"), Cities, "a");
        var c = b.Scan(Table("c"), Cities, "c");
        var u = b.UnionAll([a.Id, c.Id], "u");
        var p = b.Project(u.Id, [b.Keep(u.Id, "id"), new("g", ExprFactory.Call(Functions.Buffer, b.Col(u.Id, "geom"), Literal.Float(5)))], "p");
        var l1 = b.Limit(p.Id, Int(100), "l1");
        var l2 = b.Limit(l1.Id, Int(10), "l2");
        b.Sink(l2.Id, Table("out"), WriteMode.Replace, "out");
        var s = b.Sort(a.Id, [new SortKey(b.Col(a.Id, "id"), false)], "s");
        var top = b.Limit(s.Id, Int(3), "top");
        b.Sink(top.Id, Table("top"), WriteMode.Replace, "top");
        Assert.Equal("""
            %1 = scan a  // a
            %2 = scan c  // c
            %12 = limit %1 10  // l1
            %13 = limit %2 10  // l1
            %3 = union %12 %13  // u
            %11 = limit %3 10  // l1
            %4 = project %11 [id, g := st_buffer(geom, 5.0)]  // p
            %7 = sink %4 -> out (replace)  // out
            %8 = sort %1 [id]  // s
            %9 = limit %8 3  // top
            %10 = sink %9 -> top (replace)  // top
            """, After(new LimitPushdown(), b.ToWorkflow()));
    }
}

public class DistinctJoinToSemiJoinTests
{
    [Fact]
    public void Spatial_join_plus_distinct_over_left_columns_becomes_exists()
    {
        var b = new WorkflowBuilder("t");
        var cities = b.Scan(Table("cities"), Cities, "cities");
        var countries = b.Scan(Table("countries"), Countries, "countries");
        var join = b.Join(cities.Id, countries.Id, JoinKind.Inner,
            ExprFactory.Call(Functions.Within, b.Col(cities.Id, "geom"), b.Col(countries.Id, "geom", 1)),
            [new JoinOutput(0, "id", "city_id"), new JoinOutput(0, "name", "name")], "j");
        var d = b.Distinct(join.Id, "d");
        b.Sink(d.Id, Table("out"), WriteMode.Replace, "out");
        Assert.Equal("""
            %1 = scan cities  // cities
            %2 = scan countries  // countries
            %6 = semijoin %1 %2 on st_within(geom, [1].geom)  // j
            %3 = project %6 [city_id := id, name]  // j
            %4 = distinct %3  // d
            %5 = sink %4 -> out (replace)  // out
            """, After(new DistinctJoinToSemiJoin(), b.ToWorkflow()));
    }

    [Fact]
    public void A_join_that_outputs_right_columns_or_is_outer_is_left_alone()
    {
        var b = new WorkflowBuilder("t");
        var cities = b.Scan(Table("cities"), Cities, "cities");
        var countries = b.Scan(Table("countries"), Countries, "countries");
        var condition = ExprFactory.Call(Functions.Within, b.Col(cities.Id, "geom"), b.Col(countries.Id, "geom", 1));
        var j1 = b.Join(cities.Id, countries.Id, JoinKind.Inner, condition, [new JoinOutput(0, "id", "id"), new JoinOutput(1, "code", "code")], "j1");
        b.Sink(b.Distinct(j1.Id, "d1").Id, Table("a"), WriteMode.Replace, "a");
        var j2 = b.Join(cities.Id, countries.Id, JoinKind.Left, condition, [new JoinOutput(0, "id", "id")], "j2");
        b.Sink(b.Distinct(j2.Id, "d2").Id, Table("b"), WriteMode.Replace, "b");
        AssertUnchanged(new DistinctJoinToSemiJoin(), b.ToWorkflow());
    }
}
