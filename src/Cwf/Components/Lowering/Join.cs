using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components;

public static partial class ComponentLowering
{
    public static JoinKind? JoinType(string option) => option switch
    {
        "Inner" => JoinKind.Inner,
        "Left" => JoinKind.Left,
        "Right" => JoinKind.Right,
        "Full outer" => JoinKind.Full,
        _ => null,
    };

    /// <summary>
    /// <c>native.join</c>: main.col = secondary.col; output = main columns, then every secondary
    /// column renamed <c>&lt;col&gt;_joined</c>.
    /// </summary>
    public static int? Join(LoweringContext cx, int main, int secondary, ColumnArg mainColumn, ColumnArg secondaryColumn, JoinKind kind, StepInfo step)
    {
        var left = cx.Resolve(main, mainColumn);
        var right = cx.Resolve(secondary, secondaryColumn);
        if (left is null || right is null) return null;
        if (!left.Type.IsComparable() || !right.Type.IsComparable() || SqlTypeFacts.CommonType(left.Type, right.Type) is null)
        {
            cx.Diagnostics.Report(DiagnosticCodes.ColumnTypeMismatch, secondaryColumn.Location,
                $"cannot join {left.Type.Name()} column '{left.Name}' with {right.Type.Name()} column '{right.Name}'",
                left.Type == SqlType.Geography || right.Type == SqlType.Geography ? "use a spatial join for geography columns" : "cast one side so both have the same type");
            return null;
        }
        var condition = ExprFactory.Eq(ExprFactory.Column(left, 0), ExprFactory.Column(right, 1));
        return JoinWithSuffix(cx, main, secondary, kind, condition, step);
    }

    /// <summary><c>native.spatialjoin</c>: an inner join on predicate(main.geo, secondary.geo).</summary>
    public static int? SpatialJoin(LoweringContext cx, int main, int secondary, ColumnArg mainGeo, ColumnArg secondaryGeo, BuiltinFunction predicate, StepInfo step)
    {
        var left = cx.ResolveGeography(main, mainGeo);
        var right = cx.ResolveGeography(secondary, secondaryGeo);
        if (left is null || right is null) return null;
        var condition = ExprFactory.Call(predicate, ExprFactory.Column(left, 0), ExprFactory.Column(right, 1));
        return JoinWithSuffix(cx, main, secondary, JoinKind.Inner, condition, step);
    }

    /// <summary>A join with the canvas output naming, or an error when two output names collide.</summary>
    public static int? JoinWithSuffix(LoweringContext cx, int main, int secondary, JoinKind kind, Expr condition, StepInfo step)
    {
        if (!cx.RequireKnownColumns(main, step, "the join") || !cx.RequireKnownColumns(secondary, step, "the join")) return null;
        var outputs = WorkflowBuilder.JoinedSuffixOutputs(cx.Builder.SchemaOf(main), cx.Builder.SchemaOf(secondary));
        if (!CheckUniqueNames(cx, outputs.Select(o => (o.Name, step.Origin)))) return null;
        return cx.Builder.Join(main, secondary, kind, condition, outputs, step.Name, step.Origin).Id;
    }

    /// <summary>
    /// <c>native.spatialfilter</c>: the source rows for which predicate(source.geo, filter.geo) holds
    /// for at least one filter row (match, each row once), or for none (unmatch, NULL geometries included).
    /// </summary>
    public static int? SpatialFilter(LoweringContext cx, int source, int filter, ColumnArg sourceGeo, ColumnArg filterGeo, BuiltinFunction predicate, FilterBranch branch, StepInfo step)
    {
        var left = cx.ResolveGeography(source, sourceGeo);
        var right = cx.ResolveGeography(filter, filterGeo);
        if (left is null || right is null) return null;
        var condition = ExprFactory.Call(predicate, ExprFactory.Column(left, 0), ExprFactory.Column(right, 1));
        return cx.Builder.SemiJoin(source, filter, condition, anti: branch == FilterBranch.Unmatch, step.Name, step.Origin).Id;
    }
}
