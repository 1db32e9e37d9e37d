using Cwf.Tests.Checks;
using Cwf.Tests.Infrastructure;
using static Cwf.Tests.Cli.CliRunner;

namespace Cwf.Tests.Cli;

/// <summary>Data checks on the command line: `cwf run` reports each and exits with 4 when one fails, `cwf check` lists them.</summary>
public class CheckCliTests
{
    private static string Program(string directory, string asserts)
    {
        var path = Path.Combine(directory, "orders.cwf");
        File.WriteAllText(path, CheckData.Program(asserts));
        File.WriteAllText(Path.Combine(directory, "src.orders.csv"), """
            order_id,customer_id,status,amount
            1,10,open,5.0
            2,10,closed,7.5
            3,11,open,
            3,12,void,-1.0
            4,,,2.0
            """.ReplaceLineEndings("\n"));
        return path;
    }

    [Fact]
    public void Run_reports_each_check_and_a_passing_run_writes_the_outputs()
    {
        var directory = Directory.CreateTempSubdirectory("cwf-checks-").FullName;
        var program = Program(directory, "assert all_orders unique(order_id, customer_id)\nassert all_orders rows between 1 and 10");
        var r = Run("run", program, "--data", directory, "--out", Path.Combine(directory, "out"));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("check all_orders.unique(order_id, customer_id): passed\ncheck all_orders.rows between 1 and 10: passed\n", r.Error.ReplaceLineEndings("\n"));
        Assert.True(File.Exists(Path.Combine(directory, "out", "out.orders.csv")));
    }

    [Fact]
    public void A_failing_check_exits_with_4_and_writes_nothing()
    {
        var directory = Directory.CreateTempSubdirectory("cwf-checks-").FullName;
        var program = Program(directory, "assert all_orders unique(order_id)\nassert all_orders not_null(order_id)");
        var r = Run("run", program, "--data", directory, "--out", Path.Combine(directory, "out"));
        Assert.Equal(4, r.ExitCode);
        Assert.Contains("error CWF7700: check all_orders.unique(order_id) failed: 2 rows", r.Error);
        Assert.Contains("check all_orders.unique(order_id): failed (2 rows)", r.Error);
        Assert.Contains("check all_orders.not_null(order_id): passed", r.Error);
        Assert.Contains("nothing was written: a data check failed", r.Error);
        Assert.False(Directory.Exists(Path.Combine(directory, "out")));
    }

    [Fact]
    public void Check_lists_the_checks_after_the_diagnostics()
    {
        var directory = Directory.CreateTempSubdirectory("cwf-checks-").FullName;
        var program = Program(directory, "assert all_orders unique(order_id)\nassert table \"out.orders\" rows between 1 and 10");
        var r = Run("check", program);
        Assert.Equal(0, r.ExitCode);
        Assert.EndsWith("no problems found\ncheck all_orders.unique(order_id)\ncheck out.orders.rows between 1 and 10\n", r.Output.ReplaceLineEndings("\n"));
        // The JSON report stays JSON.
        var json = Run("check", program, "--format", "json").Output;
        Assert.DoesNotContain("check all_orders", json);
        System.Text.Json.JsonDocument.Parse(json).Dispose();
    }
}

/// <summary>`cwf run --connection`: a failing check stops the script on the server, exit code 4, nothing written.</summary>
[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public class CheckCliPostgresTests(PostgresServer server)
{
    [Fact]
    public async Task A_failing_check_on_the_server_exits_with_4_and_rolls_back()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.LoadTableAsync(CheckData.Orders());
        var path = Path.Combine(Directory.CreateTempSubdirectory("cwf-checks-").FullName, "orders.cwf");
        File.WriteAllText(path, CheckData.Program("assert all_orders rows between 1 and 10\nassert all_orders expression amount >= 0"));
        var r = Run("run", path, "--connection", db.ConnectionString);
        Assert.Equal(4, r.ExitCode);
        Assert.Contains("check all_orders.expression amount >= 0 failed: 1 rows", r.Error);
        Assert.Contains("nothing was written: a data check failed", r.Error);
        Assert.False(await db.TableExistsAsync("out.orders"));
    }

    [Fact]
    public async Task Passing_checks_on_the_server_are_reported()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.LoadTableAsync(CheckData.Orders());
        var path = Path.Combine(Directory.CreateTempSubdirectory("cwf-checks-").FullName, "orders.cwf");
        File.WriteAllText(path, CheckData.Program("assert all_orders rows between 1 and 10"));
        var r = Run("run", path, "--connection", db.ConnectionString);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("check all_orders.rows between 1 and 10: passed", r.Error);
        Assert.True(await db.TableExistsAsync("out.orders"));
    }
}
