using Cwf.Catalog;
using Cwf.Diagnostics;
using Cwf.Syntax;

namespace Cwf.Binding;

/// <summary>
/// The .cwf binder: a parsed program and the known table schemas in, the typed IR workflow and
/// diagnostics out. Statements bind in the order written; each step lowers through the shared
/// component functions, so a .cwf step and its canvas component build the same IR. Never throws
/// on user input; the workflow is null when there is any error.
/// </summary>
public static class Binder
{
    public static BindResult Bind(ProgramSyntax program, SchemaCatalog catalog, BindOptions? options = null)
    {
        try
        {
            var binder = new ProgramBinder(program.Source, catalog, options ?? BindOptions.Default);
            foreach (var statement in program.Statements) binder.Add(statement);
            return binder.Finish();
        }
        catch (InsufficientExecutionStackException)
        {
            return new BindResult(null, [Diagnostic.Create(DiagnosticCodes.TooComplex, new FileLocation(program.Source?.Path),
                "the program is nested too deeply to compile", "simplify its expressions")]);
        }
    }
}
