using System.Text.RegularExpressions;
using Cwf.Tests.Infrastructure;
using static Cwf.Tests.Conformance.PgRun;

namespace Cwf.Tests.Conformance;

/// <summary>
/// Contract 5a.7, API mode: <c>--emit procedure</c> turns public variables into procedure arguments
/// (defaulting to their values) while other variables are inlined; <c>--emit script</c> inlines all.
/// Run with psql on PostgreSQL and called with and without arguments.
/// </summary>
[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public sealed class ProcedureTests(PostgresServer server)
{
    private static ProductCanvas Build()
    {
        var c = new ProductCanvas("Stores over a threshold")
            .Variable("min_revenue", "Number", 900, isPublic: true)
            .Variable("label", "String", "it's big", isPublic: true)
            .Variable("district", "Number", 1);
        var stores = c.Source("src.stores", "Stores");
        var where = c.Add("native.where", "Over threshold", ("expression", "revenue > @min_revenue AND district_id = @district"));
        c.Connect(stores, where);
        var tag = c.Add("native.selectexpression", "Tag", ("column", "tag"), ("expression", "@label"));
        c.Connect(where, tag);
        c.Save(tag, "out.big_stores");
        return c;
    }

    private static async Task<PgDatabase> Database(PostgresServer server)
    {
        var db = await server.CreateDatabaseAsync("procedure");
        await LoadAsync(db, CityData.All);
        return db;
    }

    [Fact]
    public async Task Public_variables_become_arguments_with_their_values_as_defaults()
    {
        await using var db = await Database(server);
        var script = CwfCli.Compile(Build(), "postgres", CwfCli.Catalog(CityData.All), "--emit", "procedure").Sql;
        var call = Regex.Match(script, @"CALL ([A-Za-z0-9_.""]+)\(").Groups[1].Value;
        Assert.NotEqual("", call);
        (await db.RunPsqlAsync(script)).EnsureSucceeded();
        Assert.False(await db.TableExistsAsync("out.big_stores"), "creating the procedure should not write the table");

        (await db.RunPsqlAsync($"CALL {call}();")).EnsureSucceeded();
        Exact.AssertEqual(Rows("store_id, tag", [1L, "it's big"], [2L, "it's big"]), await db.QueryAsync("SELECT store_id, tag FROM out.big_stores"));

        (await db.RunPsqlAsync($"CALL {call}(1500, 'any');")).EnsureSucceeded();
        Exact.AssertEqual(Rows("store_id, tag", [2L, "any"]), await db.QueryAsync("SELECT store_id, tag FROM out.big_stores"));
    }

    [Fact]
    public async Task Script_inlines_every_variable()
    {
        await using var db = await Database(server);
        await CompileAndRunAsync(db, Build(), CwfCli.Catalog(CityData.All), "--emit", "script");
        Exact.AssertEqual(Rows("store_id, tag", [1L, "it's big"], [2L, "it's big"]), await db.QueryAsync("SELECT store_id, tag FROM out.big_stores"));
    }
}
