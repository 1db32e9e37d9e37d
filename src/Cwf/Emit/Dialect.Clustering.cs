using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>The spatial clustering window functions (issue 17): how each warehouse writes them, without their OVER clause.</summary>
public abstract partial class Dialect
{
    /// <summary>
    /// <c>cluster_kmeans(geo, k)</c> or <c>cluster_dbscan(geo, meters, min_points)</c> as this warehouse's window
    /// function: the arguments, then the OVER clause as the last template argument (<c>{2}</c> for k-means,
    /// <c>{3}</c> for DBSCAN); by default not available.
    /// </summary>
    public virtual FunctionMapping ClusterWindow(WindowFunction function) => function == WindowFunction.ClusterKMeans
        ? Missing(DisplayName, "k-means clustering window function",
            "the CARTO Analytics Toolbox's ST_CLUSTERKMEANS clusters an array of points (not a window over rows): call it in a custom SQL step, or run the workflow on PostgreSQL/PostGIS")
        : Missing(DisplayName, "DBSCAN clustering window function",
            "run the workflow on PostgreSQL/PostGIS or BigQuery (ST_ClusterDBSCAN), or cluster in a custom SQL step");
}
