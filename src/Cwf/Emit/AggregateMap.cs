using System.Collections.Frozen;
using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>
/// How a dialect writes each aggregate: a one-argument template (none for COUNT(*)) and whether
/// the result over an int64 argument is cast back to int64 (PostgreSQL's SUM of bigint is
/// numeric, DuckDB's a HUGEINT, Redshift's may be NUMERIC), or over a decimal back to decimal
/// (DuckDB's AVG of a DECIMAL is a DOUBLE); and, where MIN and MAX do not take
/// booleans (PostgreSQL, Redshift, Snowflake), the boolean aggregates that mean the same
/// (MIN = every value true, MAX = some value true).
/// </summary>
public sealed class AggregateMap
{
    private readonly FrozenDictionary<AggregateFunction, (SqlTemplate Template, bool CastIntegerResult)> _map;
    private readonly FrozenDictionary<AggregateFunction, SqlTemplate> _boolean;
    private readonly FrozenSet<AggregateFunction> _castDecimal;
    private readonly FrozenDictionary<AggregateFunction, FunctionMapping> _spatial;

    private AggregateMap(
        FrozenDictionary<AggregateFunction, (SqlTemplate, bool)> map,
        FrozenDictionary<AggregateFunction, SqlTemplate>? boolean = null,
        FrozenSet<AggregateFunction>? castDecimal = null,
        FrozenDictionary<AggregateFunction, FunctionMapping>? spatial = null)
    {
        _map = map;
        _boolean = boolean ?? FrozenDictionary<AggregateFunction, SqlTemplate>.Empty;
        _castDecimal = castDecimal ?? FrozenSet<AggregateFunction>.Empty;
        _spatial = spatial ?? FrozenDictionary<AggregateFunction, FunctionMapping>.Empty;
    }

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

    /// <summary>
    /// The template for an aggregate over an argument of type <paramref name="argument"/> (null for
    /// COUNT(*)), and whether its result must be cast back to the IR's result type.
    /// </summary>
    public (SqlTemplate Template, bool CastResult) For(AggregateFunction function, SqlType? argument)
    {
        if (argument == SqlType.Bool && _boolean.TryGetValue(function, out var boolean)) return (boolean, false);
        var (template, castInteger) = _map[function];
        return (template, castInteger && argument == SqlType.Int64 || argument == SqlType.Decimal && _castDecimal.Contains(function));
    }

    /// <summary>Whether the result of this aggregate over a decimal is cast back to decimal.</summary>
    public bool CastsDecimalResult(AggregateFunction function) => _castDecimal.Contains(function);

    /// <summary>The template of MIN / MAX over booleans, where the dialect writes it otherwise (null: as for any type).</summary>
    public SqlTemplate? BooleanTemplate(AggregateFunction function) => _boolean.TryGetValue(function, out var template) ? template : null;

    /// <summary>A copy in which the result of these aggregates over an int64 is cast back to int64.</summary>
    public AggregateMap WithIntegerResultCast(params AggregateFunction[] functions)
    {
        var map = new Dictionary<AggregateFunction, (SqlTemplate, bool)>(_map);
        foreach (var f in functions) map[f] = (map[f].Item1, true);
        return new AggregateMap(map.ToFrozenDictionary(), _boolean, _castDecimal, _spatial);
    }

    /// <summary>A copy that writes MIN and MAX of booleans with these templates (e.g. <c>BOOL_AND({0})</c>, <c>BOOL_OR({0})</c>).</summary>
    public AggregateMap WithBooleanMinMax(SqlTemplate min, SqlTemplate max) =>
        new(_map, new Dictionary<AggregateFunction, SqlTemplate> { [AggregateFunction.Min] = min, [AggregateFunction.Max] = max }.ToFrozenDictionary(), _castDecimal, _spatial);

    /// <summary>A copy in which the result of these aggregates over a decimal is cast back to decimal (DuckDB's AVG of a DECIMAL is a DOUBLE).</summary>
    public AggregateMap WithDecimalResultCast(params AggregateFunction[] functions) =>
        new(_map, _boolean, _castDecimal.Union(functions).ToFrozenSet(), _spatial);

    /// <summary>
    /// A copy that writes the spatial aggregates (issue 16) so: one template each, <c>{0}</c> the geography,
    /// <c>{1}</c> the order keys of make line (<c>ts ASC NULLS LAST, ...</c>), or "not available" with the reason.
    /// </summary>
    public AggregateMap WithSpatial(params (AggregateFunction Function, FunctionMapping Mapping)[] entries) =>
        new(_map, _boolean, _castDecimal, entries.ToFrozenDictionary(e => e.Function, e => e.Mapping));

    /// <summary>How the dialect writes a spatial aggregate; every dialect states every one (a missing entry is a compiler bug).</summary>
    public FunctionMapping Spatial(AggregateFunction function) =>
        _spatial.TryGetValue(function, out var mapping) ? mapping
            : throw new InvalidOperationException($"The dialect states no translation of the spatial aggregate {function}.");
}
