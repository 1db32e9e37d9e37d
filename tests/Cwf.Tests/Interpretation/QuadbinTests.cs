using System.Text.Json;
using Cwf.Interpretation.Quadbin;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Interpretation;

/// <summary>
/// The interpreter's Quadbin (written from CARTO's description of the encoding) against the documented
/// examples of the Analytics Toolbox, and against the quadbin npm package with math.gl's web-mercator
/// projection (an independent implementation) on random points and tiles, run through node.
/// </summary>
public class QuadbinTests
{
    private static readonly string Folder = NodeReference.Folder("tests/Cwf.Tests/Interpretation/QuadbinReference");

    [Fact]
    public void The_toolbox_documentation_examples_hold()
    {
        // QUADBIN_FROMLONGLAT(-3.7038, 40.4168, 4), QUADBIN_FROMZXY(4, 9, 8), QUADBIN_BBOX and QUADBIN_CENTER of 5207251884775047167.
        Assert.Equal(5207251884775047167, QuadbinIndex.FromLongLat(-3.7038, 40.4168, 4));
        Assert.Equal(5209574053332910079, QuadbinIndex.FromTile(9, 8, 4));
        Assert.Equal((9L, 8L, 4), QuadbinIndex.ToTile(5209574053332910079));
        var (west, south, east, north) = QuadbinIndex.Bounds(5207251884775047167);
        Assert.Equal(-22.5, west, 12);
        Assert.Equal(21.943045533438188, south, 12);
        Assert.Equal(0, east, 12);
        Assert.Equal(40.97989806962013, north, 12);
        var (lng, lat) = QuadbinIndex.Center(5207251884775047167);
        Assert.Equal(-11.25, lng, 12);
        Assert.Equal(31.952162238024965, lat, 12);
        Assert.Equal(5192650370358181887, QuadbinIndex.FromTile(0, 0, 0));
    }

    [Theory]
    [InlineData(5207251884775047167, true)]
    [InlineData(5192650370358181887, true)]
    [InlineData(5207251884775047166, false)] // a bit below the tile cleared
    [InlineData(0, false)]
    [InlineData(-1, false)]
    [InlineData(0x49B0000000000000, false)] // zoom 27
    public void Validity_checks_the_header_the_zoom_and_the_trailing_bits(long cell, bool valid) => Assert.Equal(valid, QuadbinIndex.IsValid(cell));

    [Fact]
    public void Longitude_wraps_and_latitude_is_clamped_to_the_mercator_square()
    {
        Assert.Equal(QuadbinIndex.FromLongLat(-180, 10, 5), QuadbinIndex.FromLongLat(180, 10, 5));
        Assert.Equal((0L, 0L, 7), QuadbinIndex.ToTile(QuadbinIndex.FromLongLat(-180, 89.9, 7)));
        Assert.Equal((127L, 127L, 7), QuadbinIndex.ToTile(QuadbinIndex.FromLongLat(179.999, -90, 7)));
    }

    private sealed record TileAnswer(string Cell, long[] Tile, int Resolution, string[] Parents, double[][] Boundary, double[] Center);

