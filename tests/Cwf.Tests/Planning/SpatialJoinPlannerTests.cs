using Cwf.Ir;
using Cwf.Planning;
using static Cwf.Tests.Optimization.Fixtures;

namespace Cwf.Tests.Planning;

/// <summary>Which spatial joins get an indexed side, which side, and what the plan tells the backend.</summary>
public class SpatialJoinPlannerTests
{
    private delegate Expr Condition(Func<string, Expr> city, Func<string, Expr> country);

    /// <summary>cities JOIN countries (countries on the left with <paramref name="countriesLeft"/>); <paramref name="probe"/> shapes the cities first.</summary>
    private static Workflow Join(Condition condition, JoinKind kind = JoinKind.Inner, bool countriesLeft = false, Func<WorkflowBuilder, int, int>? probe = null)
    {
        var b = new WorkflowBuilder("w");
        int cities = b.Scan(Table("cities"), Cities, "cities").Id;
        if (probe is not null) cities = probe(b, cities);
        var countries = b.Scan(Table("countries"), Countries, "countries");
        int citySide = countriesLeft ? 1 : 0;
        var expr = condition(n => b.Col(cities, n, citySide), n => b.Col(countries.Id, n, 1 - citySide));
        var join = countriesLeft
            ? b.Join(countries.Id, cities, kind, expr, [new(0, "code", "code"), new(1, "id", "id")], "join")
            : b.Join(cities, countries.Id, kind, expr, [new(0, "id", "id"), new(1, "code", "code")], "join");
        b.Sink(join.Id, Table("out"), WriteMode.Replace, "out");
        return b.ToWorkflow();
    }

    private static SpatialJoinPlan? Only(Workflow w) => Planner.Plan(w, PostgisLike).SpatialJoins.Values.SingleOrDefault();

    private static Expr Within(Expr a, Expr b) => ExprFactory.Call(Functions.Within, a, b);
    private static Expr Contains(Expr a, Expr b) => ExprFactory.Call(Functions.Contains, a, b);
    private static Expr Intersects(Expr a, Expr b) => ExprFactory.Call(Functions.Intersects, a, b);

    [Fact]
    public void An_outer_join_indexes_only_the_side_it_does_not_keep()
    {
        Assert.Equal(1, Only(Join((c, k) => Within(c("geom"), k("geom")), JoinKind.Left))!.IndexedSide);
        // The container is on the left, but a left join keeps every left row: no plan.
        Assert.Null(Only(Join((c, k) => Contains(k("geom"), c("geom")), JoinKind.Left, countriesLeft: true)));
        Assert.Equal(0, Only(Join((c, k) => Contains(k("geom"), c("geom")), JoinKind.Right, countriesLeft: true))!.IndexedSide);
        // Symmetric predicates follow the kept side.
        Assert.Equal(0, Only(Join((c, k) => Intersects(c("geom"), k("geom")), JoinKind.Right, countriesLeft: true))!.IndexedSide);
        Assert.Null(Only(Join((c, k) => Within(c("geom"), k("geom")), JoinKind.Full)));
        Assert.Contains("left join", Only(Join((c, k) => Within(c("geom"), k("geom")), JoinKind.Left))!.Reason);
    }

    [Fact]
    public void A_symmetric_predicate_indexes_the_left_column_when_the_right_argument_is_an_expression()
    {
        var plan = Only(Join((c, k) => Intersects(c("geom"), ExprFactory.Call(Functions.Buffer, k("geom"), Literal.Float(100)))))!;
        Assert.Equal((0, 0, "geom"), (plan.IndexedSide, plan.GeoArgument, plan.GeoColumn));
    }

    [Fact]
    public void The_plan_names_the_conjunct_it_serves_and_what_a_piece_decides()
    {
        var touches = Only(Join((c, k) => ExprFactory.And(
            ExprFactory.Binary(BinaryOp.Greater, c("population"), Int(10)),
            ExprFactory.Call(Functions.Touches, c("geom"), k("geom")))))!;
        Assert.Equal(Functions.Touches, touches.Conjunct.Function);
        Assert.Equal(1, touches.GeoArgument);
        Assert.False(touches.PiecesAreExact);
        Assert.False(touches.PieceImpliesMatch);

        var within = Only(Join((c, k) => Within(c("geom"), k("geom"))))!;
        Assert.Equal((false, true), (within.PiecesAreExact, within.PieceImpliesMatch));
        var dwithin = Only(Join((c, k) => ExprFactory.Call(Functions.DWithin, k("geom"), c("geom"), Literal.Float(10))))!;
        Assert.Equal((0, true, true), (dwithin.GeoArgument, dwithin.PiecesAreExact, dwithin.PieceImpliesMatch));
    }

    [Fact]
    public void A_probe_of_a_few_rows_does_not_pay_for_an_index()
    {
        Assert.Null(Only(Join((c, k) => Within(c("geom"), k("geom")), probe: (b, id) => b.Limit(id, Int(5), "first five").Id)));
        Assert.Null(Only(Join((c, k) => Within(c("geom"), k("geom")),
            probe: (b, id) => b.Filter(b.Limit(id, Int(Planner.TinyProbeRows), "few").Id, ExprFactory.IsNull(b.Col(id, "geom"), true), FilterBranch.Match, "located").Id)));
        Assert.NotNull(Only(Join((c, k) => Within(c("geom"), k("geom")), probe: (b, id) => b.Limit(id, Int(1000), "many").Id)));
    }

    [Fact]
    public void No_plan_when_the_probe_would_read_the_indexed_side_or_is_not_deterministic()
    {
        // The distance comes from the indexed side: the index cannot be probed with it.
        Assert.Null(Only(Join((c, k) => ExprFactory.Call(Functions.DWithin, c("geom"), k("geom"), ExprFactory.Cast(k("code"), SqlType.Float64)))));
        var random = new RawSql("random()", SqlType.Float64);
        Assert.Null(Only(Join((c, k) => ExprFactory.Call(Functions.Intersects, ExprFactory.Call(Functions.Buffer, c("geom"), random), k("geom")))));
    }
}
