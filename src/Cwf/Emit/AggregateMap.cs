using System.Collections.Frozen;
using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>
/// How a dialect writes each aggregate: a one-argument template (none for COUNT(*)) and whether
/// the result is cast back to the IR type (PostgreSQL's SUM of bigint is numeric, DuckDB's is HUGEINT).
/// </summary>
public sealed class AggregateMap
{
    private readonly FrozenDictionary<AggregateFunction, (SqlTemplate Template, bool CastResult)> _map;

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

    public (SqlTemplate Template, bool CastResult) this[AggregateFunction function] => _map[function];

    /// <summary>A copy in which <paramref name="function"/>'s result is cast to the IR type.</summary>
    public AggregateMap WithResultCast(params AggregateFunction[] functions)
    {
        var map = new Dictionary<AggregateFunction, (SqlTemplate, bool)>(_map);
        foreach (var f in functions) map[f] = (map[f].Item1, true);
        return new AggregateMap(map.ToFrozenDictionary());
    }
}
