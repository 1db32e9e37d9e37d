using Cwf.Tests.Infrastructure;
using static Cwf.Tests.Cli.CliRunner;

namespace Cwf.Tests.Cli;

/// <summary>The README's main job for real: `cwf compile ... --dialect postgres | psql`, and `cwf run --connection`.</summary>
[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public class CliPostgresTests(PostgresServer server)
{
    private static readonly TestTable Schools = TestTable.Create("src.schools", "school_id int64, name string, students int64, geom geography",
        [1, "North", 800, "POINT (13.4 52.5)"], [2, "South", 120, "POINT (13.5 52.4)"], [3, "East", null, "POINT (13.6 52.5)"], [4, "West", 501, null]);

    [Fact]
    public async Task Compiled_script_creates_the_output_table_through_psql()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.LoadTableAsync(Schools);
        var compiled = Run("compile", Example("school_buffers.cwf"), "--dialect", "postgres");
        Assert.Equal(0, compiled.ExitCode);
        (await db.RunPsqlAsync(compiled.Output)).EnsureSucceeded();
        var rows = await db.QueryAsync("SELECT school_id, ST_SRID(geom_buffer) AS srid, GeometryType(geom_buffer) AS kind FROM out.large_school_zones");
        RowSetAssert.Equal(RowSet.Of(["school_id", "srid", "kind"], [1, 4326, "POLYGON"], [4, null, null]), rows);
    }

    [Fact]
    public async Task Run_on_a_connection_executes_the_script_and_reports_rows()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.LoadTableAsync(Schools);
        var r = Run("run", Example("school_buffers.cwf"), "--connection", db.ConnectionString);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("wrote out.large_school_zones: 2 rows (replace)", r.Error);
        Assert.Matches(@"\[\d+/\d+\] CREATE TABLE", r.Error);
        Assert.True(await db.TableExistsAsync("out.large_school_zones"));
    }

    [Fact]
    public async Task Run_on_a_connection_reports_a_failing_statement()
    {
        await using var db = await server.CreateDatabaseAsync();
        var r = Run("run", Example("school_buffers.cwf"), "--connection", db.ConnectionString);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("the server rejected the statement", r.Error);
        Assert.False(await db.TableExistsAsync("out.large_school_zones"));
    }
}
