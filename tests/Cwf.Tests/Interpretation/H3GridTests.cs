using System.Text.Json;
using Cwf.Interpretation.Geo;
using Cwf.Interpretation.H3;
using Cwf.Tests.Infrastructure;
using NetTopologySuite.Geometries;

namespace Cwf.Tests.Interpretation;

/// <summary>
/// The H3 port's grid relations (k-ring with distances, children, grid distance, polyfill by mode) against
/// h3-js 4.5 on random cells and polygons, run through node. Each test's seed is in its failure message.
/// </summary>
[EngineTest(Engine.Node)]
public class H3GridTests
{
    private static readonly string Folder = NodeReference.Folder("tests/Cwf.Tests/Interpretation/H3Reference");

    private static async Task<JsonDocument> Reference(object queries)
    {
        var dir = Directory.CreateTempSubdirectory("cwf-h3-grid-");
        try
        {
            var input = Path.Combine(dir.FullName, "in.json");
            var output = Path.Combine(dir.FullName, "out.json");
            File.WriteAllText(input, JsonSerializer.Serialize(queries));
            await NodeReference.RunAsync(Folder, "h3-grid.js", input, output);
            return JsonDocument.Parse(File.ReadAllText(output));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static ulong RandomCell(Random random, int res, double maxLat = 90)
    {
        double lat = Math.Asin((2 * random.NextDouble() - 1) * Math.Sin(maxLat * Math.PI / 180)) * 180 / Math.PI;
        return H3Index.FromLatLng(lat, random.NextDouble() * 360 - 180, res)!.Value;
    }

    private static string Hex(ulong cell) => H3Index.ToHexString(cell);

    private static string Disk(IEnumerable<(string Cell, long Distance)> disk) =>
        string.Join(" ", disk.OrderBy(p => p.Cell, StringComparer.Ordinal).Select(p => $"{p.Cell}:{p.Distance}"));

    private static string Disk(JsonElement disk) => Disk(disk.EnumerateArray().Select(e => (e[0].GetString()!, (long)e[1].GetInt32())));

    [Fact]
    public async Task K_rings_with_distances_match_h3_js_including_around_pentagons()
    {
        const int seed = 17_2026;
        var random = new Random(seed);
        var queries = Enumerable.Range(0, 400).Select(i => (Cell: RandomCell(random, i % 14), K: i % 5)).ToList();
        using var answer = await Reference(new
        {
            disks = queries.Select(q => new object[] { Hex(q.Cell), q.K }),
            pentagonDisks = new[] { new[] { 0, 2 }, new[] { 1, 3 }, new[] { 5, 4 }, new[] { 9, 2 } },
        });
        var failures = new List<string>();
        var disks = answer.RootElement.GetProperty("disks");
        for (int i = 0; i < queries.Count; i++)
        {
            var actual = Disk(H3Grid.Disk(queries[i].Cell, queries[i].K).Select(p => (Hex(p.Cell), (long)p.Distance)));
            var expected = Disk(disks[i]);
            if (actual != expected) failures.Add($"{Hex(queries[i].Cell)} k {queries[i].K}:\n  ours  {actual}\n  h3-js {expected}");
        }
        int pentagons = 0;
        foreach (var p in answer.RootElement.GetProperty("pentagonDisks").EnumerateArray())
        {
            pentagons++;
            H3Index.TryParse(p.GetProperty("cell").GetString()!, out var cell);
            int k = p.GetProperty("disk").EnumerateArray().Max(e => e[1].GetInt32());
            var actual = Disk(H3Grid.Disk(cell, k).Select(q => (Hex(q.Cell), (long)q.Distance)));
            var expected = Disk(p.GetProperty("disk"));
            if (actual != expected) failures.Add($"pentagon {Hex(cell)} k {k}:\n  ours  {actual}\n  h3-js {expected}");
        }
        Assert.Equal(48, pentagons);
        Assert.True(failures.Count == 0, $"seed {seed}: {failures.Count} differ:\n" + string.Join("\n", failures.Take(5)));
    }

    [Fact]
    public async Task Children_match_h3_js()
    {
        const int seed = 17_2027;
        var random = new Random(seed);
        var queries = Enumerable.Range(0, 300).Select(i =>
        {
            int res = i % 12;
            return (Cell: RandomCell(random, res), Res: Math.Min(15, res + i % 4));
        }).ToList();
        // A pentagon and its first children at each level.
        H3Index.TryParse("8009fffffffffff", out var pentagon);
        queries.Add((pentagon, 2));
        queries.Add((H3Index.Child(pentagon, 1, 0), 4));
        using var answer = await Reference(new { children = queries.Select(q => new object[] { Hex(q.Cell), q.Res }) });
        var expected = answer.RootElement.GetProperty("children");
        var failures = new List<string>();
        for (int i = 0; i < queries.Count; i++)
        {
            var actual = string.Join(" ", H3Grid.Children(queries[i].Cell, queries[i].Res).Select(Hex));
            var reference = string.Join(" ", expected[i].EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal));
            if (actual != reference) failures.Add($"{Hex(queries[i].Cell)} to {queries[i].Res}:\n  ours  {actual}\n  h3-js {reference}");
            Assert.Equal(expected[i].GetArrayLength(), H3Grid.ChildCount(queries[i].Cell, queries[i].Res));
        }
        Assert.True(failures.Count == 0, $"seed {seed}: {failures.Count} differ:\n" + string.Join("\n", failures.Take(5)));
    }

    [Fact]
    public async Task Grid_distances_match_h3_js_where_it_gives_one()
    {
        const int seed = 17_2028;
        var random = new Random(seed);
        var pairs = new List<(ulong A, ulong B)>();
        for (int i = 0; i < 400; i++)
        {
            int res = 2 + i % 10;
            var a = RandomCell(random, res, maxLat: 80);
            var (lat, lng) = H3Index.Center(a)!.Value;
            // Up to about 40 cells away: cell edges shrink by about 2.65 per resolution.
            double reach = 40 * 1.3 * Math.Pow(2.65, -res) * 2;
            var b = H3Index.FromLatLng(Math.Clamp(lat + (random.NextDouble() * 2 - 1) * reach, -85, 85), lng + (random.NextDouble() * 2 - 1) * reach, res)!.Value;
            pairs.Add((a, b));
        }
        using var answer = await Reference(new { distances = pairs.Select(p => new[] { Hex(p.A), Hex(p.B) }) });
        var expected = answer.RootElement.GetProperty("distances");
        var failures = new List<string>();
        int compared = 0;
        for (int i = 0; i < pairs.Count; i++)
        {
            if (expected[i].ValueKind == JsonValueKind.Null) continue;
            compared++;
            long? actual = H3Grid.Distance(pairs[i].A, pairs[i].B);
            if (actual != expected[i].GetInt64()) failures.Add($"{Hex(pairs[i].A)} to {Hex(pairs[i].B)}: ours {actual?.ToString() ?? "NULL"}, h3-js {expected[i].GetInt64()}");
        }
        Assert.True(compared > 350, $"seed {seed}: h3-js gave only {compared} distances");
        Assert.True(failures.Count == 0, $"seed {seed}: {failures.Count} of {compared} differ:\n" + string.Join("\n", failures.Take(10)));
        Assert.Null(H3Grid.Distance(pairs[0].A, H3Index.ToParent(pairs[0].A, 0)));
    }

    [Theory]
    [InlineData("center", CellContainment.Center)]
    [InlineData("intersects", CellContainment.Intersects)]
    [InlineData("contains", CellContainment.Contains)]
    public async Task Polyfill_of_random_polygons_matches_h3_js(string mode, CellContainment containment)
    {
        const int seed = 17_2029;
        var random = new Random(seed);
        var polygons = new List<(double[][] Ring, int Res)>();
        for (int i = 0; i < 60; i++)
        {
            int res = 3 + i % 7;
            double lat = random.NextDouble() * 120 - 60, lng = random.NextDouble() * 320 - 160;
            // A star-shaped polygon a few cells across: radius 2 to 10 cell edges.
            double radius = (2 + random.NextDouble() * 8) * 1.3 * Math.Pow(2.65, -res) * 7;
            int n = 3 + random.Next(8);
            var angles = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 * Math.PI).Order().ToArray();
            var ring = angles.Select(t => new[] { lat + radius * (0.3 + 0.7 * random.NextDouble()) * Math.Sin(t), lng + radius * (0.3 + 0.7 * random.NextDouble()) * Math.Cos(t) }).ToList();
            ring.Add(ring[0]);
            polygons.Add(([.. ring], res));
        }
        using var answer = await Reference(new { polygons = polygons.Select(p => new { ring = p.Ring, res = p.Res, mode }) });
        var expected = answer.RootElement.GetProperty("polygons");
        var failures = new List<string>();
        int cells = 0;
        for (int i = 0; i < polygons.Count; i++)
        {
            var polygon = Geography.Factory.CreatePolygon([.. polygons[i].Ring.Select(v => new Coordinate(v[1], v[0]))]);
            var actual = string.Join(" ", H3Polyfill.Cells(polygon, polygons[i].Res, containment, 1_000_000).Select(Hex));
            var reference = string.Join(" ", expected[i].EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal));
            cells += expected[i].GetArrayLength();
            if (actual != reference) failures.Add($"{polygon} res {polygons[i].Res}:\n  ours  {actual}\n  h3-js {reference}");
        }
        Assert.True(cells > 100, $"seed {seed}: the polygons hold only {cells} cells");
        Assert.True(failures.Count == 0, $"seed {seed}, mode {mode}: {failures.Count} of {polygons.Count} differ:\n" + string.Join("\n", failures.Take(3)));
    }
}
