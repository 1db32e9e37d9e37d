using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary><c>native.isnotnull</c>: the rows where a column is not NULL; written as <c>filter column is not null</c>.</summary>
public sealed class IsNotNullComponent : StepComponent
{
    public override string Id => "native.isnotnull";
    public override string Title => "Is not null";
    public override ComponentCategory Category => ComponentCategory.BasicSql;
    public override Seq<string> Outputs => FilterOutputs.Names;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("column")];
    public override ComponentDoc Doc { get; } = new("`filter column is not null`", "`Filter` on `column is not null`", "input");

    public override void Lower(CanvasLoweringContext cx)
    {
        int source = cx.Input("source");
        if (cx.Values.Column("column") is { } column)
            FilterOutputs.Lower(cx, (branch, step) => ComponentLowering.IsNotNull(cx, source, column, branch, step));
    }

    public override StepSyntax Decompile(ComponentDecompilingContext cx) => WhereComponent.Condition(cx, filter => ExprSyntaxWriter.Write(filter.Predicate));
}

public static partial class ComponentLowering
{
    /// <summary><c>native.isnotnull</c>: match = rows where the column is not NULL.</summary>
    public static int? IsNotNull(LoweringContext cx, int input, ColumnArg column, FilterBranch branch, StepInfo step) =>
        cx.Resolve(input, column) is { } c
            ? Where(cx, input, ExprFactory.IsNull(ExprFactory.Column(c), negated: true), column.Location, branch, step)
            : null;
}
