using System.CommandLine;
using Cwf.Cli.CommandLine;
using Cwf.Cli.Commands;
using Cwf.Diagnostics;

namespace Cwf.Cli;

/// <summary>
/// The `cwf` command: parses the command line (System.CommandLine, over the tree built from
/// <see cref="CommandCatalog"/>), runs the command, and turns every failure into a message and an
/// exit code. <paramref name="errorIsTerminal"/> says whether standard error is a terminal (then
/// `cwf run` shows a live progress display instead of plain lines).
/// </summary>
public sealed class CliApp(TextWriter output, TextWriter error, bool errorIsTerminal = false)
{
    public int Run(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            error.Write(Help.Overview(CommandCatalog.All));
            return ExitCodes.Usage;
        }
        try
        {
            var tree = CommandTree.Instance;
            var result = tree.Parse(args);
            // The completion scripts ask for the words that fit the cursor: System.CommandLine's own action answers.
            if (result.GetResult(tree.Suggest) is not null)
                return result.Invoke(new InvocationConfiguration { Output = output, Error = error });

            var command = result.CommandResult.Command;
            bool help = result.GetResult(tree.HelpOption) is { Implicit: false };
            if (command == tree.HelpCommand)
            {
                var names = result.GetValue((Argument<string[]>)tree.HelpCommand.Arguments[0]) ?? [];
                output.Write(names is [var name, ..] && CommandCatalog.Find(name) is { } named ? Help.ForCommand(named) : Help.Overview(CommandCatalog.All));
                return ExitCodes.Success;
            }
            if (tree.SpecOf(command) is not { } spec) return RunRoot(tree, result, help);
            if (help)
            {
                output.Write(Help.ForCommand(spec));
                return ExitCodes.Success;
            }

            var parsed = ArgumentParser.Check(tree, spec, result, args);
            if (parsed.Has("help"))
            {
                output.Write(Help.ForCommand(spec));
                return ExitCodes.Success;
            }
            var context = new CliContext(parsed, output, error) { ErrorIsTerminal = errorIsTerminal };
            int exitCode = Execute(context);
            return context.ReportedInternalError ? ExitCodes.InternalError : exitCode;
        }
        catch (UsageException e)
        {
            error.WriteLine($"cwf: error{(e.Code is null ? "" : " " + e.Code)}: {e.Message}");
            if (e.Usage is not null) error.WriteLine(e.Usage);
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A crash is a compiler bug: say so plainly instead of printing a stack trace at the user.
            error.WriteLine($"cwf: error {DiagnosticCodes.InternalError.Code}: internal compiler error ({e.GetType().Name}: {e.Message})");
            error.WriteLine("this is a bug in cwf, not in your workflow; please report it together with the input file");
            if (Environment.GetEnvironmentVariable("CWF_DEBUG") == "1") error.WriteLine(e);
            return ExitCodes.InternalError;
        }
    }

    /// <summary>No command: an unknown one, or the options of cwf itself (--help, --version).</summary>
    private int RunRoot(CommandTree tree, ParseResult result, bool help)
    {
        if (result.UnmatchedTokens is [var name, ..])
        {
            var best = NameSuggestions.Closest(name, CommandCatalog.All.Select(c => c.Name));
            error.WriteLine($"cwf: error: unknown command '{name}'" + (best is null ? "" : $"; did you mean '{best}'?"));
            error.WriteLine("run 'cwf --help' for the list of commands");
            return ExitCodes.Usage;
        }
        if (help)
        {
            output.Write(Help.Overview(CommandCatalog.All));
            return ExitCodes.Success;
        }
        if (result.GetResult(tree.VersionOption) is { Implicit: false })
        {
            output.WriteLine($"cwf {typeof(CliApp).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"}");
            return ExitCodes.Success;
        }
        // Nothing to do (an empty response file, say): as with no arguments at all.
        error.Write(Help.Overview(CommandCatalog.All));
        return ExitCodes.Usage;
    }

    private static int Execute(CliContext cx) => cx.Command.Spec.Name switch
    {
        "compile" => CompileCommand.Run(cx),
        "check" => CheckCommand.Run(cx),
        "import" => ImportCommand.Run(cx),
        "fmt" => FmtCommand.Run(cx),
        "graph" => GraphCommand.Run(cx),
        "explain" => ExplainCommand.Run(cx),
        "run" => RunCommand.Run(cx),
        "completions" => CompletionsCommand.Run(cx),
        "serve" => ServeCommand.Run(cx),
        "lsp" => LspCommand.Run(cx),
        _ => throw new InvalidOperationException($"No handler for command '{cx.Command.Spec.Name}'."),
    };
}
