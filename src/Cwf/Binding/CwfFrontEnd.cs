using System.Collections.Immutable;
using Cwf.Catalog;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;
using Cwf.Syntax.Internal;
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
        return Result(parsed.Diagnostics, Binder.Bind(parsed.Syntax!, catalog, options), parsed.Syntax!);
    }

    /// <summary>
    /// What <see cref="Compile"/> gives, without the syntax tree and the scopes (<see cref="CompileResult.Scopes"/> is
    /// empty, as editors alone read it): each statement is parsed, bound and let go, so the whole program's tokens and
    /// syntax tree are never alive at once (a long program's compile keeps far less alive for the collector to copy).
    /// The path of the command line and of everything that needs only the workflow.
    /// </summary>
    public static CompileResult CompileStatementByStatement(SourceText source, SchemaCatalog catalog, BindOptions? options = null)
    {
        options ??= BindOptions.Default;
        try
        {
            var statements = new StatementStream(source, options.Components.Steps);
            var binder = new ProgramBinder(source, catalog, options, listScopes: false);
            while (statements.Next() is { } statement) binder.Add(statement);
            if (!statements.NeedsWholeText) return Result([.. statements.Diagnostics], binder.Finish(), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A program nested too deeply, or a compiler bug: the whole path below reports it, as it always has.
        }
        // Text for ANTLR's lexer (outside ASCII, an unterminated string...): read whole, as Compile reads it.
        return Compile(source, catalog, options) with { Syntax = null, Scopes = [] };
    }

    // Diagnostics in source order (at the same place, syntax before binding); no workflow after a syntax error.
    private static CompileResult Result(ImmutableArray<Diagnostic> syntaxErrors, BindResult bound, ProgramSyntax? syntax)
    {
        var names = bound.Workflow is { } workflow ? IdentifierRules.Check(workflow) : [];
        var diagnostics = InSourceOrder(syntaxErrors.IsEmpty && names.IsEmpty ? bound.Diagnostics : syntaxErrors.AddRange(bound.Diagnostics).AddRange(names));
        return new CompileResult(syntaxErrors.Any(d => d.IsError) || !names.IsEmpty ? null : bound.Workflow, syntax, diagnostics)
        {
            ParameterDimensions = bound.ParameterDimensions,
            Scopes = bound.Scopes,
        };
    }

    // A stable sort by start, skipped when the diagnostics are in order already (nearly always: the binder reports
    // statement by statement): a long program's thousands of warnings are then not copied three times to be sorted.
    private static ImmutableArray<Diagnostic> InSourceOrder(ImmutableArray<Diagnostic> diagnostics)
    {
        for (int i = 1; i < diagnostics.Length; i++)
            if (Start(diagnostics[i]) < Start(diagnostics[i - 1])) return [.. diagnostics.OrderBy(Start)];
        return diagnostics;
    }

    private static int Start(Diagnostic diagnostic) => diagnostic.Location is SourceLocation s ? s.Span.Start : int.MaxValue;
}

/// <param name="Syntax">The syntax tree (null from <see cref="CwfFrontEnd.CompileStatementByStatement"/>).</param>
public sealed record CompileResult(Workflow? Workflow, ProgramSyntax? Syntax, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>What each parameter declared with a unit measures (see <see cref="BindResult.ParameterDimensions"/>).</summary>
    public ImmutableDictionary<string, Dimension> ParameterDimensions { get; init; } = ImmutableDictionary<string, Dimension>.Empty;

    /// <summary>The columns at every pipeline step and declared relation name (see <see cref="BindResult.Scopes"/>; empty from <see cref="CwfFrontEnd.CompileStatementByStatement"/>).</summary>
    public ImmutableArray<StepScope> Scopes { get; init; } = [];
}
