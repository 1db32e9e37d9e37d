using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.removeduplicatedrows</c>: the input without duplicated rows, a row being a duplicate of another
/// when every column is equal (geographies by their binary form), as <c>native.distinct</c>;
/// <c>remove_duplicates</c>. The export's <c>optimizationcol</c> ("Cluster by") is a BigQuery storage hint
/// that changes no row: it is read as no parameter and so ignored.
/// </summary>
public sealed class RemoveDuplicatedRowsComponent : GenericStepComponent
{
    public override string Id => "native.removeduplicatedrows";
    public override string Title => "Remove duplicated";
    public override ComponentCategory Category => ComponentCategory.Other;
    public override Seq<ComponentParameter> Parameters { get; } = [];
    public override GenericStepForm Form { get; } = new("remove_duplicates", []);
    public override ComponentDoc Doc { get; } = new("`remove_duplicates`", "`Distinct` (every column compared)", "input, each row once");

    public override void Build(ComponentLoweringContext cx) =>
        cx.Output("result", ComponentLowering.Distinct(cx, cx.Input("source"), cx.Step));
}
