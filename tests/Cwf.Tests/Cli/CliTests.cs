using System.Text.Json;
using Cwf.Emit;
using Cwf.Tests.Infrastructure;
using static Cwf.Tests.Cli.CliRunner;

namespace Cwf.Tests.Cli;

public class CliTests
{
    private static string SchoolBuffers => Example("school_buffers.cwf");

    [Fact]
    public void Compile_prints_sql_and_exits_zero()
    {
        var r = Run("compile", SchoolBuffers, "--dialect", "postgres");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("CREATE TABLE out.large_school_zones AS", r.Output);
        Assert.DoesNotContain("error", r.Error);
    }

    [Fact]
    public void Compile_writes_the_output_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cwf-{Guid.NewGuid():N}.sql");
        try
        {
            var r = Run("compile", SchoolBuffers, "--dialect", "snowflake", "-o", path);
            Assert.Equal(0, r.ExitCode);
            Assert.Equal("", r.Output);
            Assert.Contains("CREATE OR REPLACE TABLE out.large_school_zones", File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_misspelled_column_is_an_error_with_location_and_suggestion()
    {
        var dir = Directory.CreateTempSubdirectory("cwf-cli").FullName;
        var file = Path.Combine(dir, "bad.cwf");
        File.WriteAllText(file, File.ReadAllText(SchoolBuffers).Replace("students > 500", "studnts > 500"));
        var r = Run("compile", file, "--dialect", "postgres", "--catalog", Example("school_buffers.catalog.json"));
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.Output);
        Assert.Matches(@"bad\.cwf:\d+:12: error CWF2800: unknown column 'studnts'", r.Error);
        Assert.Contains("did you mean 'students'?", r.Error);
        Assert.Contains("^~~~~~~", r.Error);
    }

    [Theory]
    [InlineData("compile", "missing.cwf", "--dialect", "postgres")]
    [InlineData("compile", "{example}", "--dialect", "oracle")]
    [InlineData("compile", "{example}")]
    [InlineData("compile", "{example}", "--dialect", "postgres", "--disable-pass", "no-such-pass")]
    [InlineData("compile", "{example}", "--dialect", "postgres", "--param", "nope=1")]
    [InlineData("compile", "{example}", "--dialet", "postgres")]
    [InlineData("frobnicate")]
    [InlineData("run", "{example}")]
    public void Usage_mistakes_exit_two_with_one_line(params string[] args)
    {
        var r = Run([.. args.Select(a => a == "{example}" ? SchoolBuffers : a)]);
        Assert.Equal(2, r.ExitCode);
        Assert.Matches(@"(?m)^cwf: error( CWF\d{4})?: ", r.Error);
        Assert.DoesNotContain("   at ", r.Error);
    }

    [Fact]
    public void An_unknown_dialect_is_a_usage_error_CWF6000_listing_every_registered_dialect()
    {
        var r = Run("compile", SchoolBuffers, "--dialect", "trinno");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Output);
        Assert.StartsWith("cwf: error CWF6000: unknown dialect 'trinno'; valid dialects: " + string.Join(", ", Dialects.Names), r.Error);
        Assert.Contains("did you mean 'trino'?", r.Error);
    }

    [Theory]
    [InlineData("compile")]
    [InlineData("explain")]
    public void The_help_lists_every_registered_dialect(string command)
    {
        var help = Run(command, "--help").Output;
        foreach (var name in Dialects.Names)
            Assert.Matches($@"--dialect <name>\s+target warehouse: .*\b{name}\b", help);
    }

    [Fact]
    public void No_arguments_prints_the_overview_and_exits_two()
    {
        var r = Run();
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("commands:", r.Error);
    }

    [Fact]
    public void Help_lists_every_command_and_a_command_its_options()
    {
        Assert.Contains("explain", Run("--help").Output);
        var compile = Run("compile", "--help");
        Assert.Equal(0, compile.ExitCode);
        Assert.Contains("--emit <mode>", compile.Output);
    }

    [Fact]
    public void Check_reports_no_problems_or_json()
    {
        var ok = Run("check", SchoolBuffers);
        Assert.Equal(0, ok.ExitCode);
        Assert.Contains("no problems found", ok.Output);

        var json = Run("check", Example("canvas", "school_buffers", "canvas.json"), "--format", "json", "--dialect", "bigquery");
        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
    }

