using System.Collections.Immutable;
using Cwf.Catalog;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;
using Cwf.Text;

namespace Cwf.Binding;

/// <summary>Parse and bind in one call: what <c>cwf compile</c> and <c>cwf check</c> need from a .cwf file.</summary>
public static class CwfFrontEnd
{
    /// <summary>
    /// The workflow (null when there is an error), the syntax tree and all diagnostics in source
    /// order (at the same place, syntax before binding). Statements with syntax errors are skipped
    /// by the binder, and so are the statements that depend on them, silently.
    /// </summary>
    public static CompileResult Compile(SourceText source, SchemaCatalog catalog, BindOptions? options = null)
    {
        options ??= BindOptions.Default;
        var parsed = CwfParser.ParseProgram(source, options.Components.Steps);
        var bound = Binder.Bind(parsed.Syntax!, catalog, options);
        var names = bound.Workflow is { } workflow ? IdentifierRules.Check(workflow) : [];
        var diagnostics = parsed.Diagnostics.AddRange(bound.Diagnostics).AddRange(names)
            .OrderBy(d => d.Location is SourceLocation s ? s.Span.Start : int.MaxValue)
            .ToImmutableArray();
        return new CompileResult(parsed.HasErrors || !names.IsEmpty ? null : bound.Workflow, parsed.Syntax!, diagnostics)
        {
            ParameterDimensions = bound.ParameterDimensions,
            Scopes = bound.Scopes,
        };
    }
}

public sealed record CompileResult(Workflow? Workflow, ProgramSyntax Syntax, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>What each parameter declared with a unit measures (see <see cref="BindResult.ParameterDimensions"/>).</summary>
    public ImmutableDictionary<string, Dimension> ParameterDimensions { get; init; } = ImmutableDictionary<string, Dimension>.Empty;

    /// <summary>The columns at every pipeline step and declared relation name (see <see cref="BindResult.Scopes"/>).</summary>
    public ImmutableArray<StepScope> Scopes { get; init; } = [];
}
