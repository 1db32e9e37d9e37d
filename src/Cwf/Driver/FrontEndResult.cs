using System.Collections.Immutable;
using Cwf.Binding;
using Cwf.Canvas;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Driver;

/// <summary>
/// What a front end made of one input: the IR (null when there are errors), every diagnostic,
/// and the front end's own result (the .cwf syntax tree or the canvas import) for tools that need it.
/// </summary>
public sealed record FrontEndResult(
    InputKind Kind,
    Workflow? Workflow,
    ImmutableArray<Diagnostic> Diagnostics,
    ProgramSyntax? Syntax = null,
    CanvasImportResult? Canvas = null)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>What each parameter declared with a unit measures (.cwf only: canvas variables have no units).</summary>
    public ImmutableDictionary<string, Dimension> ParameterDimensions { get; init; } = ImmutableDictionary<string, Dimension>.Empty;

    /// <summary>The columns at every pipeline step and declared relation name (.cwf only; see <see cref="BindResult.Scopes"/>).</summary>
    public ImmutableArray<StepScope> Scopes { get; init; } = [];
}
