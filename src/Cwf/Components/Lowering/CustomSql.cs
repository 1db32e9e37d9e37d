using System.Collections.Immutable;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components;

public static partial class ComponentLowering
{
    /// <summary>
    /// <c>native.customsql</c>: a SELECT over up to three inputs ($a, $b, $c). With no known result
    /// schema the schema is open and later columns pass unchecked (a warning says so).
    /// </summary>
    public static int? CustomSql(LoweringContext cx, IReadOnlyList<int> inputs, string sql, Schema? resultSchema, StepInfo step)
    {
        if (inputs.Count > 3)
        {
            cx.Diagnostics.Report(DiagnosticCodes.TooManyCustomSqlInputs, step.Origin, $"custom SQL has {inputs.Count} inputs");
            return null;
        }
        if (resultSchema is null)
            cx.Diagnostics.Report(DiagnosticCodes.UncheckedSchema, step.Origin,
                "the result columns of this custom SQL are unknown, so columns used after it are not checked",
                "declare the result schema");
        return cx.Builder.Opaque(inputs, "native.customsql", sql, resultSchema ?? Schema.Open,
            ImmutableSortedDictionary<string, string>.Empty, step.Name, step.Origin).Id;
    }

    /// <summary>A component cwf does not know: kept as an opaque node (backends refuse it) with a warning.</summary>
    public static int Opaque(LoweringContext cx, IReadOnlyList<int> inputs, string component, ImmutableSortedDictionary<string, string> properties, StepInfo step)
    {
        cx.Diagnostics.Report(DiagnosticCodes.OpaqueComponent, step.Origin,
            $"component '{component}' is not understood by cwf; it is kept as an opaque step that no backend can emit",
            "replace it with supported steps or custom SQL");
        return cx.Builder.Opaque(inputs, component, null, Schema.Open, properties, step.Name, step.Origin).Id;
    }
}
