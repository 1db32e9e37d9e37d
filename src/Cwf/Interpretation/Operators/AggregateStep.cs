using Cwf.Diagnostics;
using Cwf.Interpretation.Evaluation;
using Cwf.Ir;

namespace Cwf.Interpretation.Operators;

/// <summary>
/// Groups rows by the key values (NULLs form one group) in order of first appearance and
/// computes the aggregates. No keys: exactly one row, even over no input. count(x) counts
/// non-NULL values; sum of int64 is an exact int64 (an error when it leaves int64's range);
/// avg of int64 or float64 is float64, of decimal decimal; an empty or all-NULL group gives NULL
/// (counts 0).
/// </summary>
internal static class AggregateStep
{
    public static Table Run(AggregateNode node, Table input, StepContext context)
    {
        var keys = node.Keys.Select(k => context.Compile(k.Expr, input.Schema)).ToArray();
        var arguments = node.Aggregates.Select(a => a.Argument is null ? null : context.Compile(a.Argument, input.Schema)).ToArray();
        var orders = node.Aggregates.Select(a => a.OrderBy.Select(k => context.Compile(k.Expr, input.Schema)).ToArray()).ToArray();
        var groups = new Dictionary<object?[], GroupState[]>(RowKeyComparer.Instance);
        var order = new List<(object?[] Key, GroupState[] State)>();

        foreach (var row in input.RowArrays)
        {
            var key = new object?[keys.Length];
            for (int k = 0; k < keys.Length; k++) key[k] = keys[k](row, null);
            if (!groups.TryGetValue(key, out var state))
            {
                state = NewState(node);
                groups.Add(key, state);
                order.Add((key, state));
            }
            for (int a = 0; a < state.Length; a++)
            {
                var value = arguments[a]?.Invoke(row, null);
                if (state[a].Geography is { } geography) geography.Add(value, [.. orders[a].Select(o => o(row, null))]);
                else state[a].Values!.Add(value);
            }
        }
        if (keys.Length == 0 && order.Count == 0) order.Add(([], NewState(node)));

        var rows = order.Select(g =>
        {
            var row = new object?[keys.Length + g.State.Length];
            Array.Copy(g.Key, row, keys.Length);
            for (int a = 0; a < g.State.Length; a++) row[keys.Length + a] = g.State[a].Geography is { } geography ? geography.Result() : g.State[a].Values!.Result();
            return row;
        }).ToArray();
        return Table.FromTrustedRows(node.Schema, rows);
    }

    private static GroupState[] NewState(AggregateNode node) =>
        [.. node.Aggregates.Select(a => a.Function.IsSpatial() ? new GroupState(null, new GeographyAccumulator(a)) : new GroupState(new Accumulator(a.Function, a.Type), null))];

    /// <summary>One aggregate's state in one group: values of the scalar aggregates, or geographies of the spatial ones.</summary>
    private readonly record struct GroupState(Accumulator? Values, GeographyAccumulator? Geography);

    /// <summary>The running state of one aggregate over one group (or one window frame, WindowStep).</summary>
    internal sealed class Accumulator(AggregateFunction function, SqlType resultType)
    {
        private long _count;
        private Int128 _integerSum;
        private double _floatSum;
        private bool _sawInfinity;
        private decimal _decimalSum;
        private object? _extreme;
        private HashSet<object>? _distinct;
        private SqlType _argumentType = SqlType.Unknown;

        public void Add(object? value)
        {
            if (function == AggregateFunction.CountAll)
            {
                _count++;
                return;
            }
            if (value is null) return;
            _count++;
            if (_argumentType == SqlType.Unknown) _argumentType = SqlValues.TypeOf(value);
            switch (function)
            {
                case AggregateFunction.CountDistinct:
                    (_distinct ??= new HashSet<object>(ValueKeyComparer.Instance)).Add(value);
                    break;
                case AggregateFunction.Sum or AggregateFunction.Avg:
                    switch (value)
                    {
                        case long l: _integerSum += l; break;
                        case double d:
                            _floatSum += d;
                            _sawInfinity |= double.IsInfinity(d);
                            break;
                        case decimal m: _decimalSum = (decimal)Arithmetic.DecimalOp(() => _decimalSum + m); break;
                    }
                    break;
                case AggregateFunction.Min:
                    if (_extreme is null || SqlValues.Compare(value, _extreme) < 0) _extreme = value;
                    break;
                case AggregateFunction.Max:
                    if (_extreme is null || SqlValues.Compare(value, _extreme) > 0) _extreme = value;
                    break;
            }
        }

        public object? Result()
        {
            switch (function)
            {
                case AggregateFunction.CountAll or AggregateFunction.Count:
                    return _count;
                case AggregateFunction.CountDistinct:
                    return (long)(_distinct?.Count ?? 0);
                case AggregateFunction.Min or AggregateFunction.Max:
                    return _extreme;
            }
            if (_count == 0) return null;
            bool avg = function == AggregateFunction.Avg;
            switch (_argumentType)
            {
                case SqlType.Int64:
                    if (avg) return SqlValues.Widen(IntegerMean(), resultType);
                    if (_integerSum < long.MinValue || _integerSum > long.MaxValue) throw Arithmetic.Overflow(SqlType.Int64);
                    return SqlValues.Widen((long)_integerSum, resultType);
                case SqlType.Decimal:
                    return avg ? Arithmetic.DecimalOp(() => _decimalSum / _count) : _decimalSum;
                default:
                    if (double.IsInfinity(_floatSum) && !_sawInfinity) throw Arithmetic.Overflow(SqlType.Float64);
                    return avg ? _floatSum / _count : _floatSum;
            }
        }

        // The exact mean rounded once (through decimal while the sum fits in it).
        private double IntegerMean() =>
            _integerSum >= (Int128)(-7.9e28) && _integerSum <= (Int128)7.9e28
                ? (double)((decimal)_integerSum / _count)
                : (double)_integerSum / _count;
    }
}
