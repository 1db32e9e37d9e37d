using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.normalize</c>: adds <c>&lt;column&gt;_norm</c>, the column scaled to [0, 1] by the minimum and maximum
/// of the whole input (min-max normalization); <c>normalize col [as name]</c>. Its inputs are a public export's:
/// <c>source</c>, <c>column</c>, <c>zscores</c> ("Use z-scores", default false), and <c>optimizationcol</c> (ignored).
/// </summary>
public sealed class NormalizeComponent : GenericStepComponent
{
    public override string Id => "native.normalize";
    public override string Title => "Normalize";
    public override ComponentCategory Category => ComponentCategory.Other;
    public override Seq<ComponentParameter> Parameters { get; } =
        [ComponentParameter.Column("column"), new("zscores", ParameterKind.Boolean, Required: false, Default: "false")];
    public override GenericStepForm Form { get; } = new("normalize", ["column"], NamesColumn: true);

    public override ComponentDoc Doc { get; } = new(
        "`normalize col [as name]`",
        "`Window` (min and max over all rows, as float64) + `Project`: `(col - min) / nullif(max - min, 0)`",
        "input + `<col>_norm` (float64; NULL where the column is NULL or every value is the same)");

    public override void Build(ComponentLoweringContext cx)
    {
        var v = cx.Values;
        int source = cx.Input("source");
        if ((v.Column("column"), v.Boolean("zscores")) is not ({ } column, { } zscores) || v.Failed) return;
        if (zscores)
        {
            cx.Diagnostics.Report(DiagnosticCodes.NormalizeZScores, v.LocationOf("zscores"),
                "z-score normalization is not supported: cwf has no standard deviation, and which one the product divides by (sample or population) is not documented",
                "clear 'Use z-scores' to scale the column to [0, 1] by its minimum and maximum, or compute the z-score in custom SQL");
            return;
        }
        if (cx.ResolveNumeric(source, column) is not { } c) return;
        cx.Output("result", ComponentLowering.Normalize(cx, source, c, cx.OutputName ?? c.Name + "_norm", cx.Step));
    }
}

public static partial class ComponentLowering
{
    /// <summary><c>native.normalize</c>: the minimum and maximum as window aggregates over all rows, then the scaled value; the helper columns are dropped.</summary>
    public static int? Normalize(LoweringContext cx, int input, Column column, string name, StepInfo step)
    {
        if (!cx.RequireKnownColumns(input, step, $"adding the column '{name}'")) return null;
        var schema = cx.Builder.SchemaOf(input);
        string min = UnusedName(schema, "cwf_min"), max = UnusedName(schema, "cwf_max");
        // In float64 throughout: an int64 difference could overflow, a decimal one divide differently per warehouse.
        Expr AsFloat(Column c) => ExprFactory.Cast(ExprFactory.Column(c), SqlType.Float64);
        var range = cx.Builder.Window(input,
            [new WindowCall(min, WindowFunction.Min, [AsFloat(column)], [], [], null), new WindowCall(max, WindowFunction.Max, [AsFloat(column)], [], [], null)],
            step.Name + "_range", step.Origin);
        var ranged = cx.Builder.SchemaOf(range.Id);
        var (low, high) = (ExprFactory.Column(ranged.Find(min)!), ExprFactory.Column(ranged.Find(max)!));
        var scaled = ExprFactory.Binary(BinaryOp.Divide,
            ExprFactory.Binary(BinaryOp.Subtract, AsFloat(ranged.Find(column.Name)!), low),
            ExprFactory.Call(Functions.NullIf, ExprFactory.Binary(BinaryOp.Subtract, high, low), Literal.Float(0)));
        if (cx.AddColumn(range.Id, name, scaled, step with { Name = step.Name + "_scaled" }) is not { } added) return null;
        var kept = cx.Builder.SchemaOf(added).Columns.Where(c => c.Name != min && c.Name != max);
        return cx.Builder.Project(added, kept.Select(LoweringContext.PassThrough), step.Name, step.Origin).Id;
    }
}
