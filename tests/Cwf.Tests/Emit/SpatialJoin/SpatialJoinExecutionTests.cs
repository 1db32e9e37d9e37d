using Cwf.Emit;
using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Planning;
using Cwf.Tests.Infrastructure;
using Cwf.Tests.Interpretation;
using static Cwf.Tests.Emit.SpatialJoin.SpatialJoinData;

namespace Cwf.Tests.Emit.SpatialJoin;

/// <summary>
/// Planned spatial joins on PostGIS give exactly the rows of the plain join: same rows, same
/// multiplicities, for every predicate, join kind and probe shape, on zones cut into pieces of at
/// most five vertices (so that most probes meet a cut) and at the planner's default. On valid zones
/// both also equal the reference interpreter's rows.
/// </summary>
[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public sealed class SpatialJoinExecutionTests(PostgresServer server)
{
    private const int SmallPieces = 5;

    private sealed record Loaded(PgDatabase Db, TestTable Cities, TestTable Zones, int CutPoints) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Db.DisposeAsync();
    }

    private async Task<Loaded> LoadAsync(IReadOnlyList<object?[]> zoneRows, int maxVertices = SmallPieces, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var db = await server.CreateDatabaseAsync(test);
        var zones = Zones(zoneRows);
        await LoadWithEmptiesAsync(db, zones);
        var cut = await db.QueryAsync(CutPointsQuery(maxVertices));
        var cities = Cities(cut.Rows.Select(r => (string)r[0]!));
        await LoadWithEmptiesAsync(db, cities);
        return new Loaded(db, cities, zones, cut.Count);
    }

    /// <summary>Loads the table; empty geometries (which binary COPY cannot carry) are set afterwards by the key in the first column.</summary>
    private static async Task LoadWithEmptiesAsync(PgDatabase db, TestTable table)
    {
        bool IsEmpty(object? cell) => cell is string wkt && wkt.EndsWith("EMPTY", StringComparison.Ordinal);
        var geo = table.Schema.Columns.Count - 1;
        await db.LoadTableAsync(table with { Rows = [.. table.Rows.Select(r => IsEmpty(r[geo]) ? [.. r.Take(geo), null] : r)] });
        var key = table.Schema.Columns[0].Name;
        foreach (var row in table.Rows.Where(r => IsEmpty(r[geo])))
            await db.ExecuteAsync($"UPDATE {table.Name} SET geom = ST_GeomFromText('{row[geo]}', 4326) WHERE {key} = {row[0]}");
    }

    private static string Emit(Workflow workflow, MaterializationPlan plan, EmitMode mode = EmitMode.Script)
    {
        var emitted = SqlEmitter.Emit(workflow, Dialects.Find("postgres")!, new EmitOptions { Plan = plan, Mode = mode });
        Assert.True(emitted.Succeeded, string.Join("\n", emitted.Diagnostics));
        return emitted.Sql!;
    }

    private static async Task<RowSet> RunAsync(PgDatabase db, string sql)
    {
        (await db.RunPsqlAsync(sql)).EnsureSucceeded();
        return await db.ReadTableAsync(OutputTable);
    }

    private static RowSet Interpret(Workflow workflow, Loaded data)
    {
        var inputs = new[] { data.Cities, data.Zones }.Aggregate(Database.Empty, (db, t) => db.With(t.Name, new Table(t.Schema, t.TypedRows())));
        var result = Interpreter.Run(workflow, inputs);
        Assert.False(result.Diagnostics.Any(d => d.IsError), string.Join("\n", result.Diagnostics));
        return result.Outputs.Find(TestTable.ParseName(OutputTable))!.ToRowSet();
    }

    /// <summary>Runs the workflow plain and planned; returns what differs (planned vs plain, and vs the interpreter when asked), or nothing.</summary>
    private static async Task<IEnumerable<string>> CompareAsync(Loaded data, string label, Workflow workflow, bool interpreter, int maxVertices = SmallPieces)
    {
        var plan = Plan(workflow, maxVertices);
        var planned = Emit(workflow, plan);
        if (plan.SpatialJoins.IsEmpty || !planned.Contains("ST_Subdivide(", StringComparison.Ordinal))
            return [$"{label}: the join was not planned through pieces"];
        var plain = await RunAsync(data.Db, Emit(workflow, MaterializationPlan.AllCte));
        var result = await RunAsync(data.Db, planned);
        var problems = new List<string>();
        if (RowSetComparison.Default.Differences(plain, result) is { } d) problems.Add($"{label}: planned differs from plain:\n{d}");
        if (interpreter && RowSetComparison.Default.Differences(Interpret(workflow, data), result) is { } i) problems.Add($"{label}: planned differs from the interpreter:\n{i}");
        if (plain.Count == 0) problems.Add($"{label}: no rows at all, the comparison proves nothing");
        return problems;
    }

    private static void AssertNone(List<string> problems) => Assert.True(problems.Count == 0, string.Join("\n\n", problems));

    [Fact]
    public async Task The_probes_include_points_on_cut_lines_inside_zones_that_no_piece_contains()
    {
        await using var data = await LoadAsync(ValidZones());
        Assert.True(data.CutPoints > 10, $"only {data.CutPoints} cut points");
        // Within the whole zone, within no single piece: only the fallback on the whole geometry finds them.
        var count = await data.Db.QueryAsync($"""
            WITH pieces AS (
              SELECT z.zone_id, cut.g FROM geo.zones AS z
              CROSS JOIN LATERAL ST_Dump(ST_MakeValid(z.geom)) AS part
              CROSS JOIN LATERAL ST_Subdivide(part.geom, {SmallPieces}) AS cut(g)
            )
            SELECT count(*) FROM geo.cities AS c JOIN geo.zones AS z ON ST_Within(c.geom, z.geom)
            WHERE NOT EXISTS (SELECT 1 FROM pieces AS p WHERE p.zone_id = z.zone_id AND ST_Within(c.geom, p.g))
            """);
        Assert.True(Convert.ToInt64(count.Rows[0][0]) > 10, $"{count.Rows[0][0]} probes within a zone but no piece");
    }

    [Fact]
    public async Task Inner_joins_give_the_plain_rows_for_every_predicate()
    {
        await using var data = await LoadAsync(ValidZones());
        var problems = new List<string>();
        foreach (var (name, condition) in SpatialJoinData.Predicates)
            problems.AddRange(await CompareAsync(data, name, Join(condition), interpreter: true));
        AssertNone(problems);
    }

    [Fact]
    public async Task Semi_and_anti_joins_give_the_plain_rows_for_every_predicate()
    {
        await using var data = await LoadAsync(ValidZones());
        var problems = new List<string>();
        foreach (var (name, condition) in SpatialJoinData.Predicates)
        {
            problems.AddRange(await CompareAsync(data, name + " (semi)", Filter(condition, anti: false), interpreter: true));
            problems.AddRange(await CompareAsync(data, name + " (anti)", Filter(condition, anti: true), interpreter: true));
        }
        AssertNone(problems);
    }

    [Fact]
    public async Task Outer_joins_keep_the_unmatched_probing_rows()
    {
        await using var data = await LoadAsync(ValidZones());
        var problems = new List<string>();
        foreach (var name in new[] { "intersects", "within", "dwithin", "buffer probe", "within and more" })
        {
            problems.AddRange(await CompareAsync(data, name + " (left)", Join(PredicateNamed(name), JoinKind.Left), interpreter: true));
            // Zones on the left of a right join: the zones are indexed, the cities kept.
            problems.AddRange(await CompareAsync(data, name + " (right)", Join(PredicateNamed(name), JoinKind.Right, zonesLeft: true), interpreter: true));
        }
        AssertNone(problems);
    }

    [Fact]
    public async Task A_container_on_the_left_is_the_indexed_side()
    {
        await using var data = await LoadAsync(ValidZones());
        var problems = new List<string>();
        foreach (var name in new[] { "contains", "covers", "intersects" })
        {
            var workflow = Join(PredicateNamed(name), zonesLeft: true);
            var plan = Assert.Single(Plan(workflow, SmallPieces).SpatialJoins.Values);
            if (name != "intersects") Assert.Equal(0, plan.IndexedSide);
            problems.AddRange(await CompareAsync(data, name + " (zones left)", workflow, interpreter: true));
        }
        AssertNone(problems);
    }

    /// <summary>
    /// The validity policy (spec/equivalence.md): GEOS's answers on invalid geometries are not
    /// defined (they depend on whether it prepared the geometry, that is on the join order, and it
    /// may throw mid-query), so every plan reads the zones repaired where the scan reads them, as
    /// the interpreter does: the plain join, the planned join and the interpreter give the same rows.
    /// </summary>
    [Fact]
    public async Task Invalid_zones_give_the_same_rows_planned_plain_and_in_process()
    {
        await using var data = await LoadAsync(InvalidZones());
        var problems = new List<string>();
        foreach (var (name, condition) in SpatialJoinData.Predicates)
        {
            // The valid neighbour is a strip 44° long, whose geodesic edges PostGIS measures distances to
            // while the interpreter tests contact in the plane (spec/interpreter.md, known gap).
            bool interpreter = name != "dwithin";
            problems.AddRange(await CompareAsync(data, name, Join(condition), interpreter));
            problems.AddRange(await CompareAsync(data, name + " (semi)", Filter(condition, anti: false), interpreter));
            problems.AddRange(await CompareAsync(data, name + " (anti)", Filter(condition, anti: true), interpreter));
        }
        AssertNone(problems);
    }

    [Fact]
    public async Task The_default_pieces_cut_the_dense_zone()
    {
        await using var data = await LoadAsync(ValidZones(), Planner.DefaultMaxVerticesPerPiece);
        Assert.True(data.CutPoints > 0, $"the 600-vertex circle is not cut at {Planner.DefaultMaxVerticesPerPiece} vertices");
        var problems = new List<string>();
        foreach (var name in new[] { "intersects", "within", "dwithin" })
            problems.AddRange(await CompareAsync(data, name, Join(PredicateNamed(name)), interpreter: true, Planner.DefaultMaxVerticesPerPiece));
        AssertNone(problems);
    }

    [Fact]
    public async Task A_procedure_runs_the_planned_join()
    {
        await using var data = await LoadAsync(ValidZones());
        var workflow = Join(PredicateNamed("within"));
        var plain = await RunAsync(data.Db, Emit(workflow, MaterializationPlan.AllCte));
        var procedure = Emit(workflow, Plan(workflow, SmallPieces), EmitMode.Procedure);
        (await data.Db.RunPsqlAsync(procedure)).EnsureSucceeded();
        var result = await RunAsync(data.Db, "CALL cwf_spatial_join();");
        RowSetAssert.Equal(plain, result);
        // The procedure drops what it created: calling it twice in one session works.
        (await data.Db.RunPsqlAsync("CALL cwf_spatial_join(); CALL cwf_spatial_join();")).EnsureSucceeded();
    }
}
