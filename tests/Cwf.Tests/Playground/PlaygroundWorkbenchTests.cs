using System.Text.Json;
using Cwf.Playground.Api;
using Cwf.Playground.Workbench;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Playground;

/// <summary>What each endpoint of `cwf serve` answers, without HTTP: the workbench over the examples folder and over made-up folders.</summary>
public sealed class PlaygroundWorkbenchTests
{
    private static readonly PlaygroundWorkbench Examples = new(new ServedDirectory(RepoPaths.Combine("examples")));

    private static string ExampleText(string path) => File.ReadAllText(RepoPaths.Combine("examples", path));

    private static WorkflowRequest Example(string path, string? dialect = null, int? rows = null) => new(ExampleText(path), path, dialect, rows);

    [Fact]
    public void Check_points_a_mistake_at_its_span_with_a_hint()
    {
        var source = "source s = table \"src.t\" { id: int64, name: string }\nlet f = s | filter nmae = 'x'\noutput f -> table \"out.f\"\n";
        var check = Examples.Check(new WorkflowRequest(source));
        var error = Assert.Single(check.Diagnostics, d => d.Severity == "error");
        Assert.Equal((2, 2), (error.StartLine, error.EndLine));
        Assert.Equal("nmae", source.Split('\n')[1][(error.StartColumn!.Value - 1)..(error.EndColumn!.Value - 1)]);
        Assert.Contains(error.Hints, h => h.Contains("name"));

        var fixedCheck = Examples.Check(new WorkflowRequest(source.Replace("nmae", "name")));
        Assert.DoesNotContain(fixedCheck.Diagnostics, d => d.Severity == "error");
    }

    [Fact]
    public void Check_reads_the_catalog_beside_the_served_file()
    {
        var check = Examples.Check(Example("store_trade_areas.cwf"));
        Assert.DoesNotContain(check.Diagnostics, d => d.Severity == "error");
        // The same text as no file of the folder has no catalog, so its tables have no schemas.
        Assert.Contains(Examples.Check(Example("store_trade_areas.cwf") with { Path = null }).Diagnostics, d => d.Severity == "error");
    }

    [Fact]
    public void Compile_gives_every_dialect_or_the_one_asked_for()
    {
        var all = Examples.Compile(Example("school_buffers.cwf"));
        Assert.Equal(Cwf.Emit.Dialects.Names.Order(), all.Results.Select(r => r.Dialect).Order());
        // A dialect that cannot compile it says why, beside the others' SQL.
        Assert.All(all.Results, r => Assert.True(r.Sql?.Contains("large_school_zones") ?? r.Diagnostics.Any(d => d.Severity == "error")));
        Assert.Contains("large_school_zones", all.Results.Single(r => r.Dialect == "postgres").Sql);

        var bigquery = Assert.Single(Examples.Compile(Example("school_buffers.cwf", "bigquery")).Results);
        Assert.Equal("bigquery", bigquery.Dialect);
        Assert.Contains("ST_BUFFER", bigquery.Sql, StringComparison.OrdinalIgnoreCase);

        var unknown = Examples.Compile(Example("school_buffers.cwf", "oracle"));
        Assert.Empty(unknown.Results);
        Assert.Contains(unknown.Diagnostics, d => d.Code == "CWF6000");
    }

    [Fact]
    public void Graph_nodes_carry_step_schema_materialization_and_dead_and_shared_flags()
    {
        var source = """
            source s = table "src.t" { id: int64, v: float64 }
            let g = s | group by id { total: sum(v) }
            let a = g | filter total > 1
            let b = g | filter total < 0
            let unused = s | filter v > 3
            output a -> table "out.a"
            output b -> table "out.b"
            """;
        var graph = Examples.Graph(new WorkflowRequest(source, Dialect: "postgres")).Graph!;
        var grouped = Assert.Single(graph.Nodes, n => n.Name == "g");
        Assert.True(grouped.Shared);
        Assert.Equal(2, grouped.Reads);
        Assert.Equal("temporary table", grouped.Materialization);
        Assert.NotNull(grouped.MaterializationReason);
        Assert.Contains("total", grouped.Schema);
        Assert.StartsWith("group by id", grouped.Step);
        Assert.Equal(2, grouped.Line);
        Assert.True(Assert.Single(graph.Nodes, n => n.Name == "unused").Dead);
        Assert.All(graph.Nodes.Where(n => n.Name is "a" or "b"), n => Assert.False(n.Dead || n.Shared));
        // Every input of every node is an edge: here each node but the one scan reads one input.
        Assert.Equal(graph.Nodes.Where(n => n.Kind != "scan").Select(n => n.Id).Order(), graph.Edges.Select(e => e.Target).Order());
        Assert.All(graph.Edges, e => Assert.Contains(graph.Nodes, n => n.Id == e.Source));
    }