    [Fact]
    [EngineTest(Engine.Node)]
    public async Task Random_points_and_tiles_match_the_quadbin_package()
    {
        const int seed = 20261206;
        var random = new Random(seed);
        var points = new List<(double Lng, double Lat, int Z)>();
        for (int i = 0; i < 3000; i++)
            points.Add((random.NextDouble() * 360 - 180, random.NextDouble() * 170 - 85, i % 27));
        foreach (var (lng, lat) in new[] { (0.0, 0.0), (-180.0, 0.0), (179.999999, 84.9), (-3.7038, 40.4168), (12.5, -85.0) })
            for (int z = 0; z <= 26; z++) points.Add((lng, lat, z));
        var tiles = new List<(long X, long Y, int Z)>();
        for (int i = 0; i < 2000; i++)
        {
            int z = i % 27;
            long n = 1L << z;
            tiles.Add(((long)(random.NextDouble() * n), (long)(random.NextDouble() * n), z));
        }

        var dir = Directory.CreateTempSubdirectory("cwf-quadbin-");
        try
        {
            var input = Path.Combine(dir.FullName, "in.json");
            var output = Path.Combine(dir.FullName, "out.json");
            File.WriteAllText(input, JsonSerializer.Serialize(new
            {
                points = points.Select(p => new object[] { p.Lng, p.Lat, p.Z }),
                tiles = tiles.Select(t => new object[] { t.X, t.Y, t.Z }),
            }));
            await NodeReference.RunAsync(Folder, "quadbin-reference.mjs", input, output);
            using var doc = JsonDocument.Parse(File.ReadAllText(output));
            var expectedPoints = doc.RootElement.GetProperty("points").EnumerateArray().Select(e => long.Parse(e.GetString()!)).ToList();
            var expectedTiles = doc.RootElement.GetProperty("tiles").Deserialize<List<TileAnswer>>(new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

            var failures = new List<string>();
            for (int i = 0; i < points.Count; i++)
            {
                var (lng, lat, z) = points[i];
                long actual = QuadbinIndex.FromLongLat(lng, lat, z);
                if (actual != expectedPoints[i]) failures.Add($"point ({lng:R}, {lat:R}) z {z}: {actual}, quadbin {expectedPoints[i]}");
            }
            for (int i = 0; i < tiles.Count; i++)
                CompareTile(tiles[i], expectedTiles[i], failures);
            Assert.True(failures.Count == 0, $"seed {seed}: {failures.Count} differ:\n" + string.Join("\n", failures.Take(20)));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static void CompareTile((long X, long Y, int Z) tile, TileAnswer expected, List<string> failures)
    {
        long cell = QuadbinIndex.FromTile(tile.X, tile.Y, tile.Z);
        string at = $"tile {tile.Z}/{tile.X}/{tile.Y}";
        if (cell.ToString(System.Globalization.CultureInfo.InvariantCulture) != expected.Cell)
        {
            failures.Add($"{at}: {cell}, quadbin {expected.Cell}");
            return;
        }
        if (!QuadbinIndex.IsValid(cell)) failures.Add($"{at}: {cell} is not valid");
        if (QuadbinIndex.ToTile(cell) != (expected.Tile[0], expected.Tile[1], (int)expected.Tile[2])) failures.Add($"{at}: tile {QuadbinIndex.ToTile(cell)}");
        if (QuadbinIndex.Resolution(cell) != expected.Resolution) failures.Add($"{at}: resolution {QuadbinIndex.Resolution(cell)}");
        for (int k = 0; k < expected.Parents.Length; k++)
        {
            long parent = QuadbinIndex.ToParent(cell, tile.Z - 1 - k);
            if (parent.ToString(System.Globalization.CultureInfo.InvariantCulture) != expected.Parents[k]) failures.Add($"{at}: parent at {tile.Z - 1 - k} is {parent}, quadbin {expected.Parents[k]}");
        }
        // The package lists the corners from the north-east; the interpreter from the north-west (as BigQuery): compare the box.
        var (west, south, east, north) = QuadbinIndex.Bounds(cell);
        var lngs = expected.Boundary.Select(c => c[0]).ToList();
        var lats = expected.Boundary.Select(c => c[1]).ToList();
        if (!Near(west, lngs.Min()) || !Near(east, lngs.Max()) || !Near(south, lats.Min()) || !Near(north, lats.Max()))
            failures.Add($"{at}: box ({west}, {south}, {east}, {north}), quadbin ({lngs.Min()}, {lats.Min()}, {lngs.Max()}, {lats.Max()})");
        var (lng, lat) = QuadbinIndex.Center(cell);
        if (!Near(lng, expected.Center[0]) || !Near(lat, expected.Center[1])) failures.Add($"{at}: center ({lng}, {lat}), quadbin ({expected.Center[0]}, {expected.Center[1]})");
    }

    private static bool Near(double a, double b) => Math.Abs(a - b) <= 1e-9;
}
