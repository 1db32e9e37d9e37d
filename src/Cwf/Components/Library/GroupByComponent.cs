using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.groupby</c>: the key columns, then one column <c>&lt;col&gt;_&lt;method&gt;</c> per aggregation;
/// <c>group by k { name: agg(x) }</c>. The canvas forms go through the shared lowering; computed keys,
/// <c>count()</c> and aggregates of expressions are .cwf extensions that build the same kind of node.
/// </summary>
public sealed class GroupByComponent : StepComponent
{
    public override string Id => "native.groupby";
    public override string Title => "Group by";
    public override ComponentCategory Category => ComponentCategory.BasicSql;

    public override Seq<ComponentParameter> Parameters { get; } =
        [new("groupby", ParameterKind.ColumnList, Parent: "source"), new("columns", ParameterKind.ColumnAggregation, Parent: "source")];

    public override Seq<string> Keywords { get; } = ["group"];

    public override ComponentDoc Doc { get; } = new(
        "`group by k1, k2 { name: agg(x), ... }` (canvas aggregations: `col_method: method(col)`, `count_distinct` is `count(distinct col)`; the spatial `combine`, `convexhull`, `centroid` are `col_union: st_union_agg(col)`, `col_convexhull: st_convexhull_agg(col)`, `col_centroid: st_centroid_agg(col)`)",
        "`Aggregate`: keys, then `<col>_<method>`",
        "keys, then aggregates");

    public override void Lower(CanvasLoweringContext cx)
    {
        if ((cx.Values.Columns("groupby"), cx.Values.Aggregations("columns")) is ({ } keys, { } aggregations) && !cx.Values.Failed)
            cx.Output("result", ComponentLowering.GroupBy(cx, cx.Input("source"), keys, aggregations, cx.Step));
    }

    public override StepSyntax Decompile(ComponentDecompilingContext cx) =>
        new GroupStepSyntax([.. cx.Values.Columns("groupby")!.Select(k => new GroupKeySyntax(null, DecompiledSyntax.Name(k.Name)))], Aggregates(cx.Values));

    public override StepBinding? Bind(StepSyntax step, StepBinding cx)
    {
        var g = (GroupStepSyntax)step;
        return BindAggregate(cx, g.Keys, g.Aggregates);
    }

    public override void Check(StepSyntax step, StepBinding open)
    {
        var g = (GroupStepSyntax)step;
        foreach (var key in g.Keys.Where(k => k.Name is not null)) open.Scalar(key.Expression, "this step");
        CheckAggregates(g.Aggregates, open);
    }

    /// <summary>The canvas aggregations as .cwf items: <c>revenue_sum: sum(revenue)</c>, <c>id_count_distinct: count(distinct id)</c>.</summary>
    internal static Seq<AggregateItemSyntax> Aggregates(IComponentValues values) =>
        values.Aggregations("columns")!.Select(g =>
        {
            var method = ComponentLowering.AggregationMethod(g.Method)!.Value;
            var call = method == AggregateFunction.CountDistinct
                ? new CallSyntax([new IdentifierSyntax("count")], [DecompiledSyntax.Name(g.Column.Name)], Distinct: true)
                : new CallSyntax(method.CwfName(), DecompiledSyntax.Name(g.Column.Name));
            return new AggregateItemSyntax(new IdentifierSyntax($"{g.Column.Name}_{ComponentLowering.MethodName(method)}"), call);
        }).ToSeq();

    internal static void CheckAggregates(Seq<AggregateItemSyntax> aggregates, StepBinding open)
    {
        foreach (var a in aggregates) open.Aggregate(a.Expression, a.Name?.Name ?? "_", a, "this step");
    }

    /// <summary>group by / summarize: the canvas forms through the shared lowering, the others as the same kind of node.</summary>
    internal static StepBinding? BindAggregate(StepBinding cx, Seq<GroupKeySyntax> keys, Seq<AggregateItemSyntax> aggregates)
    {
        bool canvasForm = keys.All(k => k.Name is null && k.Expression is NameSyntax) && aggregates.All(a => cx.CanvasAggregation(a.Expression) is not null);
        return cx.Reshaped(canvasForm ? BindCanvasAggregate(cx, keys, aggregates) : BindGeneralAggregate(cx, keys, aggregates));
    }

