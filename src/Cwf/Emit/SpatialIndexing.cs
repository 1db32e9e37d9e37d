namespace Cwf.Emit;

/// <summary>
/// How a dialect runs a planned spatial join (<see cref="Planning.SpatialJoinPlan"/>) through an
/// index it builds itself: the SQL of the index, statistics and geometry-cutting steps, as
/// templates. Null on <see cref="Dialect.SpatialIndexing"/> where the warehouse indexes spatial
/// joins internally or cannot build a spatial index on a temporary table; the plan is then
/// ignored and the join written as usual. The join queries also need <c>LATERAL</c> and
/// <c>BOOL_OR</c>. The geometries cut are valid: they were repaired where they entered the
/// workflow (<see cref="Dialect.GeographyRepair"/>). spec/dialects.md (planned spatial joins) shows the statements for PostgreSQL.
/// </summary>
public sealed record SpatialIndexing
{
    /// <summary>A spatial index: {0} the table, {1} the indexed column or key.</summary>
    public required SqlTemplate SpatialIndex { get; init; }

    /// <summary>The index key that serves geodesic distance tests (st_dwithin) of column {0}.</summary>
    public required SqlTemplate GeodesicKey { get; init; }

    /// <summary>An ordinary index: {0} the table, {1} the column (the row numbers the join looks up).</summary>
    public required SqlTemplate KeyIndex { get; init; }

    /// <summary>Fresh statistics for table {0}, so that the engine plans with the index.</summary>
    public required SqlTemplate Analyze { get; init; }

    /// <summary>
    /// A set-returning function giving the parts of geometry {0} as rows with a column <c>geom</c>
    /// (cutting a collection keeps only its highest dimension, so each part is cut on its own).
    /// </summary>
    public required SqlTemplate Parts { get; init; }

    /// <summary>A set-returning function cutting geometry {0} into pieces of at most {1} vertices.</summary>
    public required SqlTemplate Subdivide { get; init; }

    /// <summary>The distance between geodesic keys {0} (indexed) and {1} that the index orders by, nearest first (nearest neighbours).</summary>
    public required SqlTemplate NearestOrder { get; init; }

    /// <summary>Geodesic keys {0} (indexed) and {1} within {2} meters measured the way <see cref="NearestOrder"/> measures, through the index.</summary>
    public required SqlTemplate NearestWithin { get; init; }
}
