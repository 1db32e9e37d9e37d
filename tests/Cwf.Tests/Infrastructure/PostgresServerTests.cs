namespace Cwf.Tests.Infrastructure;

[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public sealed class PostgresServerTests(PostgresServer server)
{
    private static TestTable Schools() => TestTable.Create(
        "raw.schools",
        "id int64, name string, pupils float64, budget decimal, open bool, founded date, updated timestamp, geom geography",
        [1L, "O'Brien Primary", 412.5, 1000.25m, true, new DateOnly(1901, 9, 1), new DateTime(2024, 1, 2, 3, 4, 5), "POINT (-73.98 40.75)"],
        [2L, null, null, null, null, null, null, null],
        [3L, "Riverside; \"High\"", 1e-3, 0m, false, new DateOnly(2000, 2, 29), new DateTime(2024, 12, 31, 23, 59, 59), "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"]);

    [Fact]
    public async Task A_table_round_trips_through_psql()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.LoadTableAsync(Schools());

        var psql = await db.RunPsqlAsync("""
            DROP TABLE IF EXISTS public.out;
            CREATE TABLE public.out AS
            SELECT id, upper(name) AS name, pupils * 2 AS pupils, budget, open, founded, updated, geom
            FROM raw.schools;
            """);

        psql.EnsureSucceeded();
        var expected = RowSet.Of(
            ["id", "name", "pupils", "budget", "open", "founded", "updated", "geom"],
            [1, "O'BRIEN PRIMARY", 825.0, 1000.25m, true, new DateOnly(1901, 9, 1), new DateTime(2024, 1, 2, 3, 4, 5), RowSet.Geo("POINT (-73.98 40.75)")],
            [2, null, null, null, null, null, null, null],
            [3, "RIVERSIDE; \"HIGH\"", 2e-3, 0, false, new DateOnly(2000, 2, 29), new DateTime(2024, 12, 31, 23, 59, 59), RowSet.Geo("POLYGON ((0 1, 1 1, 1 0, 0 0, 0 1))")]);
        RowSetAssert.Equal(expected, await db.ReadTableAsync("out"));
    }

    [Fact]
    public async Task Geography_columns_are_stored_as_geometry_with_srid_4326()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.LoadTableAsync(Schools());

        var type = await db.QueryAsync("""
            SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute
            WHERE attrelid = 'raw.schools'::regclass AND attname = 'geom'
            """);

        RowSetAssert.Equal(RowSet.Of(["type"], ["geometry(Geometry,4326)"]), type);
        RowSetAssert.Equal(RowSet.Of(["srid"], [4326]), await db.QueryAsync("SELECT DISTINCT ST_SRID(geom) AS srid FROM raw.schools WHERE geom IS NOT NULL"));
    }

    [Fact]
    public async Task PostGIS_geodesic_functions_work_in_a_fresh_database()
    {
        await using var db = await server.CreateDatabaseAsync();

        var area = await db.QueryAsync("SELECT ST_Area(ST_Buffer(ST_GeomFromText('POINT(0 0)', 4326)::geography, 100)) AS area");

        // A 100 m buffer: pi * 100^2 square meters, less the segment approximation of the circle (under 1%).
        RowSetAssert.Equal(RowSet.Of(["area"], [Math.PI * 100 * 100]), area, new RowSetComparison { RelativeTolerance = 0.01 });
    }

    [Fact]
    public async Task A_failing_statement_stops_psql_with_its_error()
    {
        await using var db = await server.CreateDatabaseAsync();

        var psql = await db.RunPsqlAsync("""
            CREATE TABLE first (a int);
            SELECT no_such_column FROM first;
            CREATE TABLE never (a int);
            """);

        Assert.False(psql.Succeeded);
        Assert.Equal(3, psql.ExitCode);
        Assert.Contains("no_such_column", psql.StandardError);
        Assert.True(await db.TableExistsAsync("first"));
        Assert.False(await db.TableExistsAsync("never"));
        Assert.Throws<Xunit.Sdk.XunitException>(() => psql.EnsureSucceeded());
    }

    [Fact]
    public async Task Each_test_database_is_isolated_and_dropped()
    {
        string name;
        await using (var one = await server.CreateDatabaseAsync())
        {
            name = one.Name;
            await using var two = await server.CreateDatabaseAsync();
            await one.ExecuteAsync("CREATE TABLE only_here (a int)");

            Assert.True(await one.TableExistsAsync("only_here"));
            Assert.False(await two.TableExistsAsync("only_here"));
            Assert.NotEqual(one.Name, two.Name);
        }

        await using var other = await server.CreateDatabaseAsync();
        var left = await other.QueryAsync($"SELECT count(*) AS n FROM pg_database WHERE datname = '{name}'");
        RowSetAssert.Equal(RowSet.Of(["n"], [0]), left);
    }

    [Fact]
    public async Task Loading_a_value_of_the_wrong_type_names_the_row_and_column()
    {
        await using var db = await server.CreateDatabaseAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            db.LoadTableAsync(TestTable.Create("t", "id int64, geom geography", [1, "POINT (1 2)"], [2, "not wkt"])));

        Assert.Contains("Row 1, column geom", error.Message);
    }
}
