namespace Cwf.Ir;

/// <summary>A function evaluated over a window of rows (spec/ir.md, "Windows").</summary>
public enum WindowFunction
{
    RowNumber,
    Rank,
    DenseRank,
    PercentRank,
    /// <summary><c>ntile(n)</c>: arguments [n], an int64 literal ≥ 1.</summary>
    Ntile,
    /// <summary><c>lag(value, offset[, default])</c>: arguments [value, offset (int64 literal ≥ 0), default?].</summary>
    Lag,
    /// <summary><c>lead(value, offset[, default])</c>, as lag.</summary>
    Lead,
    FirstValue,
    LastValue,
    Sum,
    Avg,
    Min,
    Max,
    /// <summary><c>count(x)</c>: the non-NULL values in the frame.</summary>
    Count,
    /// <summary><c>count()</c> / <c>count(*)</c>: the rows in the frame.</summary>
    CountAll,
}

public static class WindowFunctions
{
    /// <summary>
    /// Functions of the row's place in the ordered partition (ranking and offsets): they need an
    /// ORDER BY and take no frame. The others (first_value, last_value, the aggregates) read the frame.
    /// </summary>
    public static bool IsPositional(this WindowFunction f) =>
        f is WindowFunction.RowNumber or WindowFunction.Rank or WindowFunction.DenseRank or WindowFunction.PercentRank
            or WindowFunction.Ntile or WindowFunction.Lag or WindowFunction.Lead;

    /// <summary>The name as written in .cwf and printed: <c>row_number</c>, <c>first_value</c>, <c>count</c>.</summary>
    public static string Name(this WindowFunction f) => f switch
    {
        WindowFunction.RowNumber => "row_number",
        WindowFunction.DenseRank => "dense_rank",
        WindowFunction.PercentRank => "percent_rank",
        WindowFunction.FirstValue => "first_value",
        WindowFunction.LastValue => "last_value",
        WindowFunction.CountAll => "count",
        _ => f.ToString().ToLowerInvariant(),
    };

    /// <summary>The function a .cwf name denotes over a window (<c>count</c> is <see cref="WindowFunction.Count"/>; the binder tells count() apart).</summary>
    public static WindowFunction? Find(string name) => name.ToLowerInvariant() switch
    {
        "row_number" => WindowFunction.RowNumber,
        "rank" => WindowFunction.Rank,
        "dense_rank" => WindowFunction.DenseRank,
        "percent_rank" => WindowFunction.PercentRank,
        "ntile" => WindowFunction.Ntile,
        "lag" => WindowFunction.Lag,
        "lead" => WindowFunction.Lead,
        "first_value" => WindowFunction.FirstValue,
        "last_value" => WindowFunction.LastValue,
        "sum" => WindowFunction.Sum,
        "avg" => WindowFunction.Avg,
        "min" => WindowFunction.Min,
        "max" => WindowFunction.Max,
        "count" => WindowFunction.Count,
        _ => null,
    };

    /// <summary>The names that are only window functions (they need <c>over (...)</c>).</summary>
    public static readonly IReadOnlyList<string> WindowOnlyNames =
        ["row_number", "rank", "dense_rank", "percent_rank", "ntile", "lag", "lead", "first_value", "last_value"];
}
