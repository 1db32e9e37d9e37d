using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.sample</c>: <c>nrows</c> rows of the input, drawn the same way on every warehouse and in process;
/// <c>sample 100 { seed: 7 }</c>. The canvas gives no seed (0).
/// </summary>
public sealed class SampleComponent : GenericStepComponent
{
    public override string Id => "native.sample";
    public override string Title => "Sample";
    public override ComponentCategory Category => ComponentCategory.Other;

    public override Seq<ComponentParameter> Parameters { get; } =
        [new("nrows", ParameterKind.Integer), new("seed", ParameterKind.Integer, Required: false, Default: "0")];

    public override GenericStepForm Form { get; } = new("sample", ["nrows"]);

    public override ComponentDoc Doc { get; } = new(
        "`sample n [{ seed: s }]`",
        "`Window` (row_number in the order of every comparable column) + first n by `((row + seed) * 2654435761) % 2^32` (as `take n per`) + `Project`",
        "input, n rows (all when it has fewer)");

    public override void Build(ComponentLoweringContext cx)
    {
        var v = cx.Values;
        int source = cx.Input("source");
        if ((v.Integer("nrows"), v.Integer("seed")) is not ({ } count, { } seed) || v.Failed) return;
        cx.Output("result", ComponentLowering.Sample(cx, source, count, v.LocationOf("nrows"), seed, v.LocationOf("seed"), cx.Step));
    }
}

public static partial class ComponentLowering
{
    // Knuth's multiplicative hash: odd, so (row * K) mod 2^32 is a permutation of the row numbers below 2^32.
    private const long SampleMultiplier = 2654435761;
    private const long SampleModulus = 4294967296;

    /// <summary>
    /// <c>native.sample</c>: rows are numbered in the order of every comparable column (as the tie-break of
    /// <see cref="TakePerGroup"/>), and the <paramref name="count"/> rows with the smallest
    /// <c>((row + seed) * 2654435761) % 2^32</c> are kept. Integer arithmetic on an order every engine agrees
    /// on, so each warehouse and the interpreter keep the same rows; no warehouse's random or TABLESAMPLE is used
    /// (BigQuery's takes no seed).
    /// </summary>
    public static int? Sample(LoweringContext cx, int input, Expr count, Location countLocation, Expr seed, Location seedLocation, StepInfo step)
    {
        if (seed is not Literal { Value: long s } || s < 0 || s > int.MaxValue)
        {
            cx.Diagnostics.Report(DiagnosticCodes.InvalidSampleSeed, seedLocation, $"the sample seed must be a whole number from 0 to {int.MaxValue}, found {seed}",
                "write a seed such as 7; the same seed draws the same rows");
            return null;
        }
        if (!cx.RequireKnownColumns(input, step, "sampling")) return null;
        var schema = cx.Builder.SchemaOf(input);
        var row = UnusedName(schema, "cwf_row");
        var order = Comparable(schema.Columns, new HashSet<string>()).Select(c => new WindowKey(ExprFactory.Column(c), Descending: false, NullsFirst: false));
        var numbered = cx.Builder.Window(input, [new WindowCall(row, WindowFunction.RowNumber, [], [], [.. order], null)], step.Name + "_ordered", step.Origin);
        var number = ExprFactory.Column(cx.Builder.SchemaOf(numbered.Id).Find(row)!);
        var hash = ExprFactory.Binary(BinaryOp.Modulo,
            ExprFactory.Binary(BinaryOp.Multiply, ExprFactory.Binary(BinaryOp.Add, number, Literal.Int(s)), Literal.Int(SampleMultiplier)),
            Literal.Int(SampleModulus));
        if (TakePerGroup(cx, numbered.Id, count, countLocation, [], [new WindowKey(hash, Descending: false, NullsFirst: false)], step with { Name = step.Name + "_drawn" }) is not { } drawn)
            return null;
        return cx.Builder.Project(drawn, schema.Columns.Select(LoweringContext.PassThrough), step.Name, step.Origin).Id;
    }
}
