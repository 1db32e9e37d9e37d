using Cwf.Ir;
using Cwf.Optimization;
using Cwf.Planning;
using static Cwf.Tests.Optimization.Fixtures;

namespace Cwf.Tests.Planning;

public class PlannerTests
{
    /// <summary>An aggregate read by two outputs, a cheap filter read by two outputs, and one result read twice by one output.</summary>
    private static (Workflow W, int Aggregate, int Cheap, int SelfJoined) Shared()
    {
        var b = new WorkflowBuilder("shared");
        var cities = b.Scan(Table("cities"), Cities, "cities");
        var cheap = b.Filter(cities.Id, ExprFactory.Binary(BinaryOp.Greater, b.Col(cities.Id, "population"), Int(5)), FilterBranch.Match, "big");
        b.Sink(cheap.Id, Table("big1"), WriteMode.Replace, "big1");
        b.Sink(cheap.Id, Table("big2"), WriteMode.Replace, "big2");
        var agg = b.Aggregate(cheap.Id, [b.Keep(cheap.Id, "country")], [new AggregateCall("n", AggregateFunction.CountAll, null)], "per_country");
        b.Sink(agg.Id, Table("a"), WriteMode.Replace, "a");
        var p = b.Project(agg.Id, [b.Keep(agg.Id, "country")], "countries");
        b.Sink(p.Id, Table("b"), WriteMode.Replace, "b");
        var sorted = b.Sort(cities.Id, [new SortKey(b.Col(cities.Id, "id"), false)], "sorted");
        var self = b.Join(sorted.Id, sorted.Id, JoinKind.Inner, ExprFactory.Eq(b.Col(sorted.Id, "id"), b.Col(sorted.Id, "id", 1)), [new JoinOutput(0, "id", "id")], "self");
        b.Sink(self.Id, Table("c"), WriteMode.Replace, "c");
        return (b.ToWorkflow(), agg.Id, cheap.Id, sorted.Id);
    }

    [Fact]
    public void Expensive_results_shared_by_outputs_become_temp_tables_and_cheap_ones_stay_ctes()
    {
        var (w, agg, cheap, sorted) = Shared();
        var plan = Planner.Plan(w, PostgisLike);
        Assert.Equal(Materialization.TempTable, plan.For(agg));
        Assert.Contains("2 output tables", plan.Decisions[agg].Reason);
        Assert.Equal(Materialization.Cte, plan.For(cheap));
        Assert.Contains("cheap", plan.Decisions[cheap].Reason);
        // PostgreSQL computes a CTE read twice in one statement once.
        Assert.Equal(Materialization.Cte, plan.For(sorted));
        Assert.Equal(Materialization.TempTable, Planner.Plan(w, BigQueryLike).For(sorted));
    }

    [Fact]
    public void Each_output_a_shared_result_reaches_counts_once_however_many_paths_lead_to_it()
    {
        var b = new WorkflowBuilder("paths");
        var cities = b.Scan(Table("cities"), Cities, "cities");
        var agg = b.Aggregate(cities.Id, [b.Keep(cities.Id, "country")], [new AggregateCall("n", AggregateFunction.CountAll, null)], "per_country");
        var first = b.Project(agg.Id, [b.Keep(agg.Id, "country")], "first");
        var second = b.Project(agg.Id, [b.Keep(agg.Id, "country"), b.Keep(agg.Id, "n")], "second");
        b.Sink(first.Id, Table("s1"), WriteMode.Replace, "s1");
        b.Sink(first.Id, Table("s2"), WriteMode.Replace, "s2");
        b.Sink(second.Id, Table("s3"), WriteMode.Replace, "s3");
        b.Sink(agg.Id, Table("s4"), WriteMode.Replace, "s4");
        // s5 is reached from the aggregate through both projects.
        var both = b.Join(first.Id, second.Id, JoinKind.Inner, ExprFactory.Eq(b.Col(first.Id, "country"), b.Col(second.Id, "country", 1)), [new JoinOutput(1, "n", "n")], "both");
        b.Sink(both.Id, Table("s5"), WriteMode.Replace, "s5");
        var plan = Planner.Plan(b.ToWorkflow(), PostgisLike);
        Assert.Contains("read by 3 steps feeding 5 output tables", plan.Decisions[agg.Id].Reason);
        Assert.Contains("read by 3 steps feeding 3 output tables", plan.Decisions[first.Id].Reason);
        Assert.Contains("read by 2 steps feeding 2 output tables", plan.Decisions[second.Id].Reason);
        Assert.Equal(Materialization.TempTable, plan.For(agg.Id));
    }

    [Fact]
    public void Falls_back_to_views_then_ctes_when_the_target_lacks_temp_tables()
    {
        var (w, agg, _, _) = Shared();
        Assert.Equal(Materialization.View, Planner.Plan(w, new OptimizerTarget { SupportsViews = true }).For(agg));
        Assert.Equal(Materialization.Cte, Planner.Plan(w, OptimizerTarget.Conservative).For(agg));
    }

