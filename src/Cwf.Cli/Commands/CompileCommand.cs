using System.Collections.Immutable;
using Cwf.Cli.CommandLine;
using Cwf.Driver;
using Cwf.Emit;

namespace Cwf.Cli.Commands;

/// <summary><c>cwf compile</c>: SQL for one dialect on standard output (or --output); diagnostics on standard error.</summary>
internal static class CompileCommand
{
    public static int Run(CliContext cx)
    {
        var result = CompileInput(cx, Options(cx, cx.Dialect(required: true)!));
        if (result?.Sql is null || result.HasErrors) return ExitCodes.InputErrors;
        cx.WriteResult(result.Sql);
        return ExitCodes.Success;
    }

    /// <summary>
    /// Loads the input, applies --param and compiles, reporting every diagnostic; null when the
    /// front end already failed (then nothing after it ran).
    /// </summary>
    public static CompilationResult? CompileInput(CliContext cx, CompileOptions options)
    {
        var (workflow, diagnostics) = WorkflowLoader.LoadWithParameters(cx);
        if (workflow is null)
        {
            cx.Report(diagnostics);
            return null;
        }
        var result = Compiler.Compile(workflow, options);
        cx.Report(DiagnosticMerge.Merge(diagnostics, result.Diagnostics));
        return result;
    }

    /// <summary>The compile options from --emit, --no-opt and --disable-pass (unknown pass names are usage errors).</summary>
    public static CompileOptions Options(CliContext cx, Dialect dialect)
    {
        var passes = cx.Command.Values("disable-pass");
        if (Compiler.ValidatePassNames(passes).FirstOrDefault() is { } problem)
            throw new UsageException(string.Join("; ", [problem.Message, .. problem.Hints]), Help.UsageLine(cx.Command.Spec));
        return new CompileOptions(dialect)
        {
            Mode = cx.Command.Value("emit") switch
            {
                "procedure" => EmitMode.Procedure,
                "query" => EmitMode.Query,
                _ => EmitMode.Script,
            },
            Optimize = !cx.Command.Has("no-opt"),
            DisabledPasses = [.. passes],
            ReplaceStrategy = ReplaceStrategyOption(cx),
            Toolbox = cx.Toolbox(),
            Carto = cx.Carto(),
        };
    }

    /// <summary>--replace-strategy (its values are checked by the option's allowed values); drop when absent.</summary>
    public static ReplaceStrategy ReplaceStrategyOption(CliContext cx) => cx.Command.Value("replace-strategy")?.ToLowerInvariant() switch
    {
        "cascade" => ReplaceStrategy.Cascade,
        "swap" => ReplaceStrategy.Swap,
        _ => ReplaceStrategy.Drop,
    };
}
