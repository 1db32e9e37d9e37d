using System.Globalization;

namespace Cwf.Interpretation.H3;

/// <summary>
/// The subset of H3 (https://h3geo.org) the IR needs: the cell containing a point at a
/// resolution, and a cell's boundary. A port of Uber's H3 library 4.x (Apache 2.0): no H3
/// package for .NET is available here, and the interpreter must produce the same cell ids and
/// vertices as the warehouses' H3 functions (checked against h3-js in the tests).
/// Cells are 64-bit indexes shown as 15-character lower-case hex strings.
/// </summary>
public static class H3Index
{
    public const int MaxResolution = 15;

    private const int ModeOffset = 59, BaseCellOffset = 45, ResolutionOffset = 52, ReservedOffset = 56;
    private const ulong CellMode = 1;
    /// <summary>Mode 0, resolution 0, base cell 0, every digit 7.</summary>
    private const ulong Init = 35184372088831UL;
    private const double DegToRad = 0.0174532925199432957692369076848861271111;
    private const double RadToDeg = 57.29577951308232087679815481410517033240547;

    /// <summary>The cell containing (lat, lng) degrees at a resolution 0-15; null for non-finite coordinates or a bad resolution.</summary>
    public static ulong? FromLatLng(double latDegrees, double lngDegrees, int resolution)
    {
        if (resolution is < 0 or > MaxResolution) return null;
        if (!double.IsFinite(latDegrees) || !double.IsFinite(lngDegrees)) return null;
        var fijk = FaceIjk.FromGeo(latDegrees * DegToRad, lngDegrees * DegToRad, resolution);
        ulong h = ToIndex(fijk, resolution);
        return h == 0 ? null : h;
    }

    /// <summary>The cell's boundary as (lat, lng) degrees, counter-clockwise, not closed; null for an invalid cell.</summary>
    public static IReadOnlyList<(double Lat, double Lng)>? Boundary(ulong cell)
    {
        if (!IsValidCell(cell)) return null;
        var fijk = ToFaceIjk(cell);
        int res = Resolution(cell);
        var boundary = IsPentagon(cell) ? fijk.PentagonBoundary(res) : fijk.HexagonBoundary(res);
        return [.. boundary.Select(p => (p.Lat * RadToDeg, p.Lng * RadToDeg))];
    }

    /// <summary>The cell's center as (lat, lng) degrees; null for an invalid cell.</summary>
    public static (double Lat, double Lng)? Center(ulong cell)
    {
        if (!IsValidCell(cell)) return null;
        var (lat, lng) = ToFaceIjk(cell).ToGeo(Resolution(cell));
        return (lat * RadToDeg, lng * RadToDeg);
    }

    /// <summary>The cell containing a valid cell at a resolution from 0 to its own: the digits below it become 7.</summary>
    public static ulong ToParent(ulong cell, int resolution)
    {
        ulong parent = (cell & ~(15UL << ResolutionOffset)) | ((ulong)resolution << ResolutionOffset);
        for (int r = resolution + 1; r <= MaxResolution; r++) parent = SetDigit(parent, r, 7);
        return parent;
    }

    /// <summary>The child of a valid cell at the next resolution <paramref name="resolution"/> in direction <paramref name="digit"/> 0-6.</summary>
    public static ulong Child(ulong cell, int resolution, int digit) =>
        SetDigit((cell & ~(15UL << ResolutionOffset)) | ((ulong)resolution << ResolutionOffset), resolution, digit);

    public static string ToHexString(ulong cell) => cell.ToString("x", CultureInfo.InvariantCulture);

    /// <summary>Reads a hex cell id (any case, no prefix); false when it is not hex or not a valid cell.</summary>
    public static bool TryParse(string text, out ulong cell)
    {
        cell = 0;
        var trimmed = text.Trim();
        if (trimmed.Length is 0 or > 16) return false;
        if (!ulong.TryParse(trimmed, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)) return false;
        if (!IsValidCell(value)) return false;
        cell = value;
        return true;
    }

    public static int Resolution(ulong h) => (int)((h >> ResolutionOffset) & 15);

    public static int BaseCell(ulong h) => (int)((h >> BaseCellOffset) & 127);

    private static int Digit(ulong h, int res) => (int)((h >> ((MaxResolution - res) * 3)) & 7);

    private static ulong SetDigit(ulong h, int res, int digit)
    {
        int shift = (MaxResolution - res) * 3;
        return (h & ~(7UL << shift)) | ((ulong)digit << shift);
    }

    public static bool IsValidCell(ulong h)
    {
        if ((h >> 63) != 0) return false;
        if (((h >> ModeOffset) & 15) != CellMode) return false;
        if (((h >> ReservedOffset) & 7) != 0) return false;
        int baseCell = BaseCell(h);
        if (baseCell >= BaseCells.Count) return false;
        int res = Resolution(h);
        bool foundFirstNonZero = false;
        for (int r = 1; r <= res; r++)
        {
            int digit = Digit(h, r);
            if (!foundFirstNonZero && digit != 0)
            {
                foundFirstNonZero = true;
                if (BaseCells.IsPentagon(baseCell) && digit == 1) return false;
            }
            if (digit >= 7) return false;
        }
        for (int r = res + 1; r <= MaxResolution; r++)
            if (Digit(h, r) != 7) return false;
        return true;
    }

