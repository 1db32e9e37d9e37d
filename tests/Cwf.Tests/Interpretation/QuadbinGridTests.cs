using System.Text.Json;
using Cwf.Interpretation.Geo;
using Cwf.Interpretation.Quadbin;
using Cwf.Tests.Infrastructure;
using NetTopologySuite.Geometries;

namespace Cwf.Tests.Interpretation;

/// <summary>
/// The interpreter's Quadbin sets (children, polyfill, k-ring) against the quadbin npm package on random
/// tiles and polygons, run through node; and the toolbox's documented k-ring example. Seeds are in the
/// failure messages.
/// </summary>
public class QuadbinGridTests
{
    private static readonly string Folder = NodeReference.Folder("tests/Cwf.Tests/Interpretation/QuadbinReference");

    private static async Task<JsonDocument> Reference(object queries)
    {
        var dir = Directory.CreateTempSubdirectory("cwf-quadbin-grid-");
        try
        {
            var input = Path.Combine(dir.FullName, "in.json");
            var output = Path.Combine(dir.FullName, "out.json");
            File.WriteAllText(input, JsonSerializer.Serialize(queries));
            await NodeReference.RunAsync(Folder, "quadbin-grid.mjs", input, output);
            return JsonDocument.Parse(File.ReadAllText(output));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static long RandomCell(Random random, int z) =>
        QuadbinIndex.FromTile(random.NextInt64(1L << z), random.NextInt64(1L << z), z);

    [Fact]
    public void A_k_ring_is_the_square_around_the_tile_wrapping_columns_and_stopping_at_the_edge()
    {
        // QUADBIN_KRING(5209574053332910079, 1) of the toolbox documentation: the tile (9, 8) at zoom 4 and its eight neighbours.
        var ring = QuadbinGrid.KRing(5209574053332910079, 1);
        Assert.Equal(9, ring.Count);
        Assert.Equal((5209574053332910079, 0), ring[0]);
        long[] documented = [5208043533147045887, 5209556461146865663, 5209591645518954495, 5208061125333090303, 5209574053332910079, 5209609237704998911, 5208113901891223551, 5209626829891043327, 5209662014263132159];
        Assert.Equal(documented.Order(), ring.Select(p => p.Cell).Order());
        // A corner tile: the row above the map's top is gone, the column west of 0 is the last one.
        var corner = QuadbinGrid.KRing(QuadbinIndex.FromTile(0, 0, 3), 1);
        Assert.Equal(6, corner.Count);
        Assert.Contains(corner, p => p.Cell == QuadbinIndex.FromTile(7, 1, 3) && p.Distance == 1);
        // At zoom 0 every step comes back to the one tile.
        Assert.Equal([(QuadbinIndex.FromTile(0, 0, 0), 0)], QuadbinGrid.KRing(QuadbinIndex.FromTile(0, 0, 0), 2));
    }

    [Fact]
    [EngineTest(Engine.Node)]
    public async Task Children_k_rings_and_polyfill_match_the_quadbin_package()
    {
        const int seed = 17_2030;
        var random = new Random(seed);
        var children = Enumerable.Range(0, 200).Select(i => (Cell: RandomCell(random, i % 20), Res: i % 20 + i % 4)).ToList();
        var krings = Enumerable.Range(0, 200).Select(i => (Cell: RandomCell(random, i % 12), K: i % 4)).ToList();
        // Rectilinear polygons (an L of two boxes): their edges are straight both on lon/lat and on
        // web mercator, where tile-cover draws them, so the two implementations see the same shape.
        var polygons = new List<(double[][] Ring, int Res)>();
        for (int i = 0; i < 80; i++)
        {
            int z = 6 + i % 10;
            double size = 360.0 / (1L << z) * (1 + random.NextDouble() * 3);
            double west = random.NextDouble() * 300 - 150, south = random.NextDouble() * 100 - 50;
            double east = west + size, north = south + size * (0.5 + random.NextDouble());
            double midX = west + (east - west) * (0.2 + 0.6 * random.NextDouble()), midY = south + (north - south) * (0.2 + 0.6 * random.NextDouble());
            polygons.Add(([[west, south], [east, south], [east, midY], [midX, midY], [midX, north], [west, north], [west, south]], z));
        }
        using var answer = await Reference(new
        {
            children = children.Select(c => new object[] { c.Cell.ToString(), c.Res }),
            krings = krings.Select(k => new object[] { k.Cell.ToString(), k.K }),
            polygons = polygons.Select(p => new { ring = p.Ring, res = p.Res }),
        });
        var failures = new List<string>();
        var expectedChildren = answer.RootElement.GetProperty("children");
        for (int i = 0; i < children.Count; i++)
        {
            var actual = string.Join(" ", QuadbinGrid.Children(children[i].Cell, children[i].Res));
            var reference = string.Join(" ", expectedChildren[i].EnumerateArray().Select(e => long.Parse(e.GetString()!)).Order());
            if (actual != reference) failures.Add($"children of {children[i].Cell} at {children[i].Res}: ours {actual}, quadbin {reference}");
        }
        var expectedRings = answer.RootElement.GetProperty("krings");
        for (int i = 0; i < krings.Count; i++)
        {
            var actual = string.Join(" ", QuadbinGrid.KRing(krings[i].Cell, krings[i].K).OrderBy(p => p.Cell).Select(p => $"{p.Cell}:{p.Distance}"));
            var reference = string.Join(" ", expectedRings[i].EnumerateArray().Select(e => (Cell: long.Parse(e[0].GetString()!), D: e[1].GetInt32())).OrderBy(p => p.Cell).Select(p => $"{p.Cell}:{p.D}"));
            if (actual != reference) failures.Add($"k-ring {krings[i].K} of {krings[i].Cell}: ours {actual}, reference {reference}");
        }
        var expectedPolygons = answer.RootElement.GetProperty("polygons");
        int cells = 0;
        for (int i = 0; i < polygons.Count; i++)
        {
            var polygon = Geography.Factory.CreatePolygon([.. polygons[i].Ring.Select(v => new Coordinate(v[0], v[1]))]);
            var actual = string.Join(" ", QuadbinGrid.Polyfill(polygon, polygons[i].Res, CellContainment.Intersects, 1_000_000));
            var reference = string.Join(" ", expectedPolygons[i].EnumerateArray().Select(e => long.Parse(e.GetString()!)).Order());
            cells += expectedPolygons[i].GetArrayLength();
            if (actual != reference) failures.Add($"polyfill of {polygon} at {polygons[i].Res}: ours {actual}, quadbin {reference}");
        }
        Assert.True(cells > 500, $"seed {seed}: the polygons hold only {cells} tiles");
        Assert.True(failures.Count == 0, $"seed {seed}: {failures.Count} differ:\n" + string.Join("\n", failures.Take(5)));
    }

    [Fact]
    public void Center_and_contains_keep_subsets_of_the_intersecting_tiles()
    {
        var polygon = Geography.Factory.CreatePolygon([new(-3.8, 40.3), new(-3.5, 40.3), new(-3.6, 40.6), new(-3.8, 40.3)]);
        var intersects = QuadbinGrid.Polyfill(polygon, 12, CellContainment.Intersects, 1_000_000);
        var center = QuadbinGrid.Polyfill(polygon, 12, CellContainment.Center, 1_000_000);
        var contains = QuadbinGrid.Polyfill(polygon, 12, CellContainment.Contains, 1_000_000);
        Assert.Subset(intersects.ToHashSet(), center.ToHashSet());
        Assert.Subset(center.ToHashSet(), contains.ToHashSet());
        Assert.True(contains.Count > 0 && contains.Count < center.Count && center.Count < intersects.Count);
        Assert.All(center, c => Assert.True(polygon.Covers(Geography.Factory.CreatePoint(new Coordinate(QuadbinIndex.Center(c).Longitude, QuadbinIndex.Center(c).Latitude)))));
    }
}
