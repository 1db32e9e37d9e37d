using System.Collections.Frozen;
using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>
/// How a dialect writes each aggregate: a one-argument template (none for COUNT(*)) and whether
/// the result over an int64 argument is cast back to int64 (PostgreSQL's SUM of bigint is
/// numeric, DuckDB's a HUGEINT, Redshift's may be NUMERIC).
/// </summary>
public sealed class AggregateMap
{
    private readonly FrozenDictionary<AggregateFunction, (SqlTemplate Template, bool CastIntegerResult)> _map;

    private AggregateMap(FrozenDictionary<AggregateFunction, (SqlTemplate, bool)> map) => _map = map;

    public static AggregateMap Standard { get; } = new(new Dictionary<AggregateFunction, (SqlTemplate, bool)>
    {
        [AggregateFunction.CountAll] = ("COUNT(*)", false),
        [AggregateFunction.Count] = ("COUNT({0})", false),
        [AggregateFunction.CountDistinct] = ("COUNT(DISTINCT {0})", false),
        [AggregateFunction.Sum] = ("SUM({0})", false),
        [AggregateFunction.Avg] = ("AVG({0})", false),
        [AggregateFunction.Min] = ("MIN({0})", false),
        [AggregateFunction.Max] = ("MAX({0})", false),
    }.ToFrozenDictionary());

    public (SqlTemplate Template, bool CastIntegerResult) this[AggregateFunction function] => _map[function];

    /// <summary>A copy in which the result of these aggregates over an int64 is cast back to int64.</summary>
    public AggregateMap WithIntegerResultCast(params AggregateFunction[] functions)
    {
        var map = new Dictionary<AggregateFunction, (SqlTemplate, bool)>(_map);
        foreach (var f in functions) map[f] = (map[f].Item1, true);
        return new AggregateMap(map.ToFrozenDictionary());
    }
}
