using NetTopologySuite.Geometries;

namespace Cwf.Interpretation.Geo;

/// <summary>A regular grid of points over a bounding box (native.creategrid).</summary>
internal static partial class Geography
{
    /// <summary>
    /// The points (xmin + i * interval, ymin + j * interval) inside the bounding box of <paramref name="g"/>,
    /// row by row from the south, as the SQL writes them; null for an empty geography or an interval not above 0.
    /// </summary>
    public static Geometry? GridPoints(Geometry g, double interval)
    {
        if (g.IsEmpty || !(interval > 0)) return null;
        var box = g.EnvelopeInternal;
        long columns = (long)Math.Floor((box.MaxX - box.MinX) / interval), rows = (long)Math.Floor((box.MaxY - box.MinY) / interval);
        var points = new List<Point>();
        for (long j = 0; j <= rows; j++)
            for (long i = 0; i <= columns; i++)
                points.Add(Factory.CreatePoint(new Coordinate(box.MinX + i * interval, box.MinY + j * interval)));
        return Factory.CreateMultiPoint([.. points]);
    }
}
