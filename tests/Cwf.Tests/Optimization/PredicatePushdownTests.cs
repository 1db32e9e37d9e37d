using Cwf.Ir;
using Cwf.Optimization;
using Cwf.Optimization.Passes;
using static Cwf.Tests.Optimization.Fixtures;

namespace Cwf.Tests.Optimization;

public class PredicatePushdownTests
{
    private static readonly PredicatePushdown Pass = new();

    private static Expr Gt(Expr a, long v) => ExprFactory.Binary(BinaryOp.Greater, a, Int(v));

    [Fact]
    public void Moves_below_a_projection_substituting_cheap_columns_only()
    {
        var b = new WorkflowBuilder("t");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        var derive = b.Project(scan.Id, [
            b.Keep(scan.Id, "id"), b.Keep(scan.Id, "geom"),
            new("pop_k", ExprFactory.Binary(BinaryOp.Divide, b.Col(scan.Id, "population"), Int(1000))),
            new("area", ExprFactory.Call(Functions.Area, ExprFactory.Call(Functions.Buffer, b.Col(scan.Id, "geom"), Literal.Float(10)))),
        ], "derive");
        var filter = b.Filter(derive.Id, ExprFactory.And(
            ExprFactory.Binary(BinaryOp.Greater, b.Col(derive.Id, "pop_k"), Literal.Float(50)),
            ExprFactory.Binary(BinaryOp.Greater, b.Col(derive.Id, "area"), Literal.Float(5))), FilterBranch.Match, "big");
        b.Sink(filter.Id, Table("out"), WriteMode.Replace, "out");
        // The area conjunct would compute a buffer twice: it stays above.
        Assert.Equal("""
            %1 = scan cities  // cities
            %5 = filter %1 ((population / 1000) > 50.0)  // big
            %2 = project %5 [id, geom, pop_k := (population / 1000), area := st_area(st_buffer(geom, 10.0))]  // derive
            %3 = filter %2 (area > 5.0)  // big
            %4 = sink %3 -> out (replace)  // out
            """, After(Pass, b.ToWorkflow()));
    }

    [Fact]
    public void Stops_above_a_projection_where_substitution_would_grow_a_conjunct_beyond_the_bound()
    {
        // x := x + 1 sixty times, then x > 0: each projection crossed adds two nodes to the conjunct.
        var b = new WorkflowBuilder("t");
        int current = b.IncrementChain(60);
        var filter = b.Filter(current, Gt(b.Col(current, "x"), 0), FilterBranch.Match, "positive");
        b.Sink(filter.Id, Table("out"), WriteMode.Replace, "out");

        var result = Settle(Pass, b.ToWorkflow());
        var moved = Assert.Single(result.Nodes.OfType<FilterNode>());
        int size = SubstitutionBound.NodeCount(moved.Predicate, int.MaxValue);
        Assert.InRange(size, SubstitutionBound.MaxNodes - 1, SubstitutionBound.MaxNodes);
        // It went down as far as the bound allows: the projections below it are the ones it would have to absorb.
        int below = 0;
        for (var node = result[moved.Input]; node is ProjectNode p; node = result[p.Input]) below++;
        Assert.Equal(60 - (size - 3) / 2, below);
    }

