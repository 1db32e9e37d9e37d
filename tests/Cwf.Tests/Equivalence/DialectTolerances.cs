using System.Collections.Frozen;
using Cwf.Emit;

namespace Cwf.Tests.Equivalence;

/// <summary>
/// How closely a dialect's SQL reproduces the interpreter's geodesic values: meters
/// (<c>st_distance</c>, <c>st_length</c>, <c>st_dwithin</c>) and square meters (<c>st_area</c>)
/// relative to the interpreter's WGS84 ellipsoid, and buffers (the symmetric difference of two
/// buffer polygons, relative to their area). Zero means equal by the rounding rule.
/// </summary>
/// <param name="Distance">Relative difference of lengths and distances; 0: exact.</param>
/// <param name="Area">Relative difference of areas; 0: exact.</param>
/// <param name="Buffer">Relative area of the symmetric difference of buffers, and of values computed from them.</param>
/// <param name="Model">What the warehouse measures on, for the reports.</param>
public sealed record DialectTolerance(double Distance, double Area, double Buffer, string Model)
{
    /// <summary>Measures taken on the WGS84 ellipsoid with GeographicLib, as the interpreter takes them.</summary>
    public static DialectTolerance Ellipsoid { get; } = new(0, 0, 0.02, "WGS84 ellipsoid (GeographicLib)");

    /// <summary>Whether metric values are compared exactly (else they are approximate, as buffered values are).</summary>
    public bool MetricExact => Distance == 0 && Area == 0;

    /// <summary>The largest relative difference of any approximate value.</summary>
    public double Largest => Math.Max(Buffer, Math.Max(Distance, Area));
}

/// <summary>
/// The tolerances of the equivalence comparisons, one row per dialect (spec/equivalence.md,
/// "Tolerances per dialect"); a dialect without a row gets <see cref="Default"/>. The sphere rows
/// are the measured worst case of each warehouse's documented sphere against the ellipsoid
/// (<see cref="SphereAndEllipsoidTests"/> measures them and fails when a row is not the measured
/// figure); the ellipsoid rows are checked by the engine properties (PostgreSQL) or the warehouses'
/// documented values.
/// </summary>
public static class DialectTolerances
{
    /// <summary>The radius of BigQuery's and Snowflake's sphere (S2) and of Trino's spherical geography, in meters.</summary>
    public const double S2EarthRadius = 6_371_010;

    /// <summary>A sphere of <see cref="S2EarthRadius"/> against the ellipsoid: up to 0.57% for lengths (north-south near the equator), 0.90% for areas (near the poles).</summary>
    public static DialectTolerance Sphere { get; } = new(0.0057, 0.0090, 0.02, "sphere of radius 6,371,010 m");

    /// <summary>For a dialect nobody has measured yet: the contract's metric promise doubled, the buffer tolerance.</summary>
    public static DialectTolerance Default { get; } = new(0.01, 0.01, 0.02, "not measured");

    private static readonly FrozenDictionary<string, DialectTolerance> ByName = new Dictionary<string, DialectTolerance>
    {
        ["postgres"] = DialectTolerance.Ellipsoid,
        ["duckdb"] = DialectTolerance.Ellipsoid,
        // st_distancespheroid and geography areas on the WGS84 ellipsoid; documented values agree within 1e-9.
        ["databricks"] = DialectTolerance.Ellipsoid with { Distance = 1e-6, Area = 1e-6, Model = "WGS84 ellipsoid" },
        // Geodesic on the spheroid of the SRID with an algorithm of its own: documented values agree within 7e-6.
        ["redshift"] = DialectTolerance.Ellipsoid with { Distance = 1e-5, Area = 1e-5, Model = "WGS84 spheroid (its own geodesics)" },
        ["bigquery"] = Sphere,
        ["snowflake"] = Sphere,
        ["trino"] = Sphere,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The dialects with a row of their own.</summary>
    public static IEnumerable<string> Measured => ByName.Keys;

    public static DialectTolerance For(Dialect dialect) => ByName.GetValueOrDefault(dialect.Name, Default);
}
