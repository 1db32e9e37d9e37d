using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>The spatial clustering window functions (issue 17): how each warehouse writes them, without their OVER clause.</summary>
public abstract partial class Dialect
{
    /// <summary>
    /// <c>cluster_kmeans(geo, k)</c> or <c>cluster_dbscan(geo, meters, min_points)</c> as this warehouse's window
    /// function (arguments <c>{0}</c>, <c>{1}</c>, <c>{2}</c>); by default not available.
    /// </summary>
    public virtual FunctionMapping ClusterWindow(WindowFunction function) => function == WindowFunction.ClusterKMeans
        ? Missing(DisplayName, "k-means clustering window function",
            "the CARTO Analytics Toolbox's ST_CLUSTERKMEANS clusters an array of points (not a window over rows): call it in a custom SQL step, or run the workflow on PostgreSQL/PostGIS")
        : Missing(DisplayName, "DBSCAN clustering window function",
            "run the workflow on PostgreSQL/PostGIS or BigQuery (ST_ClusterDBSCAN), or cluster in a custom SQL step");
}