    [Fact]
    public void A_projection_that_blocks_one_conjunct_stays_a_boundary_for_the_column_it_computes()
    {
        var b = new WorkflowBuilder("t");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        var derive = b.Project(scan.Id, [b.Keep(scan.Id, "id"), new("population", ExprFactory.Binary(BinaryOp.Add, b.Col(scan.Id, "population"), Int(1)))], "derive");
        // 99 nodes: substituting population + 1 would make it 101.
        var listed = ExprFactory.InList(b.Col(derive.Id, "population"), Enumerable.Range(0, SubstitutionBound.MaxNodes - 3).Select(i => Int(i)));
        var filter = b.Filter(derive.Id, Predicates.And([listed, Gt(b.Col(derive.Id, "population"), 5), Gt(b.Col(derive.Id, "id"), 1)]), FilterBranch.Match, "f");
        b.Sink(filter.Id, Table("out"), WriteMode.Replace, "out");

        var result = Pass.Run(b.ToWorkflow(), OptimizerTarget.Conservative);
        var filters = result.Nodes.OfType<FilterNode>().ToList();
        Assert.Equal(2, filters.Count);
        var above = Assert.Single(filters, f => f.Input == derive.Id);
        Assert.Equal([listed, Gt(b.Col(derive.Id, "population"), 5)], Predicates.Conjuncts(above.Predicate));
        var below = Assert.Single(filters, f => f.Input == scan.Id);
        Assert.Equal(Gt(b.Col(scan.Id, "id"), 1), below.Predicate);
    }

    [Fact]
    public void A_conjunct_larger_than_the_bound_still_crosses_renames_but_not_computed_columns()
    {
        var b = new WorkflowBuilder("t");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        var rename = b.Project(scan.Id, [new("pop", b.Col(scan.Id, "population")), b.Keep(scan.Id, "id")], "rename");
        var derive = b.Project(rename.Id, [b.Keep(rename.Id, "id"), new("pop", ExprFactory.Binary(BinaryOp.Add, b.Col(rename.Id, "pop"), Int(1)))], "derive");
        var big = ExprFactory.InList(b.Col(derive.Id, "pop"), Enumerable.Range(0, SubstitutionBound.MaxNodes).Select(i => Int(i)));
        var filter = b.Filter(derive.Id, big, FilterBranch.Match, "listed");
        b.Sink(filter.Id, Table("out"), WriteMode.Replace, "out");
        AssertUnchanged(Pass, b.ToWorkflow());

        var c = new WorkflowBuilder("t");
        var s = c.Scan(Table("cities"), Cities, "cities");
        var renamed = c.Project(s.Id, [new("pop", c.Col(s.Id, "population")), c.Keep(s.Id, "id")], "rename");
        var listed = c.Filter(renamed.Id, ExprFactory.InList(c.Col(renamed.Id, "pop"), Enumerable.Range(0, SubstitutionBound.MaxNodes).Select(i => Int(i))), FilterBranch.Match, "listed");
        c.Sink(listed.Id, Table("out"), WriteMode.Replace, "out");
        var moved = Pass.Run(c.ToWorkflow(), OptimizerTarget.Conservative);
        Assert.Equal(s.Id, Assert.Single(moved.Nodes.OfType<FilterNode>()).Input);
    }

    [Fact]
    public void Stops_at_a_limit_and_at_a_shared_step()
    {
        var b = new WorkflowBuilder("t");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        var limit = b.Limit(scan.Id, Int(10), "first");
        var f = b.Filter(limit.Id, Gt(b.Col(limit.Id, "population"), 5), FilterBranch.Match, "f");
        b.Sink(f.Id, Table("a"), WriteMode.Replace, "a");
        var sorted = b.Sort(scan.Id, [new SortKey(b.Col(scan.Id, "id"), false)], "sorted");
        var g = b.Filter(sorted.Id, Gt(b.Col(sorted.Id, "population"), 5), FilterBranch.Match, "g");
        b.Sink(g.Id, Table("b"), WriteMode.Replace, "b");
        b.Sink(sorted.Id, Table("c"), WriteMode.Replace, "c");
        AssertUnchanged(Pass, b.ToWorkflow());
    }