    private static int? BindCanvasAggregate(StepBinding cx, Seq<GroupKeySyntax> keys, Seq<AggregateItemSyntax> aggregates)
    {
        var keyArgs = keys.Select(k => cx.Column((NameSyntax)k.Expression)).ToList();
        var aggregationArgs = aggregates.Select(a =>
        {
            var (method, column) = cx.CanvasAggregation(a.Expression)!.Value;
            return cx.Column(column) is { } arg ? new AggregationArg(arg, method, cx.Locate(a), a.Name?.Name) : null;
        }).ToList();
        if (keyArgs.Any(k => k is null) || aggregationArgs.Any(a => a is null)) return null;
        return ComponentLowering.GroupBy(cx.Lowering, cx.Node, keyArgs!, aggregationArgs!, cx.Step);
    }

    private static int? BindGeneralAggregate(StepBinding cx, Seq<GroupKeySyntax> keys, Seq<AggregateItemSyntax> aggregates)
    {
        bool ok = true;
        var keyColumns = new List<NamedExpr>();
        var names = new List<(string Name, SyntaxNode Site)>();
        foreach (var key in keys)
        {
            var expr = cx.Scalar(key.Expression, "a grouping key");
            if (expr is null)
            {
                ok = false;
                continue;
            }
            if (!expr.Type.IsComparable())
            {
                cx.Diagnostics.Report(DiagnosticCodes.NotComparable, cx.Locate(key.Expression),
                    expr is ColumnRef c ? $"cannot group by the geography column '{c.Name}'" : "cannot group by a geography value",
                    "group by an id, a text form (st_astext) or an H3 cell instead");
                ok = false;
                continue;
            }
            var name = key.Name?.Name ?? ((ColumnRef)expr).Name;
            keyColumns.Add(new NamedExpr(name, expr));
            names.Add((name, key));
        }
        var calls = new List<AggregateCall>();
        foreach (var item in aggregates)
        {
            var call = cx.Aggregate(item.Expression, item.Name?.Name, item, "a grouping key");
            if (call is null)
            {
                ok = false;
                continue;
            }
            calls.Add(call);
            names.Add((call.Name, item));
        }
        if (!ok) return null;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, site) in names)
        {
            if (seen.Add(name)) continue;
            cx.Diagnostics.Report(DiagnosticCodes.DuplicateOutputColumn, cx.Locate(site), $"the output column '{name}' appears twice", "give one of them another name");
            ok = false;
        }
        if (names.Count == 0)
        {
            cx.Diagnostics.Report(DiagnosticCodes.NoColumnsLeft, cx.Step.Origin, "the aggregation has no keys and no aggregates");
            return null;
        }
        return ok ? cx.Lowering.Builder.Aggregate(cx.Node, keyColumns, calls, cx.Step.Name, cx.Step.Origin).Id : null;
    }
}

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
        // The product's spatial methods (a real export: "geom,combine" is ST_UNION_AGG(geom) AS geom_union).
        "combine" => AggregateFunction.Union,
        "convexhull" => AggregateFunction.ConvexHull,
        "centroid" => AggregateFunction.Centroid,
        _ => null,
    };

    /// <summary>The canvas method of an aggregate, or null for the spatial aggregates the product's aggregation list does not offer.</summary>
    public static string? CanvasMethod(AggregateFunction function) => function switch
    {
        AggregateFunction.Union => "combine",
        AggregateFunction.Collect or AggregateFunction.Extent or AggregateFunction.MakeLine => null,
        _ => MethodName(function),
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
        var names = new List<(string, Location)>();
        var keyColumns = GroupKeys(cx, input, keys, names);
        bool ok = keyColumns is not null;

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
                _ when function.Value.IsSpatial() && c.Type is not (SqlType.Geography or SqlType.Unknown) =>
                    $"the spatial aggregate {agg.Method} ({function.Value.CwfName()}) needs a geography column, but '{c.Name}' is {c.Type.Name()}",
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
        if (!ok || !cx.CheckUniqueNames(names)) return null;
        if (keyColumns!.Count == 0 && calls.Count == 0)
        {
            cx.Diagnostics.Report(DiagnosticCodes.NoColumnsLeft, step.Origin, "the aggregation has no keys and no aggregates");
            return null;
        }
        return cx.Builder.Aggregate(input, keyColumns, calls, step.Name, step.Origin).Id;
    }

    /// <summary>The grouping key columns (no geography: it cannot be grouped), their names added to <paramref name="names"/>; null after reporting a problem.</summary>
    public static List<NamedExpr>? GroupKeys(LoweringContext cx, int input, IReadOnlyList<ColumnArg> keys, List<(string, Location)> names)
    {
        bool ok = true;
        var keyColumns = new List<NamedExpr>();
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
        return ok ? keyColumns : null;
    }
}
