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
    /// <summary>
    /// <c>cluster_kmeans(geo, k)</c>: the 0-based k-means cluster of the row's geography over the partition, planar on
    /// lon/lat with PostGIS's deterministic initialisation (spec/interpreter.md, "Clustering"); arguments [geo, k (int64 literal ≥ 1)].
    /// </summary>
    ClusterKMeans,
    /// <summary>
    /// <c>cluster_dbscan(geo, meters, min_points)</c>: the 0-based DBSCAN cluster over the partition, NULL for noise, the radius
    /// taken at 111,319.49 m per degree on lon/lat; arguments [geo, radius (float64 literal ≥ 0), min_points (int64 literal ≥ 1)].
    /// </summary>
    ClusterDbscan,
}

public static class WindowFunctions
{
    /// <summary>
    /// Functions of the row's place in the ordered partition (ranking and offsets): they need an
    /// ORDER BY and take no frame. The others (first_value, last_value, the aggregates) read the frame.
    /// </summary>
    public static bool IsPositional(this WindowFunction f) =>
        f.IsClustering() || f is WindowFunction.RowNumber or WindowFunction.Rank or WindowFunction.DenseRank or WindowFunction.PercentRank
            or WindowFunction.Ntile or WindowFunction.Lag or WindowFunction.Lead;

    /// <summary>The spatial clusterings: a value per row computed from every geography of the partition, with no order and no frame.</summary>
    public static bool IsClustering(this WindowFunction f) => f is WindowFunction.ClusterKMeans or WindowFunction.ClusterDbscan;

    /// <summary>The name as written in .cwf and printed: <c>row_number</c>, <c>first_value</c>, <c>count</c>.</summary>
    public static string Name(this WindowFunction f) => f switch
    {
        WindowFunction.RowNumber => "row_number",
        WindowFunction.DenseRank => "dense_rank",
        WindowFunction.PercentRank => "percent_rank",
        WindowFunction.FirstValue => "first_value",
        WindowFunction.LastValue => "last_value",
        WindowFunction.CountAll => "count",
        WindowFunction.ClusterKMeans => "cluster_kmeans",
        WindowFunction.ClusterDbscan => "cluster_dbscan",
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
