namespace Cwf.Tests.Infrastructure;

[EngineTest(Engine.DuckDb)]
public sealed class DuckDbRunnerTests
{
    [Fact]
    public void A_table_round_trips_through_a_script()
    {
        using var duck = new DuckDbRunner();
        duck.LoadTable(TestTable.Create(
            "raw.trips",
            "id int64, fare float64, tip decimal, zone string, paid bool, day date, pickup_at timestamp, pickup geography",
            [1, 10.5, 1.25m, "Queens", true, new DateOnly(2024, 3, 1), new DateTime(2024, 3, 1, 8, 30, 0), "POINT (-73.9 40.7)"],
            [2, null, null, null, null, null, null, null]));

        duck.RunScript("""
            CREATE SCHEMA IF NOT EXISTS out;
            CREATE OR REPLACE TABLE out.trips AS
            SELECT id, fare * 2 AS fare, tip, lower(zone) AS zone, paid, day, pickup_at, pickup FROM raw.trips;
            """).EnsureSucceeded();

        var expected = RowSet.Of(
            ["id", "fare", "tip", "zone", "paid", "day", "pickup_at", "pickup"],
            [1, 21.0, 1.25m, "queens", true, new DateOnly(2024, 3, 1), new DateTime(2024, 3, 1, 8, 30, 0), RowSet.Geo("POINT (-73.9 40.7)")],
            [2, null, null, null, null, null, null, null]);
        RowSetAssert.Equal(expected, duck.ReadTable("out.trips", "pickup"));
    }

    [Fact]
    public void A_failing_statement_is_reported_not_thrown()
    {
        using var duck = new DuckDbRunner();

        var result = duck.RunScript("CREATE TABLE a (x INT); SELECT missing FROM a;");

        Assert.False(result.Succeeded);
        Assert.Contains("missing", result.Error);
        Assert.Throws<Xunit.Sdk.XunitException>(() => result.EnsureSucceeded());
    }
}
