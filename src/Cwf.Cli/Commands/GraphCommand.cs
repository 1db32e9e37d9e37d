using Cwf.Analysis;
using Cwf.Cli.CommandLine;
using Cwf.Cli.Drawing;

namespace Cwf.Cli.Commands;

/// <summary>
/// <c>cwf graph</c>: the workflow as DOT, Mermaid or JSON text, or drawn as an SVG or PNG picture, before
/// optimization (so dead and shared steps show).
/// </summary>
internal static class GraphCommand
{
    public static int Run(CliContext cx)
    {
        var formatName = cx.Command.Value("format") ?? "dot";
        var (front, diagnostics) = WorkflowLoader.Load(cx);
        cx.Report(diagnostics);
        if (front.Workflow is null || diagnostics.Any(d => d.IsError)) return ExitCodes.InputErrors;
        switch (formatName)
        {
            case "svg":
                cx.WriteResult(GraphSvg.Render(GraphLayout.Lay(WorkflowAnalyzer.Analyze(front.Workflow))));
                break;
            case "png":
                var graph = GraphLayout.Lay(WorkflowAnalyzer.Analyze(front.Workflow));
                WriteBytes(cx, GraphPng.Render(graph, GraphSvg.Render(graph)));
                break;
            default:
                GraphRenderer.TryParseFormat(formatName, out var format);
                cx.WriteResult(GraphRenderer.Render(front.Workflow, format));
                break;
        }
        return ExitCodes.Success;
    }

    // A picture goes to --output, or to standard output when that is a file or a pipe (never a terminal).
    private static void WriteBytes(CliContext cx, byte[] bytes)
    {
        if (cx.Command.Value("output") is { } path)
        {
            try
            {
                File.WriteAllBytes(path, bytes);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new UsageException($"cannot write '{path}': {e.Message}");
            }
            return;
        }
        if (cx.Output is not StreamWriter { BaseStream: var stream } writer || !Console.IsOutputRedirected)
            throw new UsageException("--format png writes binary data: give --output <file.png> or redirect standard output to a file", Help.UsageLine(cx.Command.Spec));
        writer.Flush();
        stream.Write(bytes);
        stream.Flush();
    }
}
