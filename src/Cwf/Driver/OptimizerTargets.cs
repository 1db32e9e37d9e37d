using Cwf.Emit;
using Cwf.Optimization;

namespace Cwf.Driver;

/// <summary>Translates a backend's capabilities into the facts the optimizer and planner use, so neither stage depends on the other.</summary>
public static class OptimizerTargets
{
    public static OptimizerTarget For(Dialect dialect)
    {
        var c = dialect.Capabilities;
        return new OptimizerTarget
        {
            Name = dialect.Name,
            HasNativeDWithin = c.MetricDWithin,
            PrefersDWithinOverBuffer = c.DWithinFasterThanBuffer,
            MaterializesSharedCtes = c.SharedCtesEvaluatedOnce,
            SupportsTempTables = c.TemporaryTables,
            SupportsViews = c.Views || c.TemporaryViews,
            NeedsExplicitSpatialIndex = c.SpatialJoinsNeedIndex,
            SupportsSpatialIndex = c.SpatialIndexes,
            SupportsSubdivide = c.Subdivide,
        };
    }
}
