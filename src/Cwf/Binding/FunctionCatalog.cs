using System.Collections.Frozen;
using Cwf.Ir;

namespace Cwf.Binding;

/// <summary>
/// The function names .cwf and canvas fragments may call, mapped onto the IR's portable
/// functions (<see cref="Functions"/>): the IR names themselves, friendly names (<c>buffer</c>,
/// <c>distance</c>, <c>intersects</c> ...) and the spellings of the warehouses (<c>st_geogpoint</c>,
/// <c>ifnull</c>, <c>substring</c> ...). A name may have several candidates, tried in order by
/// argument types (<c>length</c> of a string or of a geography). spec/language.md lists them.
/// </summary>
public static class FunctionCatalog
{
    private static readonly (string Alias, BuiltinFunction[] Candidates)[] AliasTable =
    [
        ("length", [Functions.Length, Functions.LengthMeters]),
        ("char_length", [Functions.Length]),
        ("character_length", [Functions.Length]),
        ("substring", [Functions.Substr]),
        ("startswith", [Functions.StartsWith]),
        ("endswith", [Functions.EndsWith]),
        ("instr", [Functions.StrPos]),
        ("ceiling", [Functions.Ceil]),
        ("pow", [Functions.Power]),
        ("isodow", [Functions.DayOfWeek]),
        ("dayofweekiso", [Functions.DayOfWeek]),
        ("doy", [Functions.DayOfYear]),
        ("dayofyear", [Functions.DayOfYear]),
        ("isoweek", [Functions.Week]),
        ("weekiso", [Functions.Week]),
        ("weekofyear", [Functions.Week]),
        ("now", [Functions.CurrentTimestamp]),
        ("getdate", [Functions.CurrentTimestamp]),
        ("ifnull", [Functions.Coalesce]),
        ("nvl", [Functions.Coalesce]),
        ("point", [Functions.Point]),
        ("st_geogpoint", [Functions.Point]),
        ("st_makepoint", [Functions.Point]),
        ("astext", [Functions.AsText]),
        ("st_astext", [Functions.AsText]),
        ("st_geomfromtext", [Functions.GeogFromText]),
        ("st_geographyfromtext", [Functions.GeogFromText]),
        ("st_geogfromwkt", [Functions.GeogFromText]),
        ("st_geomfromgeojson", [Functions.GeogFromGeoJson]),
        ("buffer", [Functions.Buffer]),
        ("centroid", [Functions.Centroid]),
        ("area", [Functions.Area]),
        ("distance", [Functions.Distance]),
        ("dwithin", [Functions.DWithin]),
        ("intersects", [Functions.Intersects]),
        ("contains", [Functions.Contains]),
        ("within", [Functions.Within]),
        ("covers", [Functions.Covers]),
        ("touches", [Functions.Touches]),
        ("perimeter", [Functions.Perimeter]),
        ("st_numpoints", [Functions.NumPoints]),
        ("numpoints", [Functions.NumPoints]),
        ("npoints", [Functions.NumPoints]),
        ("numgeometries", [Functions.NumGeometries]),
        ("geometrytype", [Functions.GeometryType]),
        ("pointn", [Functions.PointN]),
        ("makeline", [Functions.MakeLine]),
        ("makepolygon", [Functions.MakePolygon]),
        ("envelope", [Functions.Envelope]),
        ("boundingbox", [Functions.Envelope]),
        ("st_boundingbox", [Functions.Envelope]),
        ("makeenvelope", [Functions.MakeEnvelope]),
        ("bboxfromvalues", [Functions.MakeEnvelope]),
        ("asgeojson", [Functions.AsGeoJson]),
        ("aswkt", [Functions.AsText]),
        ("st_aswkt", [Functions.AsText]),
        ("lineinterpolatepoint", [Functions.LineInterpolatePoint]),
        ("destination", [Functions.Destination]),
        ("intersection", [Functions.Intersection]),
        ("difference", [Functions.Difference]),
        ("boundary", [Functions.Boundary]),
        ("convexhull", [Functions.ConvexHull]),
        ("concavehull", [Functions.ConcaveHull]),
        ("simplify", [Functions.Simplify]),
        ("snaptogrid", [Functions.SnapToGrid]),
        ("removeholes", [Functions.RemoveHoles]),
        ("polygonize", [Functions.Polygonize]),
        ("generatepoints", [Functions.GeneratePoints]),
        ("gridpoints", [Functions.GridPoints]),
        ("h3_fromgeogpoint", [Functions.H3FromPoint]),
        ("h3_frompoint", [Functions.H3FromPoint]),
        ("h3_latlng_to_cell", [Functions.H3FromPoint]),
        ("h3_cell_to_boundary", [Functions.H3Boundary]),
        ("h3_isvalid", [Functions.H3IsValid]),
        ("h3_is_valid_cell", [Functions.H3IsValid]),
        ("h3_toparent", [Functions.H3ToParent]),
        ("h3_cell_to_parent", [Functions.H3ToParent]),
        ("h3_get_resolution", [Functions.H3Resolution]),
        ("h3_grid_distance", [Functions.H3Distance]),
        ("quadbin_fromgeogpoint", [Functions.QuadbinFromPoint]),
        ("quadbin_toparent", [Functions.QuadbinToParent]),
    ];