    public static bool IsPentagon(ulong h) => BaseCells.IsPentagon(BaseCell(h)) && LeadingNonZeroDigit(h) == 0;

    private static int LeadingNonZeroDigit(ulong h)
    {
        int res = Resolution(h);
        for (int r = 1; r <= res; r++)
        {
            int digit = Digit(h, r);
            if (digit != 0) return digit;
        }
        return 0;
    }

    private static ulong Rotate60Ccw(ulong h)
    {
        int res = Resolution(h);
        for (int r = 1; r <= res; r++) h = SetDigit(h, r, CoordIjk.RotateDigit60Ccw(Digit(h, r)));
        return h;
    }

    private static ulong Rotate60Cw(ulong h)
    {
        int res = Resolution(h);
        for (int r = 1; r <= res; r++) h = SetDigit(h, r, CoordIjk.RotateDigit60Cw(Digit(h, r)));
        return h;
    }

    private static ulong RotatePent60Ccw(ulong h)
    {
        bool foundFirstNonZero = false;
        int res = Resolution(h);
        for (int r = 1; r <= res; r++)
        {
            h = SetDigit(h, r, CoordIjk.RotateDigit60Ccw(Digit(h, r)));
            if (!foundFirstNonZero && Digit(h, r) != 0)
            {
                foundFirstNonZero = true;
                // Rotate out of the deleted k-axes sub-sequence.
                if (LeadingNonZeroDigit(h) == 1) h = Rotate60Ccw(h);
            }
        }
        return h;
    }

    private static ulong ToIndex(FaceIjk fijk, int res)
    {
        ulong h = Init;
        h = (h & ~(15UL << ModeOffset)) | (CellMode << ModeOffset);
        h = (h & ~(15UL << ResolutionOffset)) | ((ulong)res << ResolutionOffset);

        const int maxFaceCoord = 2;
        if (res == 0)
        {
            if (fijk.Coord.I > maxFaceCoord || fijk.Coord.J > maxFaceCoord || fijk.Coord.K > maxFaceCoord) return 0;
            return WithBaseCell(h, BaseCells.At(fijk.Face, fijk.Coord));
        }

        var ijk = fijk.Coord;
        for (int r = res - 1; r >= 0; r--)
        {
            var last = ijk;
            CoordIjk lastCenter;
            if (FaceIjk.IsClassIII(r + 1))
            {
                ijk = ijk.UpAp7();
                lastCenter = ijk.DownAp7();
            }
            else
            {
                ijk = ijk.UpAp7r();
                lastCenter = ijk.DownAp7r();
            }
            var diff = (last - lastCenter).Normalize();
            h = SetDigit(h, r + 1, diff.ToDigit());
        }

        if (ijk.I > maxFaceCoord || ijk.J > maxFaceCoord || ijk.K > maxFaceCoord) return 0;

        int baseCell = BaseCells.At(fijk.Face, ijk);
        h = WithBaseCell(h, baseCell);
        int numRots = BaseCells.RotationsAt(fijk.Face, ijk);
        if (BaseCells.IsPentagon(baseCell))
        {
            if (LeadingNonZeroDigit(h) == 1)
                h = BaseCells.IsCwOffset(baseCell, fijk.Face) ? Rotate60Cw(h) : Rotate60Ccw(h);
            for (int i = 0; i < numRots; i++) h = RotatePent60Ccw(h);
        }
        else
        {
            for (int i = 0; i < numRots; i++) h = Rotate60Ccw(h);
        }
        return h;
    }

    private static ulong WithBaseCell(ulong h, int baseCell) => (h & ~(127UL << BaseCellOffset)) | ((ulong)baseCell << BaseCellOffset);

    private static FaceIjk ToFaceIjk(ulong h)
    {
        int baseCell = BaseCell(h);
        if (BaseCells.IsPentagon(baseCell) && LeadingNonZeroDigit(h) == 5) h = Rotate60Cw(h);

        var data = BaseCells.Get(baseCell);
        var fijk = new FaceIjk(data.Face, data.Home);
        int res = Resolution(h);

        bool possibleOverage = !(!BaseCells.IsPentagon(baseCell) && (res == 0 || fijk.Coord == default));
        var ijk = fijk.Coord;
        for (int r = 1; r <= res; r++)
        {
            ijk = FaceIjk.IsClassIII(r) ? ijk.DownAp7() : ijk.DownAp7r();
            ijk = ijk.Neighbor(Digit(h, r));
        }
        fijk = fijk with { Coord = ijk };
        if (!possibleOverage) return fijk;

        var origIjk = fijk.Coord;
        int adjRes = res;
        if (FaceIjk.IsClassIII(res))
        {
            fijk = fijk with { Coord = fijk.Coord.DownAp7r() };
            adjRes++;
        }

        bool pentLeading4 = BaseCells.IsPentagon(baseCell) && LeadingNonZeroDigit(h) == 4;
        if (fijk.AdjustOverage(adjRes, pentLeading4, out var adjusted))
        {
            fijk = adjusted;
            if (BaseCells.IsPentagon(baseCell))
            {
                while (fijk.AdjustOverage(adjRes, pentLeading4: false, out adjusted)) fijk = adjusted;
            }
            if (adjRes != res) fijk = fijk with { Coord = fijk.Coord.UpAp7r() };
        }
        else if (adjRes != res)
        {
            fijk = fijk with { Coord = origIjk };
        }
        return fijk;
    }
}
