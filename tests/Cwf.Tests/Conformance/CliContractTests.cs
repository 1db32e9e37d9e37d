using Cwf.Tests.Infrastructure;
using static Cwf.Tests.Conformance.PgRun;

namespace Cwf.Tests.Conformance;

/// <summary>
/// Contract 5b: <c>cwf compile &lt;canvas.json|file.cwf|file.sql&gt; --dialect d [--catalog c] [-o out]</c>
/// prints or writes the script, diagnostics on standard error only, exit 0 (warnings allowed), 1 on
/// input errors, 2 on bad usage; the three envelopes give the same script; the real <c>./cwf</c>
/// entry point behaves as the in-process CLI.
/// </summary>
[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public sealed class CliContractTests(PostgresServer server)
{
    private static Corpus.Entry Every => Corpus.All.Single(e => e.Name == "every_component");

    public static TheoryData<string> Dialects => new(Cwf.Emit.Dialects.Names);

    /// <summary>
    /// Every component compiles for every registered dialect, the same twice; where a dialect cannot
    /// compute a function the canvas uses (Trino's buffer and H3), the only errors are the precise
    /// CWF6002 capability diagnostics of those functions, and nothing is printed.
    /// </summary>
    [Theory]
    [MemberData(nameof(Dialects))]
    public void Every_component_compiles_for_every_dialect_deterministically(string dialect)
    {
        var target = Cwf.Emit.Dialects.Find(dialect)!;
        var cannot = Cwf.Ir.Functions.All.Where(f => target.Functions.Find(f) is { IsAvailable: false }).Select(f => f.Name).ToList();
        var attempt = CwfCli.Run("compile", Every.CanvasPath, "--dialect", dialect, "--catalog", Every.CatalogPath);
        if (attempt.ExitCode == 1 && cannot.Count > 0)
        {
            Assert.Equal("", attempt.Output);
            Assert.All(attempt.Errors, e => Assert.True(e.Contains(": error CWF6002: ", StringComparison.Ordinal) &&
                cannot.Any(f => e.Contains($"{target.DisplayName} cannot compute {f}()", StringComparison.Ordinal)), e));
            Assert.Equal(attempt.Error, CwfCli.Run("compile", Every.CanvasPath, "--dialect", dialect, "--catalog", Every.CatalogPath).Error);
            return;
        }
        var first = attempt.ExpectExit(0);
        Assert.Empty(first.Errors);
        Assert.Contains("c_unionall", first.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("CWF", first.Output);
        var second = CwfCli.Run("compile", Every.CanvasPath, "--dialect", dialect, "--catalog", Every.CatalogPath).ExpectExit(0);
        Assert.Equal(first.Output, second.Output);
    }

    [Fact]
    public async Task Output_file_holds_the_script_and_standard_output_stays_empty()
    {
        var dir = Directory.CreateTempSubdirectory("cwf-conform-o").FullName;
        try
        {
            var outFile = Path.Combine(dir, "out.sql");
            var written = CwfCli.Run("compile", Every.CanvasPath, "--dialect", "postgres", "--catalog", Every.CatalogPath, "-o", outFile).ExpectExit(0);
            Assert.Equal("", written.Output);
            // The replaced-column warning still goes to standard error.
            Assert.NotEmpty(written.Warnings);
            var printed = CwfCli.Run("compile", Every.CanvasPath, "--dialect", "postgres", "--catalog", Every.CatalogPath).ExpectExit(0);
            Assert.Equal(printed.Output, File.ReadAllText(outFile));

            await using var db = await server.CreateDatabaseAsync("output_file");
            await LoadAsync(db, Every.Tables);
            var run = await db.RunPsqlAsync(File.ReadAllText(outFile));
            Assert.True(run.Succeeded, run.StandardError);
            Assert.True(await db.TableExistsAsync("out.c_unionall"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The script without its comment lines (which may name the input file or envelope).</summary>
    private static string Statements(string sql) =>
        string.Join("\n", sql.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal)));

    [Theory]
    [InlineData("postgres")]
    [InlineData("bigquery")]
    public void Generated_sql_and_bundle_envelopes_compile_to_the_same_script_as_the_export(string dialect)
    {
        var canvas = ComponentCanvasFixture.Build();
        var export = CwfCli.Compile(canvas.ToJson(), dialect, Every.Catalog, "workflow.json").ExpectExit(0);
        var generated = CwfCli.Compile(canvas.ToGeneratedSql(), dialect, Every.Catalog, "workflow.sql").ExpectExit(0);
        var bundle = CwfCli.Compile(canvas.ToBundleJson(), dialect, Every.Catalog, "bundle.json").ExpectExit(0);
        Assert.Equal(Statements(export.Output), Statements(generated.Output));
        Assert.Equal(Statements(export.Output), Statements(bundle.Output));
    }

    [Fact]
    public async Task Generated_sql_envelope_runs_through_psql()
    {
        await using var db = await server.CreateDatabaseAsync("envelope");
        await LoadAsync(db, CityData.All);
        var script = CwfCli.Compile(ComponentCanvasFixture.Build().ToGeneratedSql(), "postgres", Every.Catalog, "workflow.sql").Sql;
        (await db.RunPsqlAsync(script)).EnsureSucceeded();
        await AssertColumnsAsync(db, "out.c_join", CityData.StoreColumns + ", district_id_joined bigint, name_joined text, geom_joined geometry");
    }

    [Fact]
    public void Node_schemas_alone_are_enough_without_a_catalog()
    {
        var c = new ProductCanvas("No catalog");
        var stores = c.Source("src.stores", "Stores", null, "store_id:int64", "name:string", "geom:geography");
        var buffer = c.Add("native.buffer", "Zone", ("geo", "geom"), ("distance", 50), ("units", "Meters"));
        c.Connect(stores, buffer);
        c.Save(buffer, "out.zones");
        var r = CwfCli.Compile(c, "postgres").ExpectExit(0);
        Assert.Contains("geom_buffer", r.Output);
    }

    [Theory]
    [InlineData("compile", "{canvas}", "--dialect", "oracle")]
    [InlineData("compile", "{canvas}")]
    [InlineData("compile", "{canvas}", "--dialect")]
    [InlineData("compile", "{dir}/missing.json", "--dialect", "postgres")]
    [InlineData("compile", "{canvas}", "--dialect", "postgres", "--catalog", "{dir}/missing.catalog.json")]
    [InlineData("compile", "{canvas}", "--dialect", "postgres", "--frobnicate")]
    [InlineData("compile", "--dialect", "postgres")]
    [InlineData("compile", "{canvas}", "{canvas}", "--dialect", "postgres")]
    public void Bad_usage_exits_two_with_nothing_on_standard_output(params string[] args)
    {
        var dir = Path.GetDirectoryName(Every.CanvasPath)!;
        var r = CwfCli.Run([.. args.Select(a => a.Replace("{canvas}", Every.CanvasPath).Replace("{dir}", dir))]).ExpectExit(2);
        Assert.Equal("", r.Output);
        Assert.NotEqual("", r.Error);
    }

    [Fact]
    [EngineTest(Engine.Cli)]
    public async Task The_cwf_script_is_the_command_line_the_tests_use()
    {
        var script = RepoPaths.Combine("cwf");
        var ok = await ProcessRunner.RunAsync(Engine.Cli, script, ["compile", Every.CanvasPath, "--dialect", "postgres", "--catalog", Every.CatalogPath],
            timeout: TimeSpan.FromMinutes(8));
        Assert.True(ok.ExitCode == 0, ok.StandardError);
        var inProcess = CwfCli.Run("compile", Every.CanvasPath, "--dialect", "postgres", "--catalog", Every.CatalogPath).ExpectExit(0);
        Assert.Equal(inProcess.Output, ok.StandardOutput);

        var c = new ProductCanvas("Script error");
        var stores = c.Source("src.stores", "Stores");
        var limit = c.Add("native.limit", "Limit", ("limit", "10.5"));
        c.Connect(stores, limit);
        c.Save(limit, "out.x");
        var dir = Directory.CreateTempSubdirectory("cwf-conform-script").FullName;
        try
        {
            var file = Path.Combine(dir, "canvas.json");
            File.WriteAllText(file, c.ToJson());
            var error = await ProcessRunner.RunAsync(Engine.Cli, script, ["compile", file, "--dialect", "postgres", "--catalog", Every.CatalogPath]);
            Assert.Equal(1, error.ExitCode);
            Assert.Equal("", error.StandardOutput);
            Assert.Contains(limit.Named, error.StandardError);
            var usage = await ProcessRunner.RunAsync(Engine.Cli, script, ["compile", file, "--dialect", "oracle"]);
            Assert.Equal(2, usage.ExitCode);
            Assert.Equal("", usage.StandardOutput);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
