using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary><c>native.limit</c>: the first n rows, <c>take n</c> (or <c>limit n</c>).</summary>
public sealed class LimitComponent : StepComponent
{
    public override string Id => "native.limit";
    public override string Title => "Limit";
    public override ComponentCategory Category => ComponentCategory.BasicSql;
    public override Seq<ComponentParameter> Parameters { get; } = [new("limit", ParameterKind.Integer)];
    public override Seq<string> Keywords { get; } = ["take"];
    public override ComponentDoc Doc { get; } = new("`take n` (or `limit n`)", "`Limit` (int64 literal or int64 parameter)", "input");

    public override void Lower(CanvasLoweringContext cx)
    {
        if (cx.Values.Integer("limit") is { } count) cx.Output("result", ComponentLowering.Limit(cx, cx.Input("source"), count, cx.Values.LocationOf("limit"), cx.Step));
    }

    public override StepSyntax Decompile(ComponentDecompilingContext cx) => new TakeStepSyntax(ExprSyntaxWriter.Write(cx.Values.Integer("limit")!));

    public override StepBinding? Bind(StepSyntax step, StepBinding cx)
    {
        var t = (TakeStepSyntax)step;
        var count = cx.Scalar(t.Count, "a row count");
        return count is null ? cx : cx.Next(ComponentLowering.Limit(cx.Lowering, cx.Node, count, cx.Locate(t.Count), cx.Step)) ?? cx;
    }

    public override void Check(StepSyntax step, StepBinding open) => open.Scalar(((TakeStepSyntax)step).Count, "this step");
}

public static partial class ComponentLowering
{
    /// <summary><c>native.limit</c>: the count must be a non-negative int64 literal or an int64 parameter.</summary>
    public static int? Limit(LoweringContext cx, int input, Expr count, Location countLocation, StepInfo step)
    {
        bool valid = count switch
        {
            Literal { Value: long n } => n >= 0,
            ParamRef { Type: SqlType.Int64 } => true,
            _ => false,
        };
        if (!valid)
        {
            string found = count is ParamRef p ? $"parameter '{p.Name}' of type {p.Type.Name()}" : $"{count} ({count.Type.Name()})";
            cx.Diagnostics.Report(DiagnosticCodes.InvalidLimit, countLocation,
                $"the limit must be a non-negative integer, found {found}",
                count is ParamRef ? "declare the parameter as int64" : "write a whole number such as 100");
            return null;
        }
        return cx.Builder.Limit(input, count, step.Name, step.Origin).Id;
    }
}
