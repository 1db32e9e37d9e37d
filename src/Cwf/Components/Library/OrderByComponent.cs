using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary><c>native.orderby</c>: sorts by a column, NULLs last in both directions (contract 5a.5); <c>sort a desc, b</c>.</summary>
public sealed class OrderByComponent : StepComponent
{
    public override string Id => "native.orderby";
    public override string Title => "Order by";
    public override ComponentCategory Category => ComponentCategory.BasicSql;

    public override Seq<ComponentParameter> Parameters { get; } =
        [ComponentParameter.Column("column"), ComponentParameter.Selection("direction", ["Ascending", "Descending"], "Ascending")];

    public override Seq<string> Keywords { get; } = ["sort"];
    public override ComponentDoc Doc { get; } = new("`sort a desc, b` (keys may be expressions)", "`Sort`, NULLs last", "input");

    public override void Lower(CanvasLoweringContext cx)
    {
        if ((cx.Values.Column("column"), cx.Values.Selection("direction")) is ({ } column, { } direction) && !cx.Values.Failed)
            cx.Output("result", ComponentLowering.OrderBy(cx, cx.Input("source"), column, direction == "Descending", cx.Step));
    }

    public override StepSyntax Decompile(ComponentDecompilingContext cx) =>
        new SortStepSyntax([new SortKeySyntax(DecompiledSyntax.Name(cx.Values.Column("column")!.Name), cx.Values.Selection("direction") == "Descending")]);

    public override StepBinding? Bind(StepSyntax step, StepBinding cx)
    {
        var keys = ((SortStepSyntax)step).Keys.Select(k => (Expr: cx.Scalar(k.Expression, "a sort key"), k.Descending, Location: cx.Locate(k.Expression))).ToList();
        if (keys.Any(k => k.Expr is null)) return cx;
        return cx.Next(ComponentLowering.OrderBy(cx.Lowering, cx.Node, [.. keys.Select(k => (k.Expr!, k.Descending, k.Location))], cx.Step)) ?? cx;
    }

    public override void Check(StepSyntax step, StepBinding open)
    {
        foreach (var key in ((SortStepSyntax)step).Keys) open.Scalar(key.Expression, "this step");
    }
}

public static partial class ComponentLowering
{
    /// <summary><c>native.orderby</c> (and .cwf sort with several keys): NULLs last in both directions.</summary>
    public static int? OrderBy(LoweringContext cx, int input, IReadOnlyList<(Expr Key, bool Descending, Location Location)> keys, StepInfo step)
    {
        bool ok = true;
        foreach (var (key, _, location) in keys)
        {
            if (key.Type.IsComparable()) continue;
            cx.Diagnostics.Report(DiagnosticCodes.NotComparable, location, "geography values cannot be sorted",
                "sort by a derived number instead, e.g. st_x(geom) or area");
            ok = false;
        }
        return ok ? cx.Builder.Sort(input, keys.Select(k => new SortKey(k.Key, k.Descending)), step.Name, step.Origin).Id : null;
    }

    /// <summary>The canvas form: one column and a direction.</summary>
    public static int? OrderBy(LoweringContext cx, int input, ColumnArg column, bool descending, StepInfo step) =>
        cx.Resolve(input, column) is { } c ? OrderBy(cx, input, [(ExprFactory.Column(c), descending, column.Location)], step) : null;
}
