using Cwf.Interpretation.Evaluation;
using Cwf.Interpretation.Geo;
using Cwf.Ir;
using NetTopologySuite.Geometries;

namespace Cwf.Interpretation.Operators;

/// <summary>
/// The running state of one spatial aggregate over one group: its non-NULL geographies, with their
/// order values for make line. The result is computed once at the end (NULL for a group without
/// geographies, as the warehouses give).
/// </summary>
internal sealed class GeographyAccumulator(AggregateCall call)
{
    private readonly List<(Geometry Geometry, object?[] Order, int Arrival)> _values = [];

    public void Add(object? value, object?[] order)
    {
        if (value is Geometry g) _values.Add((g, order, _values.Count));
    }

    public object? Result()
    {
        try
        {
            return Compute();
        }
        catch (GeographyException e)
        {
            throw FunctionLibrary.SpatialFailed(e);
        }
    }

    private Geometry? Compute()
    {
        if (_values.Count == 0) return null;
        if (call.Function == AggregateFunction.MakeLine)
        {
            // The order keys end with the centroid's coordinates (AggregateCall.LineOrder); arrival breaks what is left.
            var ordered = _values.ToArray();
            var orders = KeyOrder.Of(call.OrderBy);
            Array.Sort(ordered, (a, b) => SortStep.CompareKeys(a.Order, b.Order, orders) is var c && c != 0 ? c : a.Arrival.CompareTo(b.Arrival));
            return Geography.MakeLine(ordered.Select(v => v.Geometry));
        }
        var geometries = _values.ConvertAll(v => v.Geometry);
        return call.Function switch
        {
            AggregateFunction.Union => Geography.UnionOf(geometries),
            AggregateFunction.Collect => Geography.CollectOf(geometries),
            AggregateFunction.Extent => Geography.ExtentOf(geometries),
            AggregateFunction.ConvexHull => Geography.ConvexHullOf(geometries),
            AggregateFunction.Centroid => Geography.CentroidOf(geometries),
            _ => throw new InvalidOperationException($"{call.Function} is not a spatial aggregate."),
        };
    }
}
