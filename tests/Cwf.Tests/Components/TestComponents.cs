using Cwf.Components;
using Cwf.Components.Library;
using Cwf.Ir;

namespace Cwf.Tests.Components;

/// <summary>
/// <c>test.scale</c>: a component in the generic step form, as a new component would be written (one class,
/// no grammar change), added to a test catalog: <c>scale column, factor { units: ..., label: ..., round: ... } [as name]</c>
/// adds <c>&lt;column&gt;_scaled</c> (or <c>_&lt;label&gt;</c>) = column × factor in meters.
/// </summary>
internal sealed class ScaleComponent : GenericStepComponent
{
    public override string Id => "test.scale";
    public override string Title => "Scale";
    public override ComponentCategory Category => ComponentCategory.Other;

    public override Seq<ComponentParameter> Parameters { get; } =
    [
        ComponentParameter.Column("column"), new("factor", ParameterKind.Number),
        ComponentParameter.Selection("units", ComponentCatalog.LengthUnits, "Meters"),
        new("label", ParameterKind.String, Required: false),
        new("round", ParameterKind.Boolean, Required: false, Default: "false"),
    ];

    public override GenericStepForm Form { get; } = new("scale", ["column", "factor"], NamesColumn: true);

    public override ComponentDoc Doc { get; } = new(
        "`scale column, factor { units: ..., label: ..., round: ... } [as name]`", "adds `<column>_scaled` = column × factor", "input + `<column>_scaled`");

    public override void Build(ComponentLoweringContext cx)
    {
        var v = cx.Values;
        int source = cx.Input("source");
        if ((v.Column("column"), v.Number("factor"), v.Selection("units"), v.Boolean("round")) is not ({ } column, { } factor, { } units, { } round) || v.Failed) return;
        var label = v.Text("label");
        if (v.Failed || cx.ResolveNumeric(source, column) is not { } c) return;
        var scaled = ExprFactory.Binary(BinaryOp.Multiply, ExprFactory.Column(c), Units.ToMeters(factor, Units.ParseLength(units)!.Value));
        var name = cx.OutputName ?? c.Name + "_" + (label ?? "scaled");
        cx.Output("result", cx.AddColumn(source, name, round ? ExprFactory.Call(Functions.Round, scaled) : scaled, cx.Step));
    }
}

/// <summary><c>test.stack</c>: a generic step with a second table input given by position, <c>stack other</c> (a union of two).</summary>
internal sealed class StackComponent : GenericStepComponent
{
    public override string Id => "test.stack";
    public override string Title => "Stack";
    public override ComponentCategory Category => ComponentCategory.Other;
    public override Seq<ComponentPort> Inputs { get; } = [ComponentPort.Source, new("other")];
    public override Seq<ComponentParameter> Parameters { get; } = [];
    public override GenericStepForm Form { get; } = new("stack", ["other"]);
    public override ComponentDoc Doc { get; } = new("`stack other`", "`UnionAll` of the two", "the first input's columns");

    public override void Build(ComponentLoweringContext cx) =>
        cx.Output("result", ComponentLowering.UnionAll(cx, [.. cx.Inputs("source"), .. cx.Inputs("other")], cx.Step));
}
