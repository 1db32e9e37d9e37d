using Cwf.Catalog;
using Cwf.Components;
using Cwf.Components.Library;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Text;

namespace Cwf.Canvas;

/// <summary>
/// The canvas front end: reads a canvas export, CLI bundle or generated SQL file, checks it
/// (contract 5a.11) and lowers it to the same IR the .cwf binder produces.
/// <code>
/// var result = CanvasImporter.Import(SourceText.From(File.ReadAllText(path), path), catalog);
/// if (!result.HasErrors) Compile(result.Workflow!);
/// </code>
/// Never throws on user input: every problem is a diagnostic.
/// </summary>
public static class CanvasImporter
{
    /// <param name="components">The components cwf understands; <see cref="ComponentCatalog.Default"/> unless a test adds some.</param>
    public static CanvasImportResult Import(SourceText source, SchemaCatalog? catalog = null, ComponentCatalog? components = null)
    {
        components ??= ComponentCatalog.Default;
        var read = CanvasReader.Read(source);
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(read.Diagnostics);
        if (read.Document is not { } document || read.Text is not { } text)
            return new CanvasImportResult(null, null, null, diagnostics.ToImmutable());

        var variables = CanvasVariables.Build(document, text, diagnostics);
        var graph = CanvasGraph.Build(document, text, diagnostics, components);
        // Names must not be parameters, reserved words of .cwf, or the discard name.
        var names = new StepNames(variables.Parameters.Select(p => p.Name).Concat(Syntax.Internal.TokenFacts.ReservedWords).Append("_"));
        var (builder, outputs) = CanvasLowering.Lower(document, graph, text, variables, catalog ?? SchemaCatalog.Empty, components, names, diagnostics);
        if (builder.Name.Length == 0) builder.Name = Path.GetFileNameWithoutExtension(source.Path);
        var workflow = diagnostics.HasErrors ? null : builder.ToWorkflow();
        if (workflow is not null)
        {
            CallComponent.ReportUnnamedResults(workflow, diagnostics);
            if (diagnostics.HasErrors) workflow = null;
        }
        if (workflow is not null && IdentifierRules.Check(workflow) is { IsEmpty: false } badNames)
        {
            diagnostics.AddRange(badNames);
            workflow = null;
        }
        return new CanvasImportResult(document.Envelope, document, workflow, diagnostics.ToImmutable())
        {
            IrNodes = outputs,
            Graph = graph,
            Text = text,
            Variables = variables,
            Names = names,
            Components = components,
        };
    }
}
