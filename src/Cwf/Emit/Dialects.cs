using System.Collections.Immutable;

namespace Cwf.Emit;

/// <summary>The registry of SQL dialects. Adding a dialect: one file in Emit/Dialects and one line here.</summary>
public static class Dialects
{
    public static ImmutableArray<Dialect> All { get; } =
    [
        new BigQueryDialect(),
        new SnowflakeDialect(),
        new RedshiftDialect(),
        new DatabricksDialect(),
        new PostgresDialect(),
        new DuckDbDialect(),
    ];

    /// <summary>The names <c>--dialect</c> accepts, for messages.</summary>
    public static IEnumerable<string> Names => All.Select(d => d.Name);

    /// <summary>The dialect with this name or alias (ignoring case: <c>postgresql</c>, <c>databricksWarehouse</c>, <c>bq</c>...), or null.</summary>
    public static Dialect? Find(string name)
    {
        var key = name.Trim();
        return All.FirstOrDefault(d =>
            string.Equals(d.Name, key, StringComparison.OrdinalIgnoreCase) ||
            d.Aliases.Any(a => string.Equals(a, key, StringComparison.OrdinalIgnoreCase)));
    }
}