    [Fact]
    public void Check_with_a_dialect_reports_what_the_warehouse_cannot_do()
    {
        var dir = Directory.CreateTempSubdirectory("cwf-cli").FullName;
        var file = Path.Combine(dir, "touch.cwf");
        File.WriteAllText(file, """
            source a = table "s.a" { id: int64, geom: geography }
            source b = table "s.b" { geom: geography }
            let t = a | spatial_join b on touches(a.geom, b.geom)
            output t -> table "s.out"
            """);
        var r = Run("check", file, "--dialect", "snowflake");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("CWF6002", r.Output);
    }

    [Fact]
    public void Fmt_check_accepts_formatted_files_and_rejects_others()
    {
        Assert.Equal(0, Run("fmt", SchoolBuffers, "--check").ExitCode);
        var dir = Directory.CreateTempSubdirectory("cwf-cli").FullName;
        var file = Path.Combine(dir, "messy.cwf");
        File.WriteAllText(file, "source   s = table \"a.b\" { x: int64 }\nlet t = s|filter x>1\noutput t -> table \"a.c\"\n");
        var check = Run("fmt", file, "--check");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("not formatted", check.Error);
        Assert.Equal(0, Run("fmt", file, "--write").ExitCode);
        Assert.Equal(0, Run("fmt", file, "--check").ExitCode);
    }

    [Fact]
    public void Import_decompiles_a_canvas_that_compiles_again()
    {
        var dir = Directory.CreateTempSubdirectory("cwf-cli").FullName;
        var cwf = Path.Combine(dir, "orders.cwf");
        var catalog = Example("canvas", "order_totals_by_category", "catalog.json");
        var import = Run("import", Example("canvas", "order_totals_by_category", "canvas.json"), "-o", cwf);
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("source", File.ReadAllText(cwf));
        var fromCwf = Run("compile", cwf, "--dialect", "duckdb", "--catalog", catalog);
        Assert.Equal(0, fromCwf.ExitCode);
        Assert.Contains("out.category_totals", fromCwf.Output);
    }

    [Fact]
    public void Import_refuses_a_cwf_program() => Assert.Equal(2, Run("import", SchoolBuffers).ExitCode);

    [Theory]
    [InlineData("dot", "digraph")]
    [InlineData("mermaid", "flowchart")]
    [InlineData("json", "\"nodes\"")]
    public void Graph_renders_each_format(string format, string expected)
    {
        var r = Run("graph", Example("store_trade_areas.cwf"), "--format", format);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(expected, r.Output);
    }

    [Fact]
    public void Explain_shows_passes_and_the_plan()
    {
        var r = Run("explain", Example("store_trade_areas.cwf"), "--dialect", "postgres");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("== optimizer", r.Output);
        Assert.Contains("projection-pruning", r.Output);
        var off = Run("explain", Example("store_trade_areas.cwf"), "--dialect", "postgres", "--no-opt");
        Assert.Contains("off (--no-opt)", off.Output);
    }

    [Fact]
    public void Param_overrides_the_default_value()
    {
        var r = Run("compile", Example("store_trade_areas.cwf"), "--dialect", "bigquery", "--param", "radius=750");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("750", r.Output);
        Assert.Equal(2, Run("compile", Example("store_trade_areas.cwf"), "--dialect", "bigquery", "--param", "radius=far").ExitCode);
    }

    [Fact]
    public void Run_in_process_reads_and_writes_data_files()
    {
        var dir = Directory.CreateTempSubdirectory("cwf-run").FullName;
        File.WriteAllText(Path.Combine(dir, "src.schools.csv"),
            "school_id,name,students,geom\n1,North,800,POINT (13.4 52.5)\n2,South,120,POINT (13.5 52.4)\n3,East,,POINT (13.6 52.5)\n");
        var r = Run("run", SchoolBuffers, "--data", dir);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("wrote out.large_school_zones: 1 rows", r.Error);
        var written = File.ReadAllLines(Path.Combine(dir, "out.large_school_zones.csv"));
        Assert.Equal("school_id,name,students,geom,geom_buffer", written[0]);
        Assert.StartsWith("1,North,800,POINT(13.4 52.5),\"POLYGON((", written[1]);
        Assert.Equal(2, written.Length);
    }
}
