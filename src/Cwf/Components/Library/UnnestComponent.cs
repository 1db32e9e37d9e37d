using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.unnest</c>: one row per element of an array column, which the product offers on BigQuery only.
/// cwf has no array type (spec/ir.md): the component is recognised so that it gets a diagnostic saying
/// why (CWF2201) instead of importing as an opaque node.
/// </summary>
public sealed class UnnestComponent : GenericStepComponent
{
    public override string Id => "native.unnest";
    public override string Title => "Unnest";
    public override ComponentCategory Category => ComponentCategory.BasicSql;
    public override Seq<ComponentParameter> Parameters { get; } = [new("column", ParameterKind.Column, Required: false, Parent: "source")];
    public override GenericStepForm Form { get; } = new("unnest", ["column"]);
    public override ComponentDoc Doc { get; } = new("`unnest col` (CWF2201)", "none: cwf has no array type", "none");

    public override void Build(ComponentLoweringContext cx) =>
        cx.Diagnostics.Report(DiagnosticCodes.NoArrays, cx.Step.Origin,
            "the Unnest component (native.unnest) turns each element of an array column into a row, and cwf has no array type: " +
            "no column can hold an array, so the step cannot be typed, run in process or written for any warehouse",
            "unnest in a Custom SQL component (native.customsql) and declare its result columns, e.g. on BigQuery " +
            "SELECT t.* EXCEPT (col), v AS col FROM $a AS t CROSS JOIN UNNEST(t.col) AS v");
}
