using System.Collections.Immutable;
using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Canvas;

/// <summary>
/// What importing a canvas produced: the envelope that was read, the decoded canvas, the IR
/// (null when there are errors) and every diagnostic, in the order found.
/// </summary>
public sealed record CanvasImportResult(
    CanvasEnvelopeKind? Envelope,
    CanvasDocument? Document,
    Workflow? Workflow,
    ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>The IR node of each (canvas node id, output handle); a sink is under the empty handle.</summary>
    public ImmutableDictionary<(string Node, string Handle), int> IrNodes { get; init; } = ImmutableDictionary<(string, string), int>.Empty;

    /// <summary>The checked graph and the file mapping, for the decompiler (null when the canvas could not be read).</summary>
    internal CanvasGraph? Graph { get; init; }
    internal CanvasText? Text { get; init; }
    internal CanvasVariables? Variables { get; init; }
    internal StepNames? Names { get; init; }
    internal ComponentCatalog? Components { get; init; }
}
