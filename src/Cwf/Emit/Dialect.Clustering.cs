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
            "run the workflow on PostgreSQL/PostGIS (ST_ClusterKMeans) or BigQuery (the CARTO Analytics Toolbox's ST_CLUSTERKMEANS), or cluster in a custom SQL step")
        : Missing(DisplayName, "DBSCAN clustering window function",
            "run the workflow on PostgreSQL/PostGIS or BigQuery (ST_ClusterDBSCAN), or cluster in a custom SQL step");

    /// <summary>
    /// k-means where the warehouse has no window function for it but the CARTO Analytics Toolbox clusters an array of
    /// points (<c>ST_CLUSTERKMEANS</c>); when not null it takes the place of <see cref="ClusterWindow"/>'s k-means. A
    /// scalar subquery per row: {0} the row's geography (qualified by the step's alias), {1} the number of clusters,
    /// {2} the step's input under its own alias, {3} the geography column under that alias.
    /// </summary>
    public virtual FunctionMapping? ClusterKMeansOverArray => null;
}
