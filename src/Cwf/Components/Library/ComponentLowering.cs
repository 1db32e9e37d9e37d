using System.Collections.Immutable;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// The lowering functions both front ends call, one per component, each in its component's file
/// (Components/Library): it checks the resolved arguments against the input schemas, reports what is
/// wrong at the argument's location, and builds the IR nodes. The .cwf binder and the canvas importer
/// both call these, so the same component gives the same IR from either front end. A function returns
/// the new node's id, or null when an error was reported (the caller then skips dependent steps).
/// </summary>
public static partial class ComponentLowering
{
    /// <summary>A component cwf does not know: kept as an opaque node (backends refuse it) with a warning.</summary>
    public static int Opaque(LoweringContext cx, IReadOnlyList<int> inputs, string component, ImmutableSortedDictionary<string, string> properties, StepInfo step)
    {
        if (UncompiledComponents.Reason(component) is { } known)
            cx.Diagnostics.Report(DiagnosticCodes.OpaqueComponent, step.Origin,
                $"component '{component}' is not compiled by cwf: {known.Why}; it is kept as an opaque step that no backend can emit", known.Hint);
        else
            cx.Diagnostics.Report(DiagnosticCodes.OpaqueComponent, step.Origin,
                $"component '{component}' is not understood by cwf; it is kept as an opaque step that no backend can emit",
                "replace it with supported steps or custom SQL");
        return cx.Builder.Opaque(inputs, component, null, Schema.Open, properties, step.Name, step.Origin).Id;
    }
}
