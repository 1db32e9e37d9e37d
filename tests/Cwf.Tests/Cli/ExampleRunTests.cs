using Cwf.Catalog;
using Cwf.Diagnostics;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Interpretation;
using Cwf.Interpretation.Data;
using Cwf.Ir;
using Cwf.Tests.Equivalence;
using Cwf.Tests.Infrastructure;
using Cwf.Tests.Interpretation;
using Cwf.Text;
using static Cwf.Tests.Cli.CliRunner;

namespace Cwf.Tests.Cli;

/// <summary>
/// `cwf run` both ways on the examples that have data (examples/data/&lt;name&gt;/ for the .cwf
/// programs, examples/canvas/&lt;name&gt;/data/ for canvas exports): in process over the data files
/// (every output table written, none empty), and compiled for PostgreSQL on the test server with
/// the same files loaded, where every output table must hold the rows the interpreter wrote.
/// </summary>
[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public class ExampleRunTests(PostgresServer server)
{
    /// <summary>
    /// Ends in a raw SQL step, which the interpreter cannot run (CWF7010), and uses H3, which
    /// PostgreSQL has only with the h3-pg extension: tested on its own below.
    /// </summary>
    private const string DeliveryCoverage = "delivery_coverage";

    /// <summary>Quadbin and H3 cells: PostgreSQL has them only with the CARTO toolbox and h3-pg, neither installed here (tested on their own below).</summary>
    private static readonly string[] CellCounts = ["cell_counts", "canvas/cell_counts"];

    /// <summary>
    /// The cell sets (polyfill, k-ring, children) need h3-pg and the toolbox on PostgreSQL, neither installed here: they run
    /// in process, where the interpreter's sets are the ones checked against h3-js and the quadbin package.
    /// </summary>
    private static readonly string[] CellSets = ["cell_coverage", "canvas/zone_cells", "canvas/store_catchments"];

    private static readonly Dialect Postgres = Dialects.Find("postgres")!;

    /// <summary>Floats within 1e-6 relative; geometries (points, polygons read from the data) within 1e-9 degrees.</summary>
    private static readonly RowSetComparison Exact = new() { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-9, GeometryTolerance = 1e-9 };

    /// <summary>
    /// For the columns computed from a geodesic buffer, which PostGIS and the interpreter draw as
    /// different 128-gons (within 0.5% of the disc's area): polygons whose symmetric difference is
    /// within 1% of their area, numbers derived from them within 1%.
    /// </summary>
    private static readonly RowSetComparison Buffered = new()
    {
        RelativeTolerance = 0.01, AbsoluteTolerance = 1e-9, GeometryTolerance = 1e-4, GeometryRelativeAreaTolerance = 0.01,
    };

    /// <summary>An example: its input file (program, canvas export, bundle or generated SQL) and its data folder.</summary>
    private sealed record Example(string Name, string Input, string Data);

    private static IEnumerable<Example> Examples()
    {
        foreach (var program in Directory.GetFiles(RepoPaths.Combine("examples"), "*.cwf").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(program);
            yield return new Example(name, program, RepoPaths.Combine("examples", "data", name));
        }
        foreach (var folder in Directory.GetDirectories(RepoPaths.Combine("examples", "canvas")).Order(StringComparer.Ordinal))
        {
            var data = Path.Combine(folder, "data");
            if (!Directory.Exists(data)) continue;
            var input = Directory.GetFiles(folder)
                .Where(f => Path.GetFileName(f) is not ("catalog.json" or "README.md"))
                .Single(f => Path.GetExtension(f) is ".json" or ".sql");
            yield return new Example("canvas/" + Path.GetFileName(folder), input, data);
        }
    }

    private static Example Find(string name) => Examples().Single(e => e.Name == name);

    /// <summary>Every example with data except delivery_coverage.</summary>
    public static TheoryData<string> Runnable()
    {
        var names = new TheoryData<string>();
        foreach (var example in Examples().Where(e => e.Name != DeliveryCoverage)) names.Add(example.Name);
        return names;
    }

    [Fact]
    public void Every_example_program_and_at_least_three_canvas_examples_have_data()
    {
        var examples = Examples().ToList();
        foreach (var program in examples.Where(e => !e.Name.StartsWith("canvas/", StringComparison.Ordinal)))
            Assert.True(Directory.Exists(program.Data) && Directory.GetFiles(program.Data).Length > 0, $"{program.Name} has no data in {program.Data}");
        Assert.Equal(21, examples.Count(e => !e.Name.StartsWith("canvas/", StringComparison.Ordinal)));
        Assert.True(examples.Count(e => e.Name.StartsWith("canvas/", StringComparison.Ordinal)) >= 3);
    }

    [Theory]
    [MemberData(nameof(Runnable))]
    public void Runs_in_process_and_writes_every_output_with_rows(string name)
    {
        var example = Find(name);
        var outputs = RunInProcess(example);
        Assert.NotEmpty(outputs);
        foreach (var output in outputs)
            Assert.True(output.Rows.Count > 0, $"{name}: the interpreter wrote no rows to {output.Table}");
    }

    /// <summary>Every runnable example that PostgreSQL/PostGIS can run here.</summary>
    public static TheoryData<string> RunnableOnPostgres()
    {
        var names = new TheoryData<string>();
        foreach (var example in Examples().Where(e => e.Name != DeliveryCoverage && !CellCounts.Contains(e.Name) && !CellSets.Contains(e.Name))) names.Add(example.Name);
        return names;
    }

    [Theory]
    [MemberData(nameof(RunnableOnPostgres))]
    public async Task Runs_on_PostgreSQL_over_the_same_data_and_writes_what_the_interpreter_writes(string name)
    {
        var example = Find(name);
        var workflow = LoadWorkflow(example);
        var expected = RunInProcess(example);

        // A workflow whose tables name a database (store_trade_areas: analytics.retail.stores) runs only in it.
        await using var db = Databases(workflow) is [var database] ? await server.CreateDatabaseNamedAsync(database) : await server.CreateDatabaseAsync();
        await LoadSourcesAsync(db, example, workflow);
        var run = Run("run", example.Input, "--connection", db.ConnectionString);
        Assert.True(run.ExitCode == 0, $"cwf run {name} --connection exited {run.ExitCode}:\n{run.Error}");

        foreach (var output in expected)
            await AssertAgreesAsync(db, workflow, output);
    }

    [Fact]
    public void Delivery_coverage_runs_in_process_except_its_raw_SQL_step()
    {
        var example = Find(DeliveryCoverage);
        var outDirectory = Directory.CreateTempSubdirectory("cwf-example").FullName;
        var cli = Run("run", example.Input, "--data", example.Data, "--out", outDirectory);
        Assert.Empty(Directory.GetFiles(outDirectory));
        Directory.Delete(outDirectory);
        Assert.Equal(1, cli.ExitCode);
        Assert.Contains("error CWF7010: in step 'busiest'", cli.Error);
        Assert.Contains("1 error", cli.Error);

        // Everything else runs: the data is complete and both other outputs get rows.
        var run = Interpret(example);
        Assert.Equal(["CWF7010"], run.Diagnostics.Where(d => d.IsError).Select(d => d.Code));
        Assert.Null(run.Outputs.Find(TableName.TryParse("marts.busiest_cells")!));
        Assert.NotEmpty(run.Outputs["marts.order_cells"].Rows);
        Assert.NotEmpty(run.Outputs["marts.order_trips"].Rows);
    }

    /// <summary>
    /// With the h3-pg extension the whole workflow runs and the outputs the interpreter can compute
    /// agree; without it (as on the test server here) the run fails on the first H3 call and
    /// writes nothing.
    /// </summary>
    [Fact]
    public async Task Delivery_coverage_runs_on_PostgreSQL_exactly_when_h3_pg_is_installed()
    {
        var example = Find(DeliveryCoverage);
        var workflow = LoadWorkflow(example);
        await using var db = await server.CreateDatabaseAsync();
        await LoadSourcesAsync(db, example, workflow);
        var available = await db.QueryAsync("SELECT name FROM pg_available_extensions WHERE name IN ('h3', 'h3_postgis')");
        if (available.Count < 2)
        {
            var failed = Run("run", example.Input, "--connection", db.ConnectionString);
            Assert.Equal(1, failed.ExitCode);
            Assert.Contains("h3_lat_lng_to_cell", failed.Error);
            Assert.Contains("nothing was written", failed.Error);
            Assert.False(await db.TableExistsAsync("marts.order_cells"));
            return;
        }

        await db.ExecuteAsync("CREATE EXTENSION h3; CREATE EXTENSION h3_postgis CASCADE;");
        var run = Run("run", example.Input, "--connection", db.ConnectionString);
        Assert.True(run.ExitCode == 0, $"cwf run {DeliveryCoverage} --connection exited {run.ExitCode}:\n{run.Error}");
        var interpreted = Interpret(example);
        foreach (var table in new[] { "marts.order_cells", "marts.order_trips" })
        {
            var name = TableName.TryParse(table)!;
            await AssertAgreesAsync(db, workflow, new Output(name, interpreted.Outputs.Find(name)!.ToRowSet()));
        }
        Assert.True((await db.ReadTableAsync("marts.busiest_cells")).Count > 0);
    }

    /// <summary>
    /// The Quadbin calls go to the toolbox's schema (<c>carto</c>), which the test server lacks: the run fails on
    /// the first of them, names it, and writes nothing. In process it runs (the theory above).
    /// </summary>
    [Theory]
    [InlineData("cell_counts")]
    [InlineData("canvas/cell_counts")]
    public async Task Cell_counts_stops_on_PostgreSQL_without_the_toolbox_and_writes_nothing(string name)
    {
        var example = Find(name);
        var workflow = LoadWorkflow(example);
        await using var db = await server.CreateDatabaseAsync();
        await LoadSourcesAsync(db, example, workflow);
        var failed = Run("run", example.Input, "--connection", db.ConnectionString);
        Assert.True(failed.ExitCode == 1, failed.Error);
        // PostgreSQL names the missing toolbox schema (or, where the schema exists, the missing function).
        Assert.True(failed.Error.Contains("schema \"carto\" does not exist", StringComparison.Ordinal)
            || failed.Error.Contains("carto.quadbin_fromgeogpoint", StringComparison.OrdinalIgnoreCase), failed.Error);
        Assert.Contains("nothing was written", failed.Error);
        Assert.False(await db.TableExistsAsync("out.deliveries_by_quadbin"));
        Assert.False(await db.TableExistsAsync("out.deliveries_by_h3"));
    }

    /// <summary>An output table and the rows the interpreter wrote to it.</summary>
    private sealed record Output(TableName Table, RowSet Rows);

    /// <summary>
    /// `cwf run --data --out` into a fresh folder; exit 0, no data file problems, and every output
    /// table of the workflow read back from its file with the output's schema.
    /// </summary>
    private static IReadOnlyList<Output> RunInProcess(Example example)
    {
        var workflow = LoadWorkflow(example);
        var outDirectory = Directory.CreateTempSubdirectory("cwf-example").FullName;
        try
        {
            var run = Run("run", example.Input, "--data", example.Data, "--out", outDirectory);
            Assert.True(run.ExitCode == 0, $"cwf run {example.Name} --data exited {run.ExitCode}:\n{run.Error}");
            Assert.DoesNotContain(" CWF71", run.Error); // data files read without warnings (e.g. extra columns)

            var outputs = new List<Output>();
            foreach (var sink in workflow.Sinks.DistinctBy(s => s.Table.ToString().ToLowerInvariant()))
            {
                var file = Path.Combine(outDirectory, TableFileNames.FileName(sink.Table, DataFormat.Csv));
                Assert.True(File.Exists(file), $"{example.Name}: no file {Path.GetFileName(file)} for output {sink.Table}");
                var diagnostics = new DiagnosticBag();
                var table = DataDirectory.ReadFile(file, workflow[sink.Input].Schema, diagnostics);
                Assert.True(table is not null && diagnostics.Count == 0, $"{file} does not read back: {string.Join("; ", diagnostics.ToImmutable())}");
                outputs.Add(new Output(sink.Table, table!.ToRowSet()));
            }
            return outputs;
        }
        finally
        {
            Directory.Delete(outDirectory, recursive: true);
        }
    }

    /// <summary>The interpreter through the library, for a workflow the CLI does not run to the end.</summary>
    private static InterpretationResult Interpret(Example example)
    {
        var workflow = LoadWorkflow(example);
        var load = DataDirectory.Load(example.Data, workflow);
        Assert.Empty(load.Diagnostics);
        return Interpreter.Run(workflow, load.Tables);
    }

    /// <summary>The workflow as the CLI loads it: the catalog next to the input (`x.catalog.json`, else `catalog.json`), if any.</summary>
    private static Workflow LoadWorkflow(Example example)
    {
        var input = example.Input;
        var catalogPath = new[] { Path.ChangeExtension(input, null) + ".catalog.json", Path.Combine(Path.GetDirectoryName(input)!, "catalog.json") }
            .FirstOrDefault(File.Exists);
        var catalog = SchemaCatalog.Empty;
        if (catalogPath is not null)
        {
            var (loaded, problems) = CatalogFile.Load(catalogPath);
            Assert.DoesNotContain(problems, d => d.IsError);
            catalog = loaded;
        }
        var front = FrontEnd.Load(new SourceText(input, File.ReadAllText(input)), catalog);
        Assert.DoesNotContain(front.Diagnostics, d => d.IsError);
        return front.Workflow!;
    }

    /// <summary>
    /// The example's data files, read by the library's own reader with the workflow's source schemas
    /// (the catalog's types), as tables on the server (geography as geometry(Geometry,4326)).
    /// </summary>
    private static async Task LoadSourcesAsync(PgDatabase db, Example example, Workflow workflow)
    {
        var load = DataDirectory.Load(example.Data, workflow);
        Assert.True(load.Succeeded, string.Join("\n", load.Diagnostics));
        foreach (var (name, table) in load.Tables.Tables)
            await db.LoadTableAsync(new TestTable(OnPostgres(name), table.Schema, table.Rows));
    }

    /// <summary>The databases the workflow's table names name (their first of three parts).</summary>
    private static List<string> Databases(Workflow workflow) =>
        [.. workflow.Nodes.Select(n => n switch { ScanNode s => s.Table, SinkNode s => s.Table, _ => null })
            .OfType<TableName>().Where(t => t.Parts.Count == 3).Select(t => t.Parts[0]).Distinct()];

    /// <summary>The name a table has on PostgreSQL: its last two parts (the compiler warns, CWF6031, when it drops a database name, and the script checks that it runs in that database).</summary>
    private static TableName OnPostgres(TableName name) => Postgres.KeptParts(name);

    /// <summary>
    /// The server's table against the interpreter's rows, as multisets: the columns not computed
    /// from a buffer exactly (floats within 1e-6), then every column within the buffer tolerance.
    /// Which rows an output holds may depend on a buffer (store_trade_areas joins the blocks that
    /// touch a 500 m zone); its data keeps every block at least 150 m from a zone's edge, so the
    /// rows are compared exactly anyway.
    /// </summary>
    private static async Task AssertAgreesAsync(PgDatabase db, Workflow workflow, Output expected)
    {
        var actual = await db.QueryAsync($"SELECT * FROM {SqlNames.Quote(OnPostgres(expected.Table))}");
        Assert.True(actual.Count > 0, $"PostgreSQL wrote no rows to {expected.Table}");
        Assert.Equal(expected.Rows.Columns, actual.Columns);
        var buffered = Approximation.For(workflow, expected.Table).Approximate;
        var exactColumns = expected.Rows.Columns.Where(c => !buffered.Contains(c)).ToList();
        var differences = Exact.Differences(Select(expected.Rows, exactColumns), Select(actual, exactColumns))
            ?? (buffered.Count > 0 ? Buffered.Differences(expected.Rows, actual) : null);
        Assert.True(differences is null, $"{expected.Table}: PostgreSQL (actual) differs from the interpreter (expected):\n{differences}");
    }

    private static RowSet Select(RowSet rows, IReadOnlyList<string> columns)
    {
        var index = columns.Select(c => rows.Columns.ToList().IndexOf(c)).ToArray();
        Assert.DoesNotContain(-1, index);
        return new RowSet(columns, rows.Rows.Select(r => index.Select(i => r[i]).ToArray()));
    }
}
