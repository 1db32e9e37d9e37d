using Cwf.Cli.CommandLine;
using Cwf.Diagnostics;

namespace Cwf.Cli.Commands;

/// <summary><c>cwf completions bash|zsh|pwsh</c>: the shell's completion script on standard output.</summary>
internal static class CompletionsCommand
{
    public static int Run(CliContext cx)
    {
        var shell = cx.Command.Positionals[0];
        var script = CompletionScripts.For(shell) ?? throw new UsageException(
            $"no completion script for the shell '{shell}'; {NameSuggestions.Hint(shell, CompletionScripts.Shells, "shells")}",
            Help.UsageLine(cx.Command.Spec));
        cx.Output.Write(script);
        return ExitCodes.Success;
    }
}
