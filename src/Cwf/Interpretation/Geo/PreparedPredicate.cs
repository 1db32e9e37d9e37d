using Cwf.Ir;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Cwf.Interpretation.Geo;

/// <summary>
/// A spatial predicate tested many times with one argument fixed, through NetTopologySuite's
/// prepared geometries: the fixed geometry's segment index and point-in-area locator are built
/// once (lazily, thread-safe) and serve every test, where <see cref="Geography"/>'s predicates
/// build a topology graph of both geometries per test (a country of thousands of vertices per
/// city). NetTopologySuite's prepared predicates give the answers of the plain ones; collections
/// and empty geometries, which they treat specially, are left to <see cref="Geography"/>.
/// </summary>
internal sealed class PreparedPredicate
{
    private readonly Func<IPreparedGeometry, Geometry, bool> _test;
    private readonly string _function;

    private PreparedPredicate(Func<IPreparedGeometry, Geometry, bool> test, string function)
    {
        _test = test;
        _function = function;
    }

    /// <summary>
    /// The predicate with its first (<paramref name="preparedIsFirst"/>) or second argument
    /// prepared; null where the prepared form would not be faster (NetTopologySuite prepares
    /// intersects, contains and covers of the prepared geometry; within(a, b) is contains(b, a)).
    /// </summary>
    public static PreparedPredicate? For(BuiltinFunction function, bool preparedIsFirst)
    {
        if (function == Functions.Intersects) return new((p, g) => p.Intersects(g), function.Name);
        if (function == Functions.Within && !preparedIsFirst) return new((p, g) => p.Contains(g), function.Name);
        if (function == Functions.Contains && preparedIsFirst) return new((p, g) => p.Contains(g), function.Name);
        if (function == Functions.Covers && preparedIsFirst) return new((p, g) => p.Covers(g), function.Name);
        return null;
    }

    /// <summary>Whether a geometry takes the prepared path, as the fixed argument or the other one.</summary>
    public static bool Accepts(Geometry g) => !g.IsEmpty && g.OgcGeometryType != OgcGeometryType.GeometryCollection;

    public static IPreparedGeometry Prepare(Geometry g) => PreparedGeometryFactory.Prepare(g);

    /// <summary>The predicate of the prepared geometry and another that <see cref="Accepts"/> takes.</summary>
    public bool Test(IPreparedGeometry prepared, Geometry other)
    {
        try
        {
            return _test(prepared, other);
        }
        catch (Exception e) when (Geography.IsTopologyFailure(e))
        {
            throw Geography.RelateFailed(_function, e);
        }
    }
}
