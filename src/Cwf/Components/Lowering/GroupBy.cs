using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components;

public static partial class ComponentLowering
{
    public static AggregateFunction? AggregationMethod(string method) => method.Trim().ToLowerInvariant() switch
    {
        "sum" => AggregateFunction.Sum,
        "avg" => AggregateFunction.Avg,
        "min" => AggregateFunction.Min,
        "max" => AggregateFunction.Max,
        "count" => AggregateFunction.Count,
        "count_distinct" => AggregateFunction.CountDistinct,
        _ => null,
    };

    /// <summary>The canvas method name of an aggregate function (the output name suffix).</summary>
    public static string MethodName(AggregateFunction function) => function switch
    {
        AggregateFunction.CountDistinct => "count_distinct",
        AggregateFunction.CountAll => "count",
        _ => function.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// <c>native.groupby</c> (and <c>native.summarize</c> with no keys): the key columns, then one
    /// column <c>&lt;col&gt;_&lt;method&gt;</c> per aggregation (contract 5a.6 for types).
    /// </summary>
    public static int? GroupBy(LoweringContext cx, int input, IReadOnlyList<ColumnArg> keys, IReadOnlyList<AggregationArg> aggregations, StepInfo step)
    {
        bool ok = true;
        var keyColumns = new List<NamedExpr>();
        var names = new List<(string, Location)>();
        foreach (var key in keys)
        {
            if (cx.Resolve(input, key) is not { } c)
            {
                ok = false;
                continue;
            }
            if (!c.Type.IsComparable())
            {
                cx.Diagnostics.Report(DiagnosticCodes.NotComparable, key.Location, $"cannot group by the geography column '{c.Name}'",
                    "group by an id, a text form (st_astext) or an H3 cell instead");
                ok = false;
                continue;
            }
            keyColumns.Add(LoweringContext.PassThrough(c));
            names.Add((c.Name, key.Location));
        }

        var calls = new List<AggregateCall>();
        foreach (var agg in aggregations)
        {
            var function = AggregationMethod(agg.Method);
            if (function is null)
            {
                cx.Diagnostics.Report(DiagnosticCodes.InvalidAggregation, agg.Location, $"unknown aggregation '{agg.Method}'",
                    NameSuggestions.Hint(agg.Method, [.. ComponentCatalog.AggregationMethods], "aggregations"));
                ok = false;
                continue;
            }
            if (cx.Resolve(input, agg.Column) is not { } c)
            {
                ok = false;
                continue;
            }
            string? problem = function switch
            {
                AggregateFunction.Sum or AggregateFunction.Avg when !c.Type.IsNumeric() && c.Type != SqlType.Unknown =>
                    $"{MethodName(function.Value)} needs a numeric column, but '{c.Name}' is {c.Type.Name()}",
                AggregateFunction.Min or AggregateFunction.Max or AggregateFunction.CountDistinct when !c.Type.IsComparable() =>
                    $"{MethodName(function.Value)} cannot be applied to the geography column '{c.Name}'",
                _ => null,
            };
            if (problem is not null)
            {
                cx.Diagnostics.Report(DiagnosticCodes.InvalidAggregation, agg.Location, problem);
                ok = false;
                continue;
            }
            string name = agg.OutputName ?? $"{c.Name}_{MethodName(function.Value)}";
            calls.Add(new AggregateCall(name, function.Value, ExprFactory.Column(c)));
            names.Add((name, agg.Location));
        }
        if (!ok || !CheckUniqueNames(cx, names)) return null;
        if (keyColumns.Count == 0 && calls.Count == 0)
        {
            cx.Diagnostics.Report(DiagnosticCodes.NoColumnsLeft, step.Origin, "the aggregation has no keys and no aggregates");
            return null;
        }
        return cx.Builder.Aggregate(input, keyColumns, calls, step.Name, step.Origin).Id;
    }
}