    private static Workflow CitiesInCountries(Func<WorkflowBuilder, int, int, Expr> condition, bool semi = false)
    {
        var b = new WorkflowBuilder("w2");
        var cities = b.Scan(Table("cities"), Cities, "cities");
        var countries = b.Scan(Table("countries"), Countries, "countries");
        int id = semi
            ? b.SemiJoin(cities.Id, countries.Id, condition(b, cities.Id, countries.Id), false, "in_a_country").Id
            : b.Join(cities.Id, countries.Id, JoinKind.Inner, condition(b, cities.Id, countries.Id), [new(0, "id", "id"), new(1, "code", "code")], "join").Id;
        b.Sink(id, Table("out"), WriteMode.Replace, "out");
        return b.ToWorkflow();
    }

    [Fact]
    public void Spatial_joins_on_postgis_index_the_container_side_with_exactness_by_predicate()
    {
        var within = Planner.Plan(CitiesInCountries((b, l, r) => ExprFactory.Call(Functions.Within, b.Col(l, "geom"), b.Col(r, "geom", 1))), PostgisLike);
        var plan = Assert.Single(within.SpatialJoins.Values);
        Assert.Equal((1, "geom", "st_within", true, false), (plan.IndexedSide, plan.GeoColumn, plan.Predicate, plan.Subdivide, plan.PiecesAreExact));
        Assert.Contains("ST_Subdivide", plan.Reason);

        var contains = Assert.Single(Planner.Plan(CitiesInCountries((b, l, r) => ExprFactory.Call(Functions.Contains, b.Col(l, "geom"), b.Col(r, "geom", 1))), PostgisLike).SpatialJoins.Values);
        Assert.Equal(0, contains.IndexedSide);

        var intersects = Assert.Single(Planner.Plan(CitiesInCountries((b, l, r) =>
            ExprFactory.Call(Functions.Intersects, b.Col(r, "geom", 1), ExprFactory.Call(Functions.Buffer, b.Col(l, "geom"), Literal.Float(10_000)))), PostgisLike).SpatialJoins.Values);
        Assert.Equal((1, true), (intersects.IndexedSide, intersects.PiecesAreExact));

        var semi = Assert.Single(Planner.Plan(CitiesInCountries((b, l, r) => ExprFactory.Call(Functions.Intersects, b.Col(l, "geom"), b.Col(r, "geom", 1)), semi: true), PostgisLike).SpatialJoins.Values);
        Assert.Equal(1, semi.IndexedSide);
    }

    [Fact]
    public void Warehouses_that_index_spatial_joins_themselves_and_equi_joins_get_no_spatial_plan()
    {
        var w = CitiesInCountries((b, l, r) => ExprFactory.Call(Functions.Within, b.Col(l, "geom"), b.Col(r, "geom", 1)));
        Assert.Empty(Planner.Plan(w, BigQueryLike).SpatialJoins);
        Assert.Empty(Planner.Plan(CitiesInCountries((b, l, r) => ExprFactory.Eq(b.Col(l, "country"), b.Col(r, "code", 1))), PostgisLike).SpatialJoins);
    }
}

public class ExplainerTests
{
    [Fact]
    public void Explains_passes_changes_and_plan_deterministically_without_timings()
    {
        var b = new WorkflowBuilder("explained");
        var cities = b.Scan(Table("cities"), Cities, "cities");
        var f = b.Filter(cities.Id, ExprFactory.Binary(BinaryOp.Greater, b.Col(cities.Id, "population"), ExprFactory.Binary(BinaryOp.Multiply, Int(5), Int(1000))), FilterBranch.Match, "big");
        var countries = b.Scan(Table("countries"), Countries, "countries");
        var join = b.Join(f.Id, countries.Id, JoinKind.Inner, ExprFactory.Call(Functions.Within, b.Col(f.Id, "geom"), b.Col(countries.Id, "geom", 1)),
            WorkflowBuilder.JoinedSuffixOutputs(Cities, Countries), "join");
        var agg = b.Aggregate(join.Id, [b.Keep(join.Id, "code_joined")], [new AggregateCall("n", AggregateFunction.CountAll, null)], "per_country");
        b.Sink(agg.Id, Table("out"), WriteMode.Replace, "out");
        var options = new OptimizerOptions { Target = PostgisLike, RecordIr = true, VerifyEachPass = true };
        var result = PassManager.Optimize(b.ToWorkflow(), options);
        var text = Explainer.Explain(result, Planner.Plan(result.Optimized, PostgisLike), PostgisLike, timings: false);
        Assert.Equal(text, Explainer.Explain(result, Planner.Plan(result.Optimized, PostgisLike), PostgisLike, timings: false));
        Assert.DoesNotContain(" ms", text);
        Assert.StartsWith("workflow \"explained\" for postgis-like\n\n== optimizer: 2 rounds, fixed point reached\n  1  dead-step-elimination        -\n  1  constant-folding             changed\n", text);
        Assert.Contains("""
            round 1, constant-folding:
              - %2 = filter %1 (population > (5 * 1000))  // big
                : (id: int64 not null, name: string, population: int64, country: string, geom: geography)
              + %2 = filter %1 (population > 5000)  // big
                : (id: int64 not null, name: string, population: int64, country: string, geom: geography)
            """, text);
        Assert.Contains("""
            round 1, projection-pruning:
              - %1 = scan cities  // cities
                : (id: int64 not null, name: string, population: int64, country: string, geom: geography)
              + %1 = scan cities  // cities
                : (population: int64, geom: geography)
              - %2 = filter %1 (population > 5000)  // big
            """, text);
        Assert.Contains("%4 join: spatial join through an indexed right input (geom, subdivided)", text);
        Assert.EndsWith("every other step: CTE\n", text);
    }
}
