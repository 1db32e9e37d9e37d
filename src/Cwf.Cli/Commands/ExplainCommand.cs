using Cwf.Driver;
using Cwf.Planning;

namespace Cwf.Cli.Commands;

/// <summary><c>cwf explain</c>: what the optimizer did pass by pass, how long each pass took, and the materialization plan with its reasons.</summary>
internal static class ExplainCommand
{
    public static int Run(CliContext cx)
    {
        var options = CompileCommand.Options(cx, cx.Dialect(required: true)!) with { RecordIr = true };
        var result = CompileCommand.CompileInput(cx, options);
        if (result?.Optimization is null || result.Plan is null) return ExitCodes.InputErrors;
        cx.Output.Write(Explainer.Explain(result.Optimization, result.Plan, result.Target));
        return result.HasErrors ? ExitCodes.InputErrors : ExitCodes.Success;
    }
}
