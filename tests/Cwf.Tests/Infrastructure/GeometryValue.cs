using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Cwf.Tests.Infrastructure;

/// <summary>
/// A geometry cell of a <see cref="RowSet"/>: the geometry normalized (NTS <c>Normalize</c>:
/// canonical ring orientation, start vertex and element order) without its SRID. Equality is
/// exact on the normalized form; <see cref="RowSetComparison"/> compares with a tolerance.
/// </summary>
public sealed class GeometryValue : IEquatable<GeometryValue>
{
    private static readonly WKTReader Reader = new();

    public GeometryValue(Geometry geometry)
    {
        var copy = geometry.Copy();
        copy.Normalize();
        copy.SRID = 0;
        Geometry = copy;
        Wkt = new WKTWriter().Write(copy);
    }

    public Geometry Geometry { get; }

    /// <summary>The normalized geometry as WKT, at full double precision.</summary>
    public string Wkt { get; }

    /// <summary>Reads WKT (an SRID prefix <c>SRID=4326;</c> is allowed and dropped).</summary>
    public static GeometryValue Parse(string wkt)
    {
        var text = wkt.Trim();
        if (text.StartsWith("SRID=", StringComparison.OrdinalIgnoreCase))
            text = text[(text.IndexOf(';') + 1)..];
        return new GeometryValue(Reader.Read(text));
    }

    public bool Equals(GeometryValue? other) => other is not null && Wkt == other.Wkt;
    public override bool Equals(object? obj) => Equals(obj as GeometryValue);
    public override int GetHashCode() => Wkt.GetHashCode(StringComparison.Ordinal);
    public override string ToString() => Wkt;
}
