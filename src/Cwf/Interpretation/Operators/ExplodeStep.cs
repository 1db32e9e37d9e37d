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
        var schema = node.Schema;
        int at = schema.IndexOf(node.Column);
        // Input column i goes to output column map[i]; the element's column is replaced or appended.
        var map = input.Schema.Columns.Select(c => schema.IndexOf(c.Name)).ToArray();
        var source = input.RowArrays;
        var parts = RowChunks.Run(source.Length, context.Parallelism, (start, end) =>
        {
            var rows = new List<object?[]>();
            for (int r = start; r < end; r++)
            {
                foreach (var element in Elements(node.Kind, value(source[r], null)))
                {
                    var row = new object?[schema.Count];
                    for (int c = 0; c < map.Length; c++)
                        if (map[c] >= 0) row[map[c]] = source[r][c];
                    row[at] = element;
                    rows.Add(row);
                }
            }
            return rows;
        });
        return Table.FromTrustedRows(schema, RowChunks.Concat(parts));
    }

    private static IEnumerable<object> Elements(ExplodeKind kind, object? value) => kind switch
    {
        ExplodeKind.GeometryParts => value is Geometry g ? Geography.SimpleParts(g) : [],
        ExplodeKind.VoronoiPolygons => value is Geometry g ? Geography.VoronoiPolygons(g) : [],
        ExplodeKind.VoronoiLines => value is Geometry g ? Geography.VoronoiLines(g) : [],
        ExplodeKind.DelaunayTriangles => value is Geometry g ? Geography.DelaunayTriangles(g) : [],
        ExplodeKind.DelaunayLines => value is Geometry g ? Geography.DelaunayLines(g) : [],
        _ => throw new InvalidOperationException($"Unknown explode kind {kind}."),
    };
}