    [Fact]
    public void Merges_into_the_filter_it_meets_and_passes_sort_and_distinct()
    {
        var b = new WorkflowBuilder("t");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        var f1 = b.Filter(scan.Id, Gt(b.Col(scan.Id, "id"), 1), FilterBranch.Match, "f1");
        var distinct = b.Distinct(f1.Id, "d");
        var sort = b.Sort(distinct.Id, [new SortKey(b.Col(distinct.Id, "id"), true)], "s");
        var f2 = b.Filter(sort.Id, Gt(b.Col(sort.Id, "population"), 2), FilterBranch.Match, "f2");
        b.Sink(f2.Id, Table("out"), WriteMode.Replace, "out");
        Assert.Equal("""
            %1 = scan cities  // cities
            %7 = filter %1 ((population > 2) and (id > 1))  // f2
            %3 = distinct %7  // d
            %4 = sort %3 [id desc]  // s
            %6 = sink %4 -> out (replace)  // out
            """, After(Pass, b.ToWorkflow()));
    }

    private static (WorkflowBuilder B, int Join) LeftJoin(JoinKind kind)
    {
        var b = new WorkflowBuilder("t");
        var cities = b.Scan(Table("cities"), Cities, "cities");
        var countries = b.Scan(Table("countries"), Countries, "countries");
        var join = b.Join(cities.Id, countries.Id, kind,
            ExprFactory.Eq(b.Col(cities.Id, "country"), b.Col(countries.Id, "code", 1)),
            WorkflowBuilder.JoinedSuffixOutputs(Cities, Countries), "j");
        return (b, join.Id);
    }

    [Fact]
    public void Left_join_takes_left_conjuncts_and_becomes_inner_when_the_right_side_must_not_be_null()
    {
        var (b, join) = LeftJoin(JoinKind.Left);
        var f = b.Filter(join, ExprFactory.And(Gt(b.Col(join, "population"), 5), ExprFactory.Eq(b.Col(join, "continent_joined"), Literal.String("Europe"))), FilterBranch.Match, "f");
        b.Sink(f.Id, Table("out"), WriteMode.Replace, "out");
        Assert.Equal("""
            %1 = scan cities  // cities
            %2 = scan countries  // countries
            %6 = filter %1 (population > 5)  // f
            %7 = filter %2 (continent = 'Europe')  // f
            %3 = join[inner] %6 %7 on (country = [1].code) -> [0.id, 0.name, 0.population, 0.country, 0.geom, 1.code as code_joined, 1.continent as continent_joined, 1.geom as geom_joined]  // j
            %5 = sink %3 -> out (replace)  // out
            """, After(Pass, b.ToWorkflow()));
    }

    [Fact]
    public void Left_join_keeps_a_right_side_conjunct_that_accepts_nulls()
    {
        // "cities without a country": IS NULL on the optional side must see the NULL-extended rows.
        var (b, join) = LeftJoin(JoinKind.Left);
        var f = b.Filter(join, ExprFactory.IsNull(b.Col(join, "code_joined")), FilterBranch.Match, "f");
        b.Sink(f.Id, Table("out"), WriteMode.Replace, "out");
        AssertUnchanged(Pass, b.ToWorkflow());
    }

    [Fact]
    public void Full_join_becomes_left_when_a_left_conjunct_rejects_nulls()
    {
        var (b, join) = LeftJoin(JoinKind.Full);
        var f = b.Filter(join, Gt(b.Col(join, "population"), 5), FilterBranch.Match, "f");
        b.Sink(f.Id, Table("out"), WriteMode.Replace, "out");
        var after = After(Pass, b.ToWorkflow());
        Assert.Contains("%6 = filter %1 (population > 5)", after);
        Assert.Contains("%3 = join[left] %6 %2", after);
    }

    [Fact]
    public void Inner_join_takes_two_sided_conjuncts_into_its_condition()
    {
        var (b, join) = LeftJoin(JoinKind.Inner);
        var f = b.Filter(join, ExprFactory.Call(Functions.Intersects, b.Col(join, "geom"), b.Col(join, "geom_joined")), FilterBranch.Match, "f");
        b.Sink(f.Id, Table("out"), WriteMode.Replace, "out");
        Assert.Contains("%3 = join[inner] %1 %2 on ((country = [1].code) and st_intersects(geom, [1].geom))", After(Pass, b.ToWorkflow()));
    }

