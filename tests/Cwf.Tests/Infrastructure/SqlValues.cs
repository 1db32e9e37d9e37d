using System.Globalization;
using System.Numerics;
using NetTopologySuite.Geometries;

namespace Cwf.Tests.Infrastructure;

/// <summary>
/// The normalized form of a cell value, the same whichever engine or interpreter produced it:
/// null; <see cref="decimal"/> for every exact number (integers included); <see cref="double"/>
/// for floating point; <see cref="string"/>; <see cref="bool"/>; <see cref="DateOnly"/> for dates;
/// <see cref="DateTime"/> (kind Unspecified, UTC for values with a zone) for timestamps;
/// <see cref="GeometryValue"/> for geometries.
/// </summary>
public static class SqlValues
{
    public static object? Normalize(object? value) => value switch
    {
        null or DBNull => null,
        bool or string or double or decimal or DateOnly or GeometryValue => value,
        sbyte or byte or short or ushort or int or uint or long or ulong => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        BigInteger big => big >= (BigInteger)decimal.MinValue && big <= (BigInteger)decimal.MaxValue ? (decimal)big : (double)big,
        Int128 or UInt128 => Normalize(BigInteger.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture)),
        float f => (double)f,
        Half h => (double)h,
        char c => c.ToString(),
        DateTime t => DateTime.SpecifyKind(t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t, DateTimeKind.Unspecified),
        DateTimeOffset t => DateTime.SpecifyKind(t.UtcDateTime, DateTimeKind.Unspecified),
        Geometry g => new GeometryValue(g),
        _ => throw new ArgumentException($"No normalized form for a value of type {value.GetType()}: {value}"),
    };

    /// <summary>How a normalized value is shown in a failure message.</summary>
    public static string Format(object? value) => value switch
    {
        null => "NULL",
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
