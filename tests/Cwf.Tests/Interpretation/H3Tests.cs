using System.Text.Json;
using Cwf.Interpretation.H3;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Interpretation;

/// <summary>The H3 port against h3-js 4.5 (the reference implementation), run through node.</summary>
[EngineTest(Engine.Node)]
public class H3Tests
{
    private static readonly string Folder = NodeReference.Folder("tests/Cwf.Tests/Interpretation/H3Reference");

    private sealed record Answer(string Cell, double[][] Boundary, double[]? Center);

    private static async Task<(List<Answer> Cells, List<Answer> Pentagons)> Reference(IReadOnlyList<(double Lat, double Lng, int Res)> points)
    {
        var dir = Directory.CreateTempSubdirectory("cwf-h3-");
        try
        {
            var input = Path.Combine(dir.FullName, "in.json");
            var output = Path.Combine(dir.FullName, "out.json");
            File.WriteAllText(input, JsonSerializer.Serialize(new { points = points.Select(p => new object[] { p.Lat, p.Lng, p.Res }) }));
            await NodeReference.RunAsync(Folder, "h3-reference.js", input, output);
            using var doc = JsonDocument.Parse(File.ReadAllText(output));
            List<Answer> Read(string name) => [.. doc.RootElement.GetProperty(name).EnumerateArray().Select(e => new Answer(
                e.GetProperty("cell").GetString()!,
                [.. e.GetProperty("boundary").EnumerateArray().Select(v => new[] { v[0].GetDouble(), v[1].GetDouble() })],
                e.TryGetProperty("center", out var c) ? [c[0].GetDouble(), c[1].GetDouble()] : null))];
            return (Read("cells"), Read("pentagons"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static List<(double Lat, double Lng, int Res)> RandomPoints(int count, int seed)
    {
        var random = new Random(seed);
        var points = new List<(double, double, int)>();
        for (int i = 0; i < count; i++)
        {
            // Uniform on the sphere, every resolution equally often.
            double lat = Math.Asin(2 * random.NextDouble() - 1) * 180 / Math.PI;
            double lng = random.NextDouble() * 360 - 180;
            points.Add((lat, lng, i % 16));
        }
        // Places that exercise the edge cases: poles, the antimeridian, face edges, exact zeros.
        foreach (var (lat, lng) in new[] { (90.0, 0.0), (-90.0, 0.0), (0.0, 180.0), (0.0, -180.0), (0.0, 0.0), (89.9999, 179.9999), (-45.0, -179.99999), (51.5072, -0.1276), (40.7128, -74.006) })
            for (int res = 0; res <= 15; res++) points.Add((lat, lng, res));
        return points;
    }

    [Fact]
    public async Task Cells_and_boundaries_of_random_points_match_h3_js()
    {
        var points = RandomPoints(4000, seed: 20240611);
        var (expected, _) = await Reference(points);
        var failures = new List<string>();
        for (int i = 0; i < points.Count; i++)
        {
            var (lat, lng, res) = points[i];
            var cell = H3Index.FromLatLng(lat, lng, res);
            string actual = cell is { } c ? H3Index.ToHexString(c) : "(none)";
            if (actual != expected[i].Cell)
            {
                failures.Add($"({lat}, {lng}) res {res}: {actual}, h3-js {expected[i].Cell}");
                continue;
            }
            CompareBoundary(actual, H3Index.Boundary(cell!.Value)!, expected[i].Boundary, failures);
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {points.Count} differ:\n" + string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public async Task Pentagons_at_every_resolution_match_h3_js()
    {
        var (_, pentagons) = await Reference([]);
        Assert.Equal(12 * 16, pentagons.Count);
        var failures = new List<string>();
        foreach (var p in pentagons)
        {
            Assert.True(H3Index.TryParse(p.Cell, out var cell), p.Cell);
            Assert.True(H3Index.IsPentagon(cell), p.Cell);
            var center = H3Index.Center(cell)!.Value;
            if (Math.Abs(center.Lat - p.Center![0]) > 1e-9 || Math.Abs(center.Lng - p.Center[1]) > 1e-9)
                failures.Add($"{p.Cell}: center {center}, h3-js ({p.Center[0]}, {p.Center[1]})");
            var again = H3Index.FromLatLng(p.Center[0], p.Center[1], H3Index.Resolution(cell));
            if (again != cell) failures.Add($"{p.Cell}: its center maps to {again:x}");
            CompareBoundary(p.Cell, H3Index.Boundary(cell)!, p.Boundary, failures);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    private static void CompareBoundary(string cell, IReadOnlyList<(double Lat, double Lng)> actual, double[][] expected, List<string> failures)
    {
        if (actual.Count != expected.Length)
        {
            failures.Add($"{cell}: {actual.Count} vertices, h3-js {expected.Length}");
            return;
        }
        for (int v = 0; v < actual.Count; v++)
        {
            if (!SameVertex(actual[v].Lat, actual[v].Lng, expected[v][0], expected[v][1]))
            {
                failures.Add($"{cell} vertex {v}: ({actual[v].Lat}, {actual[v].Lng}), h3-js ({expected[v][0]}, {expected[v][1]})");
                return;
            }
        }
    }

    // Within 1e-9 degrees; within 0.01 degrees of a pole, where asin(z) amplifies the last bit of z, within 2e-9 radians (1.3 cm).
    private static bool SameVertex(double lat1, double lng1, double lat2, double lng2)
    {
        if (Math.Abs(lat1) < 89.99) return Math.Abs(lat1 - lat2) <= 1e-9 && Math.Abs(lng1 - lng2) <= 1e-9;
        static (double, double, double) Unit(double lat, double lng) =>
            (Math.Cos(lat * Math.PI / 180) * Math.Cos(lng * Math.PI / 180), Math.Cos(lat * Math.PI / 180) * Math.Sin(lng * Math.PI / 180), Math.Sin(lat * Math.PI / 180));
        var (x1, y1, z1) = Unit(lat1, lng1);
        var (x2, y2, z2) = Unit(lat2, lng2);
        return Math.Sqrt((x1 - x2) * (x1 - x2) + (y1 - y2) * (y1 - y2) + (z1 - z2) * (z1 - z2)) <= 2e-9;
    }

    [Fact]
    public async Task Parents_resolutions_centers_and_validity_match_h3_js()
    {
        const int seed = 20261207;
        var random = new Random(seed);
        var queries = new List<object[]>();
        for (int i = 0; i < 3000; i++)
        {
            int res = i % 16;
            queries.Add([Math.Asin(2 * random.NextDouble() - 1) * 180 / Math.PI, random.NextDouble() * 360 - 180, res, random.Next(0, res + 1)]);
        }
        // Cell ids with one hex digit changed (mostly invalid), and texts that are not cells.
        var texts = new List<string> { "", "0", "zz", "85283473FFFFFFF", "85283473fffffff", " 85283473fffffff", "ffffffffffffffff", "8f2830828052d25" };
        for (int i = 0; i < 500; i++)
        {
            var cell = H3Index.ToHexString(H3Index.FromLatLng(random.NextDouble() * 180 - 90, random.NextDouble() * 360 - 180, random.Next(0, 16))!.Value).ToCharArray();
            cell[random.Next(cell.Length)] = "0123456789abcdef"[random.Next(16)];
            texts.Add(new string(cell));
        }

        var dir = Directory.CreateTempSubdirectory("cwf-h3-");
        try
        {
            var input = Path.Combine(dir.FullName, "in.json");
            var output = Path.Combine(dir.FullName, "out.json");
            File.WriteAllText(input, JsonSerializer.Serialize(new { cells = queries, texts }));
            await NodeReference.RunAsync(Folder, "h3-hierarchy.js", input, output);
            using var doc = JsonDocument.Parse(File.ReadAllText(output));
            var failures = new List<string>();
            int i = 0;
            foreach (var e in doc.RootElement.GetProperty("cells").EnumerateArray())
            {
                var q = queries[i++];
                var cell = H3Index.FromLatLng((double)q[0], (double)q[1], (int)q[2])!.Value;
                string hex = H3Index.ToHexString(cell);
                if (hex != e.GetProperty("cell").GetString()) { failures.Add($"{q[0]}, {q[1]} res {q[2]}: {hex}"); continue; }
                if (H3Index.Resolution(cell) != e.GetProperty("resolution").GetInt32()) failures.Add($"{hex}: resolution {H3Index.Resolution(cell)}");
                string parent = H3Index.ToHexString(H3Index.ToParent(cell, (int)q[3]));
                if (parent != e.GetProperty("parent").GetString()) failures.Add($"{hex}: parent at {q[3]} is {parent}, h3-js {e.GetProperty("parent").GetString()}");
                var center = H3Index.Center(cell)!.Value;
                var expected = e.GetProperty("center");
                if (!SameVertex(center.Lat, center.Lng, expected[0].GetDouble(), expected[1].GetDouble())) failures.Add($"{hex}: center {center}");
            }
            int t = 0;
            foreach (var valid in doc.RootElement.GetProperty("valid").EnumerateArray())
            {
                var text = texts[t++];
                // h3-js reads any case but no blanks; TryParse also trims, as the SQL functions compare the text as given: only the trimmed text is checked.
                if (text != text.Trim()) continue;
                if (H3Index.TryParse(text, out _) != valid.GetBoolean()) failures.Add($"'{text}': valid {!valid.GetBoolean()}, h3-js {valid.GetBoolean()}");
            }
            Assert.True(failures.Count == 0, $"seed {seed}: {failures.Count} differ:\n" + string.Join("\n", failures.Take(20)));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("85283473fffffff", true)]
    [InlineData("85283473FFFFFFF", true)]
    [InlineData("not a cell", false)]
    [InlineData("ffffffffffffffff", false)]
    [InlineData("", false)]
    [InlineData("0", false)]
    public void Parsing_accepts_only_valid_cells(string text, bool valid) => Assert.Equal(valid, H3Index.TryParse(text, out _));

    [Fact]
    public void Invalid_resolution_or_coordinates_give_no_cell()
    {
        Assert.Null(H3Index.FromLatLng(0, 0, 16));
        Assert.Null(H3Index.FromLatLng(0, 0, -1));
        Assert.Null(H3Index.FromLatLng(double.NaN, 0, 5));
        Assert.Equal("85283473fffffff", H3Index.ToHexString(H3Index.FromLatLng(37.3615593, -122.0553238, 5)!.Value));
    }
}
