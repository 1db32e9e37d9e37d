using Cwf.Binding;
using Cwf.Canvas;
using Cwf.Catalog;
using Cwf.Text;

namespace Cwf.Driver;

/// <summary>Chooses the front end for an input (.cwf text, canvas JSON, generated SQL), runs it, and checks the whole workflow.</summary>
public static class FrontEnd
{
    /// <param name="keepSyntax">
    /// Whether the result holds the .cwf syntax tree (<see cref="FrontEndResult.Syntax"/>), as editors need it; without it
    /// the program is parsed and bound statement by statement and no whole tree is built
    /// (<see cref="CwfFrontEnd.CompileStatementByStatement"/>): the same workflow and diagnostics, far less memory kept alive.
    /// </param>
    public static FrontEndResult Load(SourceText source, SchemaCatalog catalog, bool keepSyntax = true)
    {
        var result = Read(source, catalog, keepSyntax);
        if (result.Workflow is not { } workflow || result.HasErrors) return result;
        var problems = WorkflowChecks.Check(workflow, source.Path);
        if (problems.IsEmpty) return result;
        var diagnostics = result.Diagnostics.AddRange(problems);
        return result with { Workflow = diagnostics.Any(d => d.IsError) ? null : workflow, Diagnostics = diagnostics };
    }

    private static FrontEndResult Read(SourceText source, SchemaCatalog catalog, bool keepSyntax)
    {
        var kind = InputDetector.Detect(source.Path, source.Text);
        if (kind == InputKind.Cwf)
        {
            var options = new BindOptions { DefaultWorkflowName = Path.GetFileNameWithoutExtension(source.Path) };
            var result = keepSyntax ? CwfFrontEnd.Compile(source, catalog, options) : CwfFrontEnd.CompileStatementByStatement(source, catalog, options);
            return new FrontEndResult(kind, result.Workflow, result.Diagnostics, Syntax: result.Syntax) { ParameterDimensions = result.ParameterDimensions, Scopes = result.Scopes };
        }
        var import = CanvasImporter.Import(source, catalog);
        return new FrontEndResult(kind, import.Workflow, import.Diagnostics, Canvas: import);
    }
}