    [Fact]
    public void Join_conditions_push_their_one_sided_conjuncts_only_into_the_non_preserved_side()
    {
        var b = new WorkflowBuilder("t");
        var cities = b.Scan(Table("cities"), Cities, "cities");
        var countries = b.Scan(Table("countries"), Countries, "countries");
        var condition = Predicates(b, cities.Id, countries.Id);
        var join = b.Join(cities.Id, countries.Id, JoinKind.Left, condition, WorkflowBuilder.JoinedSuffixOutputs(Cities, Countries), "j");
        b.Sink(join.Id, Table("out"), WriteMode.Replace, "out");
        // Left join: the right-only conjunct filters the right input; the left-only one must stay in ON.
        Assert.Contains("""
            %5 = filter %2 (continent = 'Asia')  // j
            %3 = join[left] %1 %5 on ((country = [1].code) and (population > 5))
            """, After(Pass, b.ToWorkflow()));

        static Expr Predicates(WorkflowBuilder b, int l, int r) => ExprFactory.And(ExprFactory.And(
            ExprFactory.Eq(b.Col(l, "country"), b.Col(r, "code", 1)),
            ExprFactory.Binary(BinaryOp.Greater, b.Col(l, "population"), Int(5))),
            ExprFactory.Eq(b.Col(r, "continent", 1), Literal.String("Asia")));
    }

    [Fact]
    public void Moves_into_every_union_input_with_a_cast_for_a_narrower_type()
    {
        var b = new WorkflowBuilder("t");
        var a = b.Scan(Table("a"), new Schema([new("v", SqlType.Int64)]), "a");
        var c = b.Scan(Table("c"), new Schema([new("v", SqlType.Float64)]), "c");
        var u = b.UnionAll([a.Id, c.Id], "u");
        var f = b.Filter(u.Id, ExprFactory.Binary(BinaryOp.Greater, b.Col(u.Id, "v"), Literal.Float(1.5)), FilterBranch.Match, "f");
        b.Sink(f.Id, Table("out"), WriteMode.Replace, "out");
        Assert.Equal("""
            %1 = scan a  // a
            %2 = scan c  // c
            %6 = filter %1 (cast(v as float64) > 1.5)  // f
            %7 = filter %2 (v > 1.5)  // f
            %3 = union %6 %7  // u
            %5 = sink %3 -> out (replace)  // out
            """, After(Pass, b.ToWorkflow()));
    }

    [Fact]
    public void Moves_below_an_aggregate_only_conjuncts_over_its_keys()
    {
        var b = new WorkflowBuilder("t");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        var agg = b.Aggregate(scan.Id, [b.Keep(scan.Id, "country")], [new AggregateCall("n", AggregateFunction.CountAll, null)], "by_country");
        var f = b.Filter(agg.Id, ExprFactory.And(ExprFactory.Eq(b.Col(agg.Id, "country"), Literal.String("FR")), Gt(b.Col(agg.Id, "n"), 3)), FilterBranch.Match, "f");
        b.Sink(f.Id, Table("out"), WriteMode.Replace, "out");
        Assert.Equal("""
            %1 = scan cities  // cities
            %5 = filter %1 (country = 'FR')  // f
            %2 = aggregate %5 keys [country] aggs [n := count()]  // by_country
            %3 = filter %2 (n > 3)  // f
            %4 = sink %3 -> out (replace)  // out
            """, After(Pass, b.ToWorkflow()));
    }

