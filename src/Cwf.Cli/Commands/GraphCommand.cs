using Cwf.Analysis;

namespace Cwf.Cli.Commands;

/// <summary><c>cwf graph</c>: the workflow as DOT, Mermaid or JSON, before optimization (so dead and shared steps show).</summary>
internal static class GraphCommand
{
    public static int Run(CliContext cx)
    {
        GraphRenderer.TryParseFormat(cx.Command.Value("format") ?? "dot", out var format);
        var (front, diagnostics) = WorkflowLoader.Load(cx);
        cx.Report(diagnostics);
        if (front.Workflow is null || diagnostics.Any(d => d.IsError)) return ExitCodes.InputErrors;
        cx.WriteResult(GraphRenderer.Render(front.Workflow, format));
        return ExitCodes.Success;
    }
}
