namespace Cwf.Ir;

/// <summary>
/// The closed set of column types cwf reasons about. Warehouse type names are mapped onto
/// these at the edges (catalogs, canvas schemas) and back out by each dialect.
/// </summary>
public enum SqlType
{
    /// <summary>Not known at compile time (custom SQL without a declared schema, an untyped NULL).</summary>
    Unknown,
    Int64,
    Float64,
    Decimal,
    String,
    Bool,
    Date,
    Timestamp,
    /// <summary>WGS84 longitude/latitude geometry; metric operations on it are geodesic.</summary>
    Geography,
}

public static class SqlTypeFacts
{
    public static bool IsNumeric(this SqlType type) => type is SqlType.Int64 or SqlType.Float64 or SqlType.Decimal;

    public static bool IsTemporal(this SqlType type) => type is SqlType.Date or SqlType.Timestamp;

    /// <summary>
    /// Whether values can be compared with = and &lt;, grouped, sorted and made distinct.
    /// Geography cannot on every warehouse (BigQuery, Redshift), so cwf forbids it everywhere.
    /// </summary>
    public static bool IsComparable(this SqlType type) => type != SqlType.Geography;

    /// <summary>The cwf spelling used in .cwf schemas, catalogs and messages.</summary>
    public static string Name(this SqlType type) => type switch
    {
        SqlType.Int64 => "int64",
        SqlType.Float64 => "float64",
        SqlType.Decimal => "decimal",
        SqlType.String => "string",
        SqlType.Bool => "bool",
        SqlType.Date => "date",
        SqlType.Timestamp => "timestamp",
        SqlType.Geography => "geography",
        _ => "unknown",
    };

    /// <summary>
    /// Numeric widening: int64 → decimal → float64. The common type of two numeric types is the
    /// wider one; Unknown is compatible with everything.
    /// </summary>
    public static SqlType? CommonType(SqlType a, SqlType b)
    {
        if (a == b) return a;
        if (a == SqlType.Unknown) return b;
        if (b == SqlType.Unknown) return a;
        if (a.IsNumeric() && b.IsNumeric())
            return a == SqlType.Float64 || b == SqlType.Float64 ? SqlType.Float64 : SqlType.Decimal;
        if (a.IsTemporal() && b.IsTemporal()) return SqlType.Timestamp;
        return null;
    }

    /// <summary>Whether a value of type <paramref name="from"/> may be used where <paramref name="to"/> is expected without a cast.</summary>
    public static bool IsImplicitlyConvertible(SqlType from, SqlType to) =>
        from == to || from == SqlType.Unknown || to == SqlType.Unknown ||
        (from == SqlType.Int64 && to is SqlType.Decimal or SqlType.Float64) ||
        (from == SqlType.Decimal && to == SqlType.Float64) ||
        (from == SqlType.Date && to == SqlType.Timestamp);
}