    [Fact]
    public void Moves_into_the_left_of_a_semi_join_and_the_condition_s_right_conjuncts_into_the_right()
    {
        var b = new WorkflowBuilder("t");
        var cities = b.Scan(Table("cities"), Cities, "cities");
        var countries = b.Scan(Table("countries"), Countries, "countries");
        var semi = b.SemiJoin(cities.Id, countries.Id, ExprFactory.And(
            ExprFactory.Call(Functions.Within, b.Col(cities.Id, "geom"), b.Col(countries.Id, "geom", 1)),
            ExprFactory.Eq(b.Col(countries.Id, "continent", 1), Literal.String("Europe"))), anti: true, "outside_europe");
        var f = b.Filter(semi.Id, Gt(b.Col(semi.Id, "population"), 5), FilterBranch.Match, "f");
        b.Sink(f.Id, Table("out"), WriteMode.Replace, "out");
        Assert.Equal("""
            %1 = scan cities  // cities
            %2 = scan countries  // countries
            %6 = filter %1 (population > 5)  // f
            %7 = filter %2 (continent = 'Europe')  // outside_europe
            %3 = antijoin %6 %7 on st_within(geom, [1].geom)  // outside_europe
            %5 = sink %3 -> out (replace)  // out
            """, After(Pass, Settle(Pass, b.ToWorkflow())));
    }

    [Fact]
    public void Raw_sql_predicates_do_not_move()
    {
        var b = new WorkflowBuilder("t");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        var sort = b.Sort(scan.Id, [new SortKey(b.Col(scan.Id, "id"), false)], "s");
        var f = b.Filter(sort.Id, new RawSql("random() < 0.5", SqlType.Bool), FilterBranch.Match, "sample");
        b.Sink(f.Id, Table("out"), WriteMode.Replace, "out");
        AssertUnchanged(Pass, b.ToWorkflow());
    }

    // A condition of one conjunct is looked at without a list: over one side it still moves, over both it leaves the join as it is.
    [Fact]
    public void A_join_condition_of_one_conjunct_moves_only_when_it_reads_one_side()
    {
        var b = new WorkflowBuilder("t");
        var cities = b.Scan(Table("cities"), Cities, "cities");
        var countries = b.Scan(Table("countries"), Countries, "countries");
        var join = b.Join(cities.Id, countries.Id, JoinKind.Left, ExprFactory.Eq(b.Col(countries.Id, "continent", 1), Literal.String("Asia")),
            WorkflowBuilder.JoinedSuffixOutputs(Cities, Countries), "j");
        b.Sink(join.Id, Table("out"), WriteMode.Replace, "out");
        Assert.Contains("%5 = filter %2 (continent = 'Asia')  // j", After(Pass, b.ToWorkflow()));

        var k = new WorkflowBuilder("t");
        var left = k.Scan(Table("cities"), Cities, "cities");
        var right = k.Scan(Table("countries"), Countries, "countries");
        var keys = k.Join(left.Id, right.Id, JoinKind.Inner, ExprFactory.Eq(k.Col(left.Id, "country"), k.Col(right.Id, "code", 1)),
            WorkflowBuilder.JoinedSuffixOutputs(Cities, Countries), "j");
        k.Sink(keys.Id, Table("out"), WriteMode.Replace, "out");
        var workflow = k.ToWorkflow();
        Assert.Same(workflow, Pass.Run(workflow, OptimizerTarget.Conservative));
    }

    // Left before any conjunct set is built: the pass writes no filter back, not even one with a repeated conjunct.
    [Fact]
    public void A_filter_over_a_step_others_read_is_left_as_it_is()
    {
        var b = new WorkflowBuilder("t");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        var p = b.Project(scan.Id, [b.Keep(scan.Id, "population")], "p");
        var once = b.Filter(p.Id, Gt(b.Col(p.Id, "population"), 5), FilterBranch.Match, "once");
        var twice = b.Filter(p.Id, ExprFactory.And(Gt(b.Col(p.Id, "population"), 1), Gt(b.Col(p.Id, "population"), 1)), FilterBranch.Unmatch, "twice");
        b.Sink(once.Id, Table("a"), WriteMode.Replace, "a");
        b.Sink(twice.Id, Table("b"), WriteMode.Replace, "b");
        var workflow = b.ToWorkflow();
        Assert.Same(workflow, Pass.Run(workflow, OptimizerTarget.Conservative));
    }
}
