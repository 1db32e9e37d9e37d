namespace Cwf.Interpretation.Quadbin;

/// <summary>
/// Quadbin, CARTO's spatial index of web-mercator tiles (the Analytics Toolbox's <c>QUADBIN_*</c>
/// functions): a tile z/x/y packed in 64 bits. From the top: bit 62 set, mode 1 in bits 59-61, the
/// zoom 0-26 in bits 52-56, then the tile's Morton code (x in the even bits, y in the odd ones)
/// in the top 2z of the remaining 52 bits, and every bit below it set. Written from CARTO's
/// description of the encoding; the tests compare it with the quadbin npm package.
/// </summary>
public static class QuadbinIndex
{
    public const int MaxResolution = 26;

    /// <summary>The latitude where the web-mercator square ends; points beyond it fall in the edge row.</summary>
    public const double MaxLatitude = 85.05112877980659;

    private const ulong Header = 0x4000000000000000UL | (1UL << 59);
    private const ulong Body = 0xFFFFFFFFFFFFFUL; // the low 52 bits
    private const int ZoomOffset = 52;

    /// <summary>The cell of tile (x, y) at zoom z; x and y must be below 2^z.</summary>
    public static long FromTile(long x, long y, int z)
    {
        ulong morton = 0;
        for (int i = 0; i < z; i++)
        {
            morton |= (((ulong)x >> i) & 1) << (2 * i);
            morton |= (((ulong)y >> i) & 1) << (2 * i + 1);
        }
        ulong bits = z == 0 ? 0 : morton << (ZoomOffset - 2 * z);
        return (long)(Header | ((ulong)z << ZoomOffset) | bits | (Body >> (2 * z)));
    }

    /// <summary>The cell containing the point at zoom 0-26: longitude wraps around, latitude is clamped to the web-mercator square.</summary>
    public static long FromLongLat(double longitude, double latitude, int z)
    {
        long tiles = 1L << z;
        double lat = Math.Clamp(latitude, -MaxLatitude, MaxLatitude) * Math.PI / 180;
        double fx = tiles * (longitude / 360 + 0.5);
        double fy = tiles * (0.5 - Math.Log(Math.Tan(Math.PI / 4 + lat / 2)) / (2 * Math.PI));
        long x = (long)Math.Floor(fx) & (tiles - 1);
        long y = Math.Clamp((long)Math.Floor(fy), 0, tiles - 1);
        return FromTile(x, y, z);
    }

    /// <summary>Whether the 64 bits are a Quadbin cell: the header, a zoom up to 26, and every bit below the tile's set.</summary>
    public static bool IsValid(long cell)
    {
        ulong c = (ulong)cell;
        if ((c & ~((ulong)31 << ZoomOffset) & ~Body) != Header) return false;
        int z = Resolution(cell);
        if (z > MaxResolution) return false;
        ulong unused = Body >> (2 * z);
        return (c & unused) == unused;
    }

    public static int Resolution(long cell) => (int)(((ulong)cell >> ZoomOffset) & 31);

    /// <summary>The tile of a valid cell.</summary>
    public static (long X, long Y, int Z) ToTile(long cell)
    {
        int z = Resolution(cell);
        ulong morton = z == 0 ? 0 : ((ulong)cell & Body) >> (ZoomOffset - 2 * z);
        long x = 0, y = 0;
        for (int i = 0; i < z; i++)
        {
            x |= (long)((morton >> (2 * i)) & 1) << i;
            y |= (long)((morton >> (2 * i + 1)) & 1) << i;
        }
        return (x, y, z);
    }

    /// <summary>The cell containing a valid cell at a zoom from 0 to its own.</summary>
    public static long ToParent(long cell, int z)
    {
        var (x, y, own) = ToTile(cell);
        return FromTile(x >> (own - z), y >> (own - z), z);
    }

    /// <summary>The tile's box in degrees: west, south, east, north.</summary>
    public static (double West, double South, double East, double North) Bounds(long cell)
    {
        var (x, y, z) = ToTile(cell);
        double tiles = 1L << z;
        return (x / tiles * 360 - 180, Latitude(y + 1, tiles), (x + 1) / tiles * 360 - 180, Latitude(y, tiles));
    }

    /// <summary>The tile's web-mercator middle in degrees (the point its four children share).</summary>
    public static (double Longitude, double Latitude) Center(long cell)
    {
        var (x, y, z) = ToTile(cell);
        double tiles = 1L << z;
        return ((x + 0.5) / tiles * 360 - 180, Latitude(y + 0.5, tiles));
    }

    // The latitude of the horizontal tile edge at row y (fractions allowed) of a zoom with this many rows.
    private static double Latitude(double y, double tiles) => Math.Atan(Math.Sinh(Math.PI * (1 - 2 * y / tiles))) * 180 / Math.PI;
}
