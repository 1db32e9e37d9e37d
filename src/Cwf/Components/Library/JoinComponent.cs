using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.join</c>: main.col = secondary.col; every secondary column renamed <c>&lt;col&gt;_joined</c>.
/// <c>[left|right|full] join other on col</c> or <c>on a = other.b</c>; any other condition over both sides
/// builds the same kind of join.
/// </summary>
public sealed class JoinComponent : StepComponent
{
    public override string Id => "native.join";
    public override string Title => "Join";
    public override ComponentCategory Category => ComponentCategory.BasicSql;
    public override Seq<ComponentPort> Inputs { get; } = [new("maintable"), new("secondarytable")];

    public override Seq<ComponentParameter> Parameters { get; } =
    [
        ComponentParameter.Column("maincolumn", "maintable"), ComponentParameter.Column("secondarycolumn", "secondarytable"),
        ComponentParameter.Selection("jointype", ["Inner", "Left", "Right", "Full outer"], "Inner"),
    ];

    public override Seq<string> Keywords { get; } = ["join"];
    public override bool NamesPipedInput => true;

    public override ComponentDoc Doc { get; } = new(
        "`[left\\|right\\|full] join other on main_col = other.col` (or `on col` when both sides call it the same)",
        "`Join` on main = secondary; secondary columns `<col>_joined`",
        "input, then other's columns as `<col>_joined`");

    public override void Lower(CanvasLoweringContext cx)
    {
        var v = cx.Values;
        if ((v.Column("maincolumn"), v.Column("secondarycolumn"), v.Selection("jointype")) is ({ } main, { } secondary, { } type) && !v.Failed)
            cx.Output("result", ComponentLowering.Join(cx, cx.Input("maintable"), cx.Input("secondarytable"), main, secondary, ComponentLowering.JoinType(type)!.Value, cx.Step));
    }

    public override StepSyntax Decompile(ComponentDecompilingContext cx)
    {
        var join = (JoinNode)cx.Ir("result")!;
        var (main, secondary) = (cx.Values.Column("maincolumn")!.Name, cx.Values.Column("secondarycolumn")!.Name);
        var (piped, other) = cx.JoinNames();
        ExpressionSyntax condition = string.Equals(main, secondary, StringComparison.OrdinalIgnoreCase)
            ? DecompiledSyntax.Name(main)
            : new BinarySyntax(BinaryOperator.Equal, new NameSyntax(piped.Name, main), new NameSyntax(other.Name, secondary));
        return new JoinStepSyntax(join.Kind, other, condition);
    }

    public override StepBinding? Bind(StepSyntax step, StepBinding cx)
    {
        var j = (JoinStepSyntax)step;
        if (cx.Join(j.Other) is not { } join) return null;
        var condition = JoinConditions.StripParentheses(j.Condition);
        int? id;
        if (condition is NameSyntax { Parts.Count: 1 } shared)
        {
            var main = join.MainColumn(shared);
            var secondary = join.OtherColumn(shared);
            if (main is null || secondary is null) return null;
            id = ComponentLowering.Join(cx.Lowering, join.Main, join.Other, main, secondary, j.Kind, cx.Step);
        }
        else if (condition is BinarySyntax { Operator: BinaryOperator.Equal, Left: NameSyntax a, Right: NameSyntax b })
        {
            var first = join.Column(a, out int sideA);
            var second = join.Column(b, out int sideB);
            if (first is null || second is null) return null;
            if (sideA == sideB)
            {
                cx.Diagnostics.Report(DiagnosticCodes.InvalidJoinCondition, cx.Locate(j.Condition),
                    $"both columns of the condition belong to '{(sideA == 0 ? join.MainName : j.Other.Name)}'",
                    $"compare a column of each side: a = {j.Other.Name}.b");
                return null;
            }
            var (main, secondary) = sideA == 0 ? (first, second) : (second, first);
            id = ComponentLowering.Join(cx.Lowering, join.Main, join.Other, main, secondary, j.Kind, cx.Step);
        }
        else
        {
            if (join.Condition(j.Condition, "a join condition") is not { } predicate) return null;
            id = ComponentLowering.JoinWithSuffix(cx.Lowering, join.Main, join.Other, j.Kind, predicate, cx.Step);
        }
        return join.Joined(id);
    }

    public override void Check(StepSyntax step, StepBinding open) => open.Relation(((JoinStepSyntax)step).Other);
}

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
        var condition = KeysEqual(cx, main, secondary, mainColumn, secondaryColumn);
        return condition is null ? null : JoinWithSuffix(cx, main, secondary, kind, condition, step);
    }

    /// <summary>main.col = secondary.col over the join's two inputs, or null (reported) when a column is unknown or the types cannot be compared.</summary>
    public static Expr? KeysEqual(LoweringContext cx, int main, int secondary, ColumnArg mainColumn, ColumnArg secondaryColumn)
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
        return ExprFactory.Eq(ExprFactory.Column(left, 0), ExprFactory.Column(right, 1));
    }

    /// <summary>A join with the canvas output naming, or an error when two output names collide.</summary>
    public static int? JoinWithSuffix(LoweringContext cx, int main, int secondary, JoinKind kind, Expr condition, StepInfo step)
    {
        if (!cx.RequireKnownColumns(main, step, "the join") || !cx.RequireKnownColumns(secondary, step, "the join")) return null;
        var outputs = cx.Builder.JoinedSuffixOutputs(main, secondary);
        if (!cx.CheckUniqueNames(outputs.Select(o => (o.Name, step.Origin)))) return null;
        return cx.Builder.Join(main, secondary, kind, condition, outputs, step.Name, step.Origin).Id;
    }
}
