using Cwf.Ir;
using Cwf.Optimization.Passes;
using static Cwf.Tests.Optimization.Fixtures;

namespace Cwf.Tests.Optimization;

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
