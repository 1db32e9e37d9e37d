using Cwf.Emit;
using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Planning;
using Cwf.Tests.Infrastructure;
using Cwf.Tests.Interpretation;

namespace Cwf.Tests.Emit.Nearest;

/// <summary>
/// Nearest neighbours on PostGIS: the indexed LATERAL plan, the ranked join every other warehouse
/// runs, and the reference interpreter give the same rows (ties on the grid included).
/// </summary>
[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public sealed class NearestExecutionTests(PostgresServer server)
{
    private static readonly Dialect Postgres = Dialects.Find("postgres")!;

    /// <summary>Distances within 1e-6 relative: PostGIS and the interpreter compute the same geodesic with other code.</summary>
    private static readonly RowSetComparison Comparison = new() { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-6, GeometryTolerance = 1e-9 };

    private static string Emit(Workflow workflow, MaterializationPlan plan)
    {
        var emitted = SqlEmitter.Emit(workflow, Postgres, new EmitOptions { Plan = plan });
        Assert.True(emitted.Succeeded, string.Join("\n", emitted.Diagnostics));
        return emitted.Sql!;
    }

    private static async Task<Dictionary<string, RowSet>> RunAsync(PgDatabase db, string sql)
    {
        (await db.RunPsqlAsync(sql)).EnsureSucceeded();
        var tables = new Dictionary<string, RowSet>();
        foreach (var table in NearestData.Outputs) tables[table] = await db.ReadTableAsync(table);
        return tables;
    }

    [Fact]
    public async Task The_indexed_plan_the_ranked_join_and_the_interpreter_agree()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.LoadTableAsync(NearestData.Customers());
        await db.LoadTableAsync(NearestData.Shops());
        var workflow = NearestData.Workflow();

        var plan = Planner.Plan(workflow, Postgres.OptimizerTarget);
        Assert.Equal(4, plan.SpatialJoins.Count);
        var planned = Emit(workflow, plan);
        Assert.Contains("<->", planned);
        var ranked = Emit(workflow, MaterializationPlan.AllCte);
        Assert.Contains("ROW_NUMBER() OVER (PARTITION BY", ranked);

        var indexed = await RunAsync(db, planned);
        var plain = await RunAsync(db, ranked);
        var interpreted = Interpreter.Run(workflow, NearestData.Inputs());
        Assert.False(interpreted.Diagnostics.Any(d => d.IsError), string.Join("\n", interpreted.Diagnostics));
        var problems = new List<string>();
        foreach (var table in NearestData.Outputs)
        {
            var expected = interpreted.Outputs[table].ToRowSet();
            if (expected.Count == 0) problems.Add($"{table}: no rows, the comparison proves nothing");
            if (Comparison.Differences(expected, indexed[table]) is { } a) problems.Add($"{table}: the indexed plan differs from the interpreter:\n{a}");
            if (Comparison.Differences(expected, plain[table]) is { } b) problems.Add($"{table}: the ranked join differs from the interpreter:\n{b}");
        }
        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
    }
}
