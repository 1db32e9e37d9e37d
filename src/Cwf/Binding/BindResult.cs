using System.Collections.Immutable;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Binding;

/// <summary>The IR of a bound program (null when there are errors) and every diagnostic, in source order per stage.</summary>
public sealed record BindResult(Workflow? Workflow, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>What each parameter declared with a unit measures (<c>param radius = 500 m</c> is a length), by name; plain parameters are absent.</summary>
    public ImmutableDictionary<string, Dimension> ParameterDimensions { get; init; } = ImmutableDictionary<string, Dimension>.Empty;

    /// <summary>The columns at every pipeline step and declared relation name, in the order bound (for editors).</summary>
    public ImmutableArray<StepScope> Scopes { get; init; } = [];
}
