using Cwf.Interpretation.Geo;
using Cwf.Tests.Infrastructure;
using CsCheck;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace Cwf.Tests.Interpretation;

/// <summary>
/// The interpreter's repair of invalid geometries (<see cref="StructureRepair"/>) is PostGIS 3.3's
/// <c>ST_MakeValid(g, 'method=structure')</c> (GEOS 3.11) vertex for vertex: the same rings, starting at the
/// same vertices, in the same order. The expected texts are PostGIS's answers (<c>ST_AsText</c>), unnormalized.
/// </summary>
public sealed class StructureRepairTests
{
    /// <summary>Six overlapping and separate polygons: enough for GEOS's tree order to differ from NetTopologySuite's.</summary>
    private const string SixParts =
        "MULTIPOLYGON(((3 3,4 5,5 3,3 3)),((0 10,1 12,2 10,0 10)),((10 0,9 2,11 2,10 0)),((5 0,4 2,6 2,5 0)),((0 0,0 2,2 2,2 0,0 0)),((1 1,1 3,3 3,3 1,1 1)))";

    private const string SixPartsRepaired =
        "MULTIPOLYGON(((1 2,1 3,3 3,3 1,2 1,2 0,0 0,0 2,1 2)),((5 0,4 2,6 2,5 0)),((10 0,9 2,11 2,10 0)),((3 3,4 5,5 3,3 3)),((0 10,1 12,2 10,0 10)))";

    private static Geometry G(string wkt) => Wkt.TryRead(wkt, out var error) ?? throw new InvalidOperationException(error);

    [Theory]
    [InlineData("POLYGON((0 0,2 2,2 0,0 2,0 0))", "MULTIPOLYGON(((1 1,2 2,2 0,1 1)),((0 0,0 2,1 1,0 0)))")]
    [InlineData("POLYGON((0 0,4 0,4 4,2 0,0 4,0 0))", "MULTIPOLYGON(((0 0,0 4,2 0,0 0)),((2 0,4 4,4 0,2 0)))")]
    [InlineData("POLYGON((0 0,10 0,10 10,0 10,0 0),(5 0,10 5,5 10,0 5,5 0))",
        "MULTIPOLYGON(((0 5,5 0,0 0,0 5)),((0 10,5 10,0 5,0 10)),((10 10,10 5,5 10,10 10)),((10 0,5 0,10 5,10 0)))")]
    [InlineData("POLYGON((0 0,10 0,10 10,0 10,0 0),(1 1,2 1,2 2,1 1),(20 20,21 20,21 21,20 20),(3 3,4 3,4 4,3 3))",
        "MULTIPOLYGON(((10 10,10 0,0 0,0 10,10 10),(2 1,2 2,1 1,2 1),(4 3,4 4,3 3,4 3)),((21 21,21 20,20 20,21 21)))")]
    [InlineData(SixParts, SixPartsRepaired)]
    [InlineData("GEOMETRYCOLLECTION(POINT(1 1)," + SixParts + ")", "GEOMETRYCOLLECTION(POINT(1 1)," + SixPartsRepaired + ")")]
    public void Invalid_geometries_are_repaired_vertex_for_vertex_as_PostGIS_repairs_them(string invalid, string repaired)
    {
        var g = G(invalid);
        Assert.False(g.IsValid);
        var actual = Geography.Valid(g);
        Assert.True(G(repaired).EqualsExact(actual), $"expected {repaired}, got {actual}");
    }

    [Fact]
    public void NetTopologySuites_own_fixer_starts_the_rings_elsewhere()
    {
        // Why the repair is not GeometryFixer: same shape, other starts and order (which a simplification keeps).
        var nts = GeometryFixer.Fix(G(SixParts));
        Assert.False(G(SixPartsRepaired).EqualsExact(nts));
        Assert.True(G(SixPartsRepaired).Normalized().EqualsExact(nts.Normalized()));
    }

    private sealed record Item(int Key, int Id);

    /// <summary>The items of the reference program: keys 0-6 from a 64-bit linear congruential generator seeded with n.</summary>
    private static List<Item> Items(int n)
    {
        var items = new List<Item>(n);
        var x = (ulong)n;
        for (var i = 0; i < n; i++)
        {
            x = unchecked(x * 6364136223846793005UL + 1442695040888963407UL);
            items.Add(new Item((int)((x >> 33) % 7), i));
        }
        return items;
    }

    /// <summary>FNV-1a over the ids in their sorted order.</summary>
    private static ulong OrderHash(List<Item> items)
    {
        var h = 1469598103934665603UL;
        foreach (var item in items) h = unchecked((h ^ (ulong)item.Id) * 1099511628211UL);
        return h;
    }

    /// <summary>
    /// Equal keys end where GCC's std::sort and std::partial_sort leave them. The hashes are the output of this C++
    /// program (g++ 12, libstdc++, Debian 12): the same generator and hash, then
    /// <c>std::sort(v.begin(), v.end(), less)</c> and <c>std::partial_sort(v.begin(), v.end(), v.end(), less)</c>
    /// with <c>less = a.key &lt; b.key</c>.
    /// </summary>
    [Theory]
    [InlineData(2, 11125488673309971922UL, 11125488673309971922UL)]
    [InlineData(5, 2094214290163438699UL, 2094214290163438699UL)]
    [InlineData(16, 5453308077339452813UL, 17336361860048992401UL)]
    [InlineData(17, 17637579505132417199UL, 18208321801531791829UL)]
    [InlineData(40, 9944700618397644933UL, 79824888785872469UL)]
    [InlineData(100, 17946260125385365013UL, 2826628165067047793UL)]
    [InlineData(1000, 15068527145352614019UL, 6023012453885474607UL)]
    public void Ties_end_in_libstdcxx_order(int n, ulong sortHash, ulong heapSortHash)
    {
        var sorted = Items(n);
        StdSort.Sort(sorted, 0, n, static (a, b) => a.Key < b.Key);
        Assert.Equal(sortHash, OrderHash(sorted));
        var heapSorted = Items(n);
        StdSort.HeapSort(heapSorted, 0, n, static (a, b) => a.Key < b.Key);
        Assert.Equal(heapSortHash, OrderHash(heapSorted));
    }

    [Fact]
    public void The_sort_sorts()
    {
        Gen.Int[1, 50].Array[0, 300].Check(keys =>
        {
            var items = keys.Select((k, i) => new Item(k, i)).ToList();
            StdSort.Sort(items, 0, items.Count, static (a, b) => a.Key < b.Key);
            Assert.Equal(keys.Order(), items.Select(i => i.Key));
            Assert.Equal(keys.Length, items.Select(i => i.Id).Distinct().Count());
        });
    }
}
