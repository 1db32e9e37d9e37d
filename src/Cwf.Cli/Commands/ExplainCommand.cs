using Cwf.Driver;
using Cwf.Planning;

namespace Cwf.Cli.Commands;

/// <summary><c>cwf explain</c>: what the optimizer did pass by pass, how long each pass took, and the materialization plan with its reasons.</summary>
internal static class ExplainCommand
{
    public static int Run(CliContext cx)
    {
        var options = CompileCommand.Options(cx, cx.Dialect(required: true)!) with { RecordIr = true };
        var (front, diagnostics) = WorkflowLoader.Load(cx);
        if (front.Workflow is null || diagnostics.Any(d => d.IsError))
        {
            cx.Report(diagnostics);
            return ExitCodes.InputErrors;
        }
        var workflow = ParameterOverrides.Apply(front.Workflow, cx.Command.Values("param"), cx.Command.Spec);
        var result = Compiler.Compile(workflow, options);
        cx.Report([.. diagnostics, .. result.Diagnostics]);
        if (result.Optimization is null || result.Plan is null) return ExitCodes.InputErrors;
        cx.Output.Write(Explainer.Explain(result.Optimization, result.Plan, result.Target));
        return result.HasErrors ? ExitCodes.InputErrors : ExitCodes.Success;
    }
}
