using Cwf.Ir;

namespace Cwf.Tests.Infrastructure;

/// <summary>Identifier quoting shared by the PostgreSQL and DuckDB helpers (both use standard double quotes).</summary>
public static class SqlNames
{
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Each part quoted: <c>"schema"."table"</c>.</summary>
    public static string Quote(TableName name) => string.Join('.', name.Parts.Select(Quote));
}
