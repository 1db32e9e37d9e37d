using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.generateuuid</c>: adds the column <c>uuid</c>, a random UUID per row (<c>generate_uuid()</c>);
/// <c>generate_uuid [as name]</c>. Not deterministic: every run, and every engine, draws other values.
/// </summary>
public sealed class GenerateUuidComponent : GenericStepComponent
{
    public override string Id => "native.generateuuid";
    public override string Title => "Generate UUID";
    public override ComponentCategory Category => ComponentCategory.Other;
    public override Seq<ComponentParameter> Parameters { get; } = [];
    public override GenericStepForm Form { get; } = new("generate_uuid", [], NamesColumn: true);
    public override ComponentDoc Doc { get; } = new("`generate_uuid [as name]`", "adds `uuid` = `generate_uuid()`", "input + `uuid` (string, a random version 4 UUID per row)");

    public override void Build(ComponentLoweringContext cx)
    {
        int source = cx.Input("source");
        cx.Output("result", cx.AddColumn(source, cx.OutputName ?? "uuid", ExprFactory.Call(Functions.GenerateUuid), cx.Step));
    }
}
