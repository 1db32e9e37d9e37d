using System.Text.RegularExpressions;
using Cwf.Ir;

namespace Cwf.Catalog;

/// <summary>
/// Reads column type names from catalogs, canvas source schemas and .cwf schemas,
/// case-insensitively: the cwf names (int64, float64, decimal, string, bool, date, timestamp,
/// geography) and the warehouse names that mean the same (INT64, NUMBER, VARCHAR(20), bigint,
/// text, double precision, TIMESTAMP_NTZ, geometry(Geometry,4326) ...).
/// </summary>
public static partial class SqlTypeNames
{
    /// <summary>The cwf names, for hints.</summary>
    public static IReadOnlyList<string> CwfNames { get; } =
        ["int64", "float64", "decimal", "string", "bool", "date", "timestamp", "geography"];

    public static SqlType? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var normalized = Whitespace().Replace(text.Trim().ToLowerInvariant(), " ");
        var match = Parameterized().Match(normalized);
        string baseName = match.Success ? match.Groups["name"].Value.Trim() : normalized;
        string? arguments = match.Success ? match.Groups["args"].Value : null;

        switch (baseName)
        {
            case "int64" or "int" or "integer" or "bigint" or "smallint" or "tinyint" or "byteint" or "int2" or "int4" or "int8" or "long" or "short":
                return SqlType.Int64;
            case "number":
                // Snowflake NUMBER is NUMBER(38,0) unless a scale is given.
                return arguments is null || ScaleIsZero(arguments) ? SqlType.Int64 : SqlType.Decimal;
            case "decimal" or "numeric" or "bignumeric" or "bigdecimal" or "dec":
                return SqlType.Decimal;
            case "float64" or "float" or "float4" or "float8" or "double" or "double precision" or "real":
                return SqlType.Float64;
            case "string" or "varchar" or "text" or "char" or "character" or "character varying" or "nvarchar" or "nchar" or "bpchar" or "citext":
                return SqlType.String;
            case "bool" or "boolean":
                return SqlType.Bool;
            case "date":
                return SqlType.Date;
            case "timestamp" or "datetime" or "timestamp_ntz" or "timestamp_ltz" or "timestamp_tz" or "timestamptz"
                or "timestamp without time zone" or "timestamp with time zone":
                return SqlType.Timestamp;
            case "geography" or "geometry":
                return SqlType.Geography;
            default:
                return null;
        }
    }

    private static bool ScaleIsZero(string arguments)
    {
        var parts = arguments.Split(',');
        return parts.Length < 2 || parts[1].Trim() == "0";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?<name>[a-z_0-9 ]+?)\s*\((?<args>[^)]*)\)$")]
    private static partial Regex Parameterized();
}