    [Fact]
    public void Import_decompiles_a_canvas_with_its_graph_and_refuses_a_program()
    {
        var import = Examples.Import(Example("canvas/school_buffers/canvas.json"));
        Assert.DoesNotContain(import.Diagnostics, d => d.Severity == "error");
        Assert.Contains("buffer", import.Cwf);
        Assert.Contains(import.Graph!.Nodes, n => n.Kind == "sink");
        // The decompiled program compiles as it stands, with the canvas's catalog.
        Assert.DoesNotContain(Examples.Check(new WorkflowRequest(import.Cwf!, Catalog: ExampleText("canvas/school_buffers/catalog.json"))).Diagnostics, d => d.Severity == "error");

        // Dropped in the page, a canvas comes without its folder: its catalog comes along as text, or its tables have no columns.
        var canvasText = ExampleText("canvas/school_buffers/canvas.json");
        var dropped = Examples.Import(new WorkflowRequest(canvasText, Catalog: ExampleText("canvas/school_buffers/catalog.json")));
        Assert.Equal(import.Cwf, dropped.Cwf);
        Assert.Contains(Examples.Import(new WorkflowRequest(canvasText)).Diagnostics, d => d.Code == "CWF3040");

        var refused = Examples.Import(Example("school_buffers.cwf"));
        Assert.Null(refused.Cwf);
        Assert.Equal("CWF8103", Assert.Single(refused.Diagnostics).Code);
    }

    [Fact]
    public void Run_shows_the_first_rows_and_the_geometries_as_GeoJSON()
    {
        var run = Examples.Run(Example("school_buffers.cwf", rows: 2));
        Assert.Equal("data/school_buffers", run.DataFolder);
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == "error");
        var output = Assert.Single(run.Outputs);
        Assert.Equal("out.large_school_zones", output.Table);
        Assert.True(output.RowCount > 2);
        var rows = output.Rows.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows.Length);
        Assert.All(rows, r => Assert.True(JsonDocument.Parse(r).RootElement.TryGetProperty("students", out _)));
        using var geoJson = JsonDocument.Parse(output.GeoJson!);
        var features = geoJson.RootElement.GetProperty("features");
        Assert.Equal(2, features.GetArrayLength());
        // The first geography column is the feature's geometry, the others GeoJSON objects among the properties (the page draws both).
        Assert.Equal("Point", features[0].GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal("Polygon", features[0].GetProperty("properties").GetProperty("geom_buffer").GetProperty("type").GetString());
        Assert.Contains(output.Columns, c => c.Name == "geom_buffer" && c.Type == "geography");
    }

    [Fact]
    public void Run_finds_a_canvas_folders_data_and_reports_checks()
    {
        var canvas = Examples.Run(Example("canvas/park_playgrounds/canvas.json"));
        Assert.Equal("canvas/park_playgrounds/data", canvas.DataFolder);
        Assert.NotEmpty(canvas.Outputs);

        var checks = Examples.Run(Example("checked_orders.cwf"));
        Assert.NotEmpty(checks.Checks);
    }

    [Fact]
    public void Run_without_a_data_folder_is_CWF8102()
    {
        const string source = "source s = table \"src.t\" { id: int64 }\noutput s -> table \"out.t\"\n";
        var unsaved = Examples.Run(new WorkflowRequest(source));
        Assert.Equal("CWF8102", Assert.Single(unsaved.Diagnostics, d => d.Severity == "error").Code);
        Assert.Empty(unsaved.Outputs);

        var root = Directory.CreateTempSubdirectory("cwf-serve-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "alone.cwf"), source);
            var alone = new PlaygroundWorkbench(new ServedDirectory(root)).Run(new WorkflowRequest(source, "alone.cwf"));
            var error = Assert.Single(alone.Diagnostics, d => d.Severity == "error");
            Assert.Equal("CWF8102", error.Code);
            Assert.Contains("alone.cwf", error.Message);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("../README.md")]
    [InlineData("canvas/../../README.md")]
    [InlineData("/etc/passwd")]
    [InlineData("")]
    public void Paths_outside_the_served_folder_are_refused(string path)
    {
        var file = Examples.File(path);
        Assert.Null(file.Text);
        Assert.Equal("CWF8100", Assert.Single(file.Diagnostics).Code);
        // The same for a workflow request naming such a path (its catalog would be read from there).
        Assert.Contains(Examples.Check(new WorkflowRequest("workflow \"x\"", path)).Diagnostics, d => d.Code == "CWF8100");
    }

    [Fact]
    public void A_link_leading_out_of_the_folder_is_refused()
    {
        var root = Directory.CreateTempSubdirectory("cwf-serve-").FullName;
        try
        {
            var outside = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName());
            File.WriteAllText(outside, "secret");
            File.CreateSymbolicLink(Path.Combine(root, "link.cwf"), outside);
            File.WriteAllText(Path.Combine(root, "inside.cwf"), "workflow \"w\"");
            var workbench = new PlaygroundWorkbench(new ServedDirectory(root));
            Assert.Equal("CWF8100", Assert.Single(workbench.File("link.cwf").Diagnostics).Code);
            Assert.Equal("workflow \"w\"", workbench.File("inside.cwf").Text);
            Assert.Equal("CWF8101", Assert.Single(workbench.File("missing.cwf").Diagnostics).Code);
            File.Delete(outside);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Files_lists_the_workflows_without_data_and_catalogs()
    {
        var files = Examples.Files();
        Assert.Contains("school_buffers.cwf", files.Files);
        Assert.Contains("canvas/school_buffers/canvas.json", files.Files);
        Assert.DoesNotContain(files.Files, f => f.Contains("/data/") || f.StartsWith("data/") || f.EndsWith("catalog.json"));
        Assert.Equal(files.Files.Order(StringComparer.Ordinal), files.Files);
        Assert.Equal(7, files.Dialects.Length);
    }
}
