using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Components.Proximity;

/// <summary>Points for the neighbour components: two sharing a place, a NULL geography, one far away.</summary>
internal static class ProximityData
{
    public static TestTable Shops() => TestTable.Create("src.shops", "id int64, name string, geom geography",
        [1L, "a", "POINT (0 0)"],
        [2L, "b", "POINT (0 0)"],
        [3L, "c", "POINT (0.5 0)"],
        [4L, "d", "POINT (1.25 0)"],
        [5L, "e", "POINT (10 0)"],
        [6L, "f", null]);
}