    private static readonly FrozenDictionary<string, BuiltinFunction[]> ByName = BuildIndex();

    private static readonly FrozenDictionary<string, AggregateFunction> Aggregates = new Dictionary<string, AggregateFunction>
    {
        ["count"] = AggregateFunction.Count,
        ["count_distinct"] = AggregateFunction.CountDistinct,
        ["sum"] = AggregateFunction.Sum,
        ["avg"] = AggregateFunction.Avg,
        ["mean"] = AggregateFunction.Avg,
        ["min"] = AggregateFunction.Min,
        ["max"] = AggregateFunction.Max,
        // Spatial aggregates: the design names, then the names warehouses use (PostGIS, BigQuery, Snowflake, DuckDB, Trino).
        ["st_union_agg"] = AggregateFunction.Union,
        ["st_union"] = AggregateFunction.Union,
        ["union_agg"] = AggregateFunction.Union,
        ["geometry_union_agg"] = AggregateFunction.Union,
        ["st_collect"] = AggregateFunction.Collect,
        ["st_collect_agg"] = AggregateFunction.Collect,
        ["st_extent"] = AggregateFunction.Extent,
        ["st_extent_agg"] = AggregateFunction.Extent,
        ["st_convexhull_agg"] = AggregateFunction.ConvexHull,
        ["convex_hull_agg"] = AggregateFunction.ConvexHull,
        ["st_centroid_agg"] = AggregateFunction.Centroid,
        ["st_makeline_agg"] = AggregateFunction.MakeLine,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Names of conditional forms that bind to CASE: <c>if(c, a, b)</c>, <c>iif(c, a, b)</c>.</summary>
    public static bool IsConditional(string name) => name.Equals("if", StringComparison.OrdinalIgnoreCase) || name.Equals("iif", StringComparison.OrdinalIgnoreCase);

    /// <summary>The candidates for a (lower- or mixed-case) function name, or null when unknown.</summary>
    public static IReadOnlyList<BuiltinFunction>? Find(string name) => ByName.GetValueOrDefault(name);

    public static AggregateFunction? FindAggregate(string name) => Aggregates.TryGetValue(name, out var f) ? f : null;

    /// <summary>Every callable name (for suggestions and the language reference).</summary>
    public static IEnumerable<string> AllNames =>
        ByName.Keys.Concat(Aggregates.Keys).Append("if").Append("iif").Order(StringComparer.Ordinal);

    /// <summary>The aliases, for spec/language.md: alias → IR function names.</summary>
    public static IEnumerable<(string Alias, IReadOnlyList<string> Functions)> AliasList =>
        AliasTable.Select(a => (a.Alias, (IReadOnlyList<string>)[.. a.Candidates.Select(c => c.Name)]));

    /// <summary>
    /// The function a possibly qualified name means. Qualified names are accepted only for the
    /// CARTO Analytics Toolbox (<c>carto.h3_fromgeogpoint</c>, <c>`carto-un`.carto.h3_boundary</c>),
    /// whose functions canvas fragments call.
    /// </summary>
    public static string? UnqualifiedName(IReadOnlyList<string> parts) =>
        parts.Count == 1 ? parts[0]
        : parts[^2].Equals("carto", StringComparison.OrdinalIgnoreCase) ? parts[^1]
        : null;

    private static FrozenDictionary<string, BuiltinFunction[]> BuildIndex()
    {
        var index = new Dictionary<string, BuiltinFunction[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in Functions.All) index[f.Name] = [f];
        foreach (var (alias, candidates) in AliasTable) index[alias] = candidates;
        return index.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
