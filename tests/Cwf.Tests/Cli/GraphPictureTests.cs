using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Cwf.Analysis;
using Cwf.Cli.Drawing;
using Cwf.Tests.Analysis;
using Cwf.Tests.Infrastructure;
using SkiaSharp;
using static Cwf.Tests.Cli.CliRunner;

namespace Cwf.Tests.Cli;

/// <summary>
/// `cwf graph --format svg|png` (issue 19): the SVG holds every node and edge of the graph (checked against the
/// JSON graph of the same input), marks dead and shared steps, keeps boxes apart, and is the same on every run;
/// the PNG is that SVG rendered.
/// </summary>
public class GraphPictureTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Theory]
    [MemberData(nameof(EveryExampleToolTests.Inputs), MemberType = typeof(EveryExampleToolTests))]
    public void Every_example_draws_every_node_and_edge(string input)
    {
        var svg = Run("graph", Example(input), "--format", "svg");
        Assert.True(svg.ExitCode == 0, svg.Error);
        var json = Run("graph", Example(input), "--format", "json");
        using var graph = JsonDocument.Parse(json.Output);
        var picture = XDocument.Parse(svg.Output);

        var nodeIds = graph.RootElement.GetProperty("nodes").EnumerateArray().Select(n => "n" + n.GetProperty("id").GetInt32()).ToList();
        var edgeIds = graph.RootElement.GetProperty("edges").EnumerateArray()
            .Select(e => $"e{e.GetProperty("from").GetInt32()}-{e.GetProperty("to").GetInt32()}-{e.GetProperty("port").GetInt32()}").ToList();
        Assert.Equal(nodeIds, Groups(picture, "node").Select(g => (string)g.Attribute("id")!));
        Assert.Equal(edgeIds, Groups(picture, "edge").Select(g => (string)g.Attribute("id")!));
        foreach (var edge in Groups(picture, "edge"))
        {
            Assert.StartsWith("M", (string)edge.Element(Svg + "path")!.Attribute("d")!);
            Assert.Equal(3, ((string)edge.Element(Svg + "polygon")!.Attribute("points")!).Split(' ').Length);
        }
        Assert.Equal(svg.Output, Run("graph", Example(input), "--format", "svg").Output);
    }

    [Fact]
    public void Dead_and_shared_steps_are_marked_and_a_self_join_has_both_ports()
    {
        var analysis = WorkflowAnalyzer.Analyze(WorkflowAnalyzerTests.Sample(out int scan, out int unused, out int shared));
        var picture = XDocument.Parse(GraphSvg.Render(GraphLayout.Lay(analysis)));
        var nodes = Groups(picture, "node").ToDictionary(g => (string)g.Attribute("id")!);

        Assert.Equal("node step dead", (string)nodes["n" + unused].Attribute("class")!);
        Assert.Equal("5 4", (string)nodes["n" + unused].Element(Svg + "rect")!.Attribute("stroke-dasharray")!);
        Assert.Equal("node step shared", (string)nodes["n" + shared].Attribute("class")!);
        Assert.Equal("2", (string)nodes["n" + shared].Element(Svg + "rect")!.Attribute("stroke-width")!);
        Assert.Equal("node scan", (string)nodes["n" + scan].Attribute("class")!);
        Assert.Equal(["%2 big [shared: read 3 times]", "filter %1 (population > 5)"],
            nodes["n" + shared].Elements(Svg + "text").Select(t => t.Value).Take(2));

        var selfJoin = Groups(picture, "edge").Where(g => ((string)g.Attribute("id")!).StartsWith($"e{shared}-5-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["0", "1"], selfJoin.Select(g => g.Element(Svg + "text")!.Value));
    }

    [Fact]
    public void Boxes_do_not_overlap_and_edges_run_from_source_to_target()
    {
        var analysis = WorkflowAnalyzer.Analyze(WorkflowAnalyzerTests.Sample(out _, out _, out _));
        var graph = GraphLayout.Lay(analysis);
        foreach (var a in graph.Nodes)
        {
            Assert.InRange(a.TopLeft.X, 0, graph.Width - a.Width);
            Assert.InRange(a.TopLeft.Y, 0, graph.Height - a.Height);
            foreach (var b in graph.Nodes.Where(b => b.Node.Id > a.Node.Id))
                Assert.False(a.TopLeft.X < b.TopLeft.X + b.Width && b.TopLeft.X < a.TopLeft.X + a.Width &&
                             a.TopLeft.Y < b.TopLeft.Y + b.Height && b.TopLeft.Y < a.TopLeft.Y + a.Height, $"%{a.Node.Id} overlaps %{b.Node.Id}");
        }
        var byId = graph.Nodes.ToDictionary(n => n.Node.Id);
        foreach (var edge in graph.Edges)
        {
            var start = edge.PathData[1..].Split(['L', 'C'])[0].Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            Assert.True(Distance(byId[edge.Edge.Source], new DrawnPoint(start[0], start[1])) < 2, $"edge {edge.Edge} starts at its source");
            Assert.True(Distance(byId[edge.Edge.Target], edge.Arrowhead[0]) < 2, $"edge {edge.Edge} points at its target");
        }
    }

    [Fact]
    public void Png_is_the_svg_rendered_at_twice_its_size()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("cwf-graph-png").FullName, "graph.png");
        try
        {
            var r = Run("graph", Example("school_buffers.cwf"), "--format", "png", "--output", file);
            Assert.True(r.ExitCode == 0, r.Error);
            Assert.Equal("", r.Output);
            var bytes = File.ReadAllBytes(file);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);

            var svg = XDocument.Parse(Run("graph", Example("school_buffers.cwf"), "--format", "svg").Output).Root!;
            using var bitmap = SKBitmap.Decode(bytes);
            Assert.Equal((int)Math.Ceiling(2 * double.Parse((string)svg.Attribute("width")!, CultureInfo.InvariantCulture)), bitmap.Width);
            Assert.Equal((int)Math.Ceiling(2 * double.Parse((string)svg.Attribute("height")!, CultureInfo.InvariantCulture)), bitmap.Height);
            // Drawn, not blank: box borders and label text leave thousands of dark pixels.
            int dark = 0;
            for (int y = 0; y < bitmap.Height; y += 2)
                for (int x = 0; x < bitmap.Width; x += 2)
                    if (bitmap.GetPixel(x, y).Red < 128) dark++;
            Assert.True(dark > 1000, $"{dark} dark pixels");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    [Fact]
    public void The_readme_picture_is_what_cwf_draws()
    {
        var r = Run("graph", Example("store_trade_areas.cwf"), "--format", "svg");
        Assert.Equal(File.ReadAllText(RepoPaths.Combine("docs", "store_trade_areas.svg")), r.Output);
    }

    [Fact]
    public void Png_without_a_file_to_write_is_a_usage_error()
    {
        var r = Run("graph", Example("school_buffers.cwf"), "--format", "png");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Output);
        Assert.Contains("--output", r.Error);
    }

    [Fact]
    [EngineTest(Engine.Cli)]
    public async Task The_native_command_line_draws_svg_and_png()
    {
        var dir = Directory.CreateTempSubdirectory("cwf-graph-cli").FullName;
        try
        {
            var script = RepoPaths.Combine("cwf");
            var input = Example("store_trade_areas.cwf");
            var svg = await ProcessRunner.RunAsync(Engine.Cli, script, ["graph", input, "--format", "svg"], timeout: TimeSpan.FromMinutes(8));
            Assert.True(svg.ExitCode == 0, svg.StandardError);
            Assert.Equal(Run("graph", input, "--format", "svg").Output, svg.StandardOutput);
            var png = Path.Combine(dir, "g.png");
            var r = await ProcessRunner.RunAsync(Engine.Cli, script, ["graph", input, "--format", "png", "-o", png]);
            Assert.True(r.ExitCode == 0, r.StandardError);
            Assert.Equal("PNG", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(png), 1, 3));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static IEnumerable<XElement> Groups(XDocument picture, string kind) =>
        picture.Root!.Elements(Svg + "g").Where(g => ((string)g.Attribute("class")!).Split(' ')[0] == kind);

    private static double Distance(DrawnNode box, DrawnPoint p)
    {
        double dx = Math.Max(Math.Max(box.TopLeft.X - p.X, 0), p.X - (box.TopLeft.X + box.Width));
        double dy = Math.Max(Math.Max(box.TopLeft.Y - p.Y, 0), p.Y - (box.TopLeft.Y + box.Height));
        return Math.Sqrt(dx * dx + dy * dy);
    }
}
