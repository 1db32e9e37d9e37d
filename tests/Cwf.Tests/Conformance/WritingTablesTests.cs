using System.Text.RegularExpressions;
using Cwf.Tests.Infrastructure;
using static Cwf.Tests.Conformance.PgRun;

namespace Cwf.Tests.Conformance;

/// <summary>
/// Contract 5a.13 and 5b on PostgreSQL: replace is DROP + CREATE TABLE AS inside one transaction,
/// append is INSERT INTO ... SELECT into an existing table, the destination schema may already exist,
/// geo columns are written as <c>geometry(Geometry,4326)</c>, and the script runs with
/// <c>psql -v ON_ERROR_STOP=1</c> (again and again).
/// </summary>
[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public sealed class WritingTablesTests(PostgresServer server)
{
    private static readonly System.Text.Json.Nodes.JsonObject Catalog = CwfCli.Catalog(CityData.All);

    private static ProductCanvas Chain(string destination, bool append, string select = "store_id, name, geom")
    {
        var c = new ProductCanvas($"Write {destination}");
        var stores = c.Source("src.stores", "Stores");
        var pick = c.Add("native.select", "Pick", ("select", select));
        c.Connect(stores, pick, "table");
        var first = c.Add("native.where", "First two", ("expression", "store_id <= 2"));
        c.Connect(pick, first);
        c.Save(first, destination, append);
        return c;
    }

    private async Task<PgDatabase> Database()
    {
        var db = await server.CreateDatabaseAsync("writing");
        await LoadAsync(db, CityData.All);
        return db;
    }

    private static async Task Run(PgDatabase db, string script)
    {
        var run = await db.RunPsqlAsync(script);
        if (!run.Succeeded) throw new Xunit.Sdk.XunitException($"psql failed:\n{run.StandardError}\nscript:\n{script}");
    }

    [Fact]
    public async Task Append_inserts_into_an_existing_table_every_time_the_script_runs()
    {
        await using var db = await Database();
        await db.ExecuteAsync("CREATE SCHEMA out; CREATE TABLE out.visits (store_id bigint, name text, geom geometry(Geometry,4326)); " +
            "INSERT INTO out.visits VALUES (99, 'Existing', NULL)");
        var script = CwfCli.Compile(Chain("out.visits", append: true), "postgres", Catalog).Sql;
        Assert.Contains("INSERT INTO", script);
        Assert.DoesNotContain("DROP TABLE", script);
        await Run(db, script);
        await Run(db, script);
        Exact.AssertEqual(Rows("store_id, name", [99L, "Existing"], [1L, "Alpha"], [2L, "Beta"], [1L, "Alpha"], [2L, "Beta"]),
            await db.QueryAsync("SELECT store_id, name FROM out.visits"));
        Exact.AssertEqual(Rows("store_id, geom", [1L, RowSet.Geo("POINT (0.5 0.5)")]),
            await db.QueryAsync("SELECT DISTINCT store_id, geom FROM out.visits WHERE store_id = 1"));
    }

    [Fact]
    public async Task Append_matches_an_existing_tables_columns_by_name()
    {
        await using var db = await Database();
        await db.ExecuteAsync("CREATE SCHEMA out; CREATE TABLE out.visits (name text, geom geometry(Geometry,4326), store_id bigint)");
        await Run(db, CwfCli.Compile(Chain("out.visits", append: true), "postgres", Catalog).Sql);
        Exact.AssertEqual(Rows("store_id, name", [1L, "Alpha"], [2L, "Beta"]), await db.QueryAsync("SELECT store_id, name FROM out.visits"));
    }

    [Fact]
    public async Task Append_creates_the_table_when_it_does_not_exist_yet()
    {
        await using var db = await Database();
        var script = CwfCli.Compile(Chain("fresh.visits", append: true), "postgres", Catalog).Sql;
        await Run(db, script);
        await Run(db, script);
        await AssertColumnsAsync(db, "fresh.visits", "store_id bigint, name text, geom geometry");
        Assert.Equal(4, (await db.ReadTableAsync("fresh.visits")).Count);
        Exact.AssertEqual(Rows("type, srid", ["GEOMETRY", 4326]),
            await db.QueryAsync("SELECT type, srid FROM geometry_columns WHERE f_table_schema = 'fresh' AND f_table_name = 'visits'"));
    }

    [Fact]
    public async Task Replace_drops_an_existing_table_of_other_columns_in_a_schema_that_already_exists()
    {
        await using var db = await Database();
        await db.ExecuteAsync("CREATE SCHEMA out; CREATE TABLE out.other (x int); CREATE TABLE out.visits (visit_id int, note text); " +
            "INSERT INTO out.visits VALUES (1, 'old')");
        var script = CwfCli.Compile(Chain("out.visits", append: false), "postgres", Catalog).Sql;
        Assert.DoesNotMatch(new Regex(@"CREATE SCHEMA (?!IF NOT EXISTS)", RegexOptions.IgnoreCase), script);
        Assert.Contains("DROP TABLE IF EXISTS", script);
        await Run(db, script);
        await Run(db, script);
        await AssertColumnsAsync(db, "out.visits", "store_id bigint, name text, geom geometry");
        Exact.AssertEqual(Rows("store_id", [1L], [2L]), await db.QueryAsync("SELECT store_id FROM out.visits"));
        Assert.True(await db.TableExistsAsync("out.other"));
        Exact.AssertEqual(Rows("type, srid", ["GEOMETRY", 4326]),
            await db.QueryAsync("SELECT type, srid FROM geometry_columns WHERE f_table_schema = 'out' AND f_table_name = 'visits'"));
    }

    [Fact]
    public async Task Replace_happens_in_one_transaction_so_a_failing_script_keeps_the_old_table()
    {
        await using var db = await Database();
        await db.ExecuteAsync("CREATE SCHEMA out; CREATE TABLE out.ratios (store_id bigint, ratio double precision); INSERT INTO out.ratios VALUES (7, 0.5)");
        var c = new ProductCanvas("Failing write");
        var stores = c.Source("src.stores", "Stores");
        var sql = c.Add("native.customsql", "Divide by zero", ("sql", "SELECT store_id, 1.0 / (store_id - store_id) AS ratio FROM $a"));
        c.Connect(stores, sql, "sourcea");
        c.Save(sql, "out.ratios");
        var script = CwfCli.Compile(c, "postgres", Catalog).Sql;
        var run = await db.RunPsqlAsync(script);
        Assert.False(run.Succeeded, "the script should stop on the division by zero");
        Exact.AssertEqual(Rows("store_id, ratio", [7L, 0.5]), await db.ReadTableAsync("out.ratios"));
    }

    [Fact]
    public async Task Several_outputs_into_several_schemas_in_one_script()
    {
        await using var db = await Database();
        await db.ExecuteAsync("CREATE SCHEMA a");
        var c = new ProductCanvas("Two schemas");
        var stores = c.Source("src.stores", "Stores");
        var distinct = c.Add("native.distinct", "Unique");
        c.Connect(stores, distinct);
        c.Save(distinct, "a.copy");
        c.Save(distinct, "b.copy", append: true, label: "Append copy");
        await Run(db, CwfCli.Compile(c, "postgres", Catalog).Sql);
        Assert.Equal(5, (await db.ReadTableAsync("a.copy")).Count);
        Assert.Equal(5, (await db.ReadTableAsync("b.copy")).Count);
    }
}
