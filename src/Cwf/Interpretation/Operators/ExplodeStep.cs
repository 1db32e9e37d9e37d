using Cwf.Interpretation.Evaluation;
using Cwf.Interpretation.Geo;
using Cwf.Ir;
using NetTopologySuite.Geometries;

namespace Cwf.Interpretation.Operators;

/// <summary>
/// One row per element of each input row's value, the other columns repeated, in input order and
/// element order. Rows in ranges on several cores, concatenated in order.
/// </summary>
internal static class ExplodeStep
{
    public static Table Run(ExplodeNode node, Table input, StepContext context)
    {
        var value = context.Compile(node.Value, input.Schema);
        var arguments = node.Arguments.Select(a => context.Compile(a, input.Schema)).ToArray();
        var schema = node.Schema;
        int at = schema.IndexOf(node.Column);
        int distanceAt = node.DistanceColumn is { } d ? schema.IndexOf(d) : -1;
        // Input column i goes to output column map[i]; the element's column is replaced or appended.
        var map = input.Schema.Columns.Select(c => schema.IndexOf(c.Name)).ToArray();
        var source = input.RowArrays;
        var parts = RowChunks.Run(source.Length, context.Parallelism, (start, end) =>
        {
            var rows = new List<object?[]>();
            for (int r = start; r < end; r++)
            {
                var args = arguments.Select(a => a(source[r], null)).ToArray();
                foreach (var (element, distance) in Elements(node.Kind, value(source[r], null), args))
                {
                    var row = new object?[schema.Count];
                    for (int c = 0; c < map.Length; c++)
                        if (map[c] >= 0) row[map[c]] = source[r][c];
                    row[at] = element;
                    if (distanceAt >= 0) row[distanceAt] = distance;
                    rows.Add(row);
                }
            }
            return rows;
        });
        return Table.FromTrustedRows(schema, RowChunks.Concat(parts));
    }

    private static IEnumerable<(object Element, long Distance)> Elements(ExplodeKind kind, object? value, object?[] args)
    {
        // A NULL value or argument gives no element, as the warehouses' NULL arrays give no row.
        if (value is null || args.Any(a => a is null)) return [];
        return kind switch
        {
            ExplodeKind.GeometryParts => value is Geometry g ? Shapes(Geography.SimpleParts(g)) : [],
            ExplodeKind.VoronoiPolygons => value is Geometry g ? Shapes(Geography.VoronoiPolygons(g)) : [],
            ExplodeKind.VoronoiLines => value is Geometry g ? Shapes(Geography.VoronoiLines(g)) : [],
            ExplodeKind.DelaunayTriangles => value is Geometry g ? Shapes(Geography.DelaunayTriangles(g)) : [],
            ExplodeKind.DelaunayLines => value is Geometry g ? Shapes(Geography.DelaunayLines(g)) : [],
            ExplodeKind.H3PolyfillCenter => CellSets.H3Polyfill((Geometry)value, (long)args[0]!, CellContainment.Center),
            ExplodeKind.H3PolyfillIntersects => CellSets.H3Polyfill((Geometry)value, (long)args[0]!, CellContainment.Intersects),
            ExplodeKind.H3PolyfillContains => CellSets.H3Polyfill((Geometry)value, (long)args[0]!, CellContainment.Contains),
            ExplodeKind.H3KRing => CellSets.H3KRing((string)value, (long)args[0]!),
            ExplodeKind.H3Children => CellSets.H3Children((string)value, (long)args[0]!),
            ExplodeKind.QuadbinPolyfillCenter => CellSets.QuadbinPolyfill((Geometry)value, (long)args[0]!, CellContainment.Center),
            ExplodeKind.QuadbinPolyfillIntersects => CellSets.QuadbinPolyfill((Geometry)value, (long)args[0]!, CellContainment.Intersects),
            ExplodeKind.QuadbinPolyfillContains => CellSets.QuadbinPolyfill((Geometry)value, (long)args[0]!, CellContainment.Contains),
            ExplodeKind.QuadbinKRing => CellSets.QuadbinKRing((long)value, (long)args[0]!),
            ExplodeKind.QuadbinChildren => CellSets.QuadbinChildren((long)value, (long)args[0]!),
            _ => throw new InvalidOperationException($"Unknown explode kind {kind}."),
        };
    }

    // Shapes have no distance; the distance column belongs to k-rings only.
    private static IEnumerable<(object Element, long Distance)> Shapes(IEnumerable<Geometry> shapes) => shapes.Select(s => ((object)s, 0L));
}
