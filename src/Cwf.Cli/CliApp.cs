using Cwf.Cli.CommandLine;
using Cwf.Cli.Commands;
using Cwf.Diagnostics;

namespace Cwf.Cli;

/// <summary>The `cwf` command: picks the subcommand, parses its arguments, runs it, and turns every failure into a message and an exit code.</summary>
public sealed class CliApp(TextWriter output, TextWriter error)
{
    public int Run(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            error.Write(Help.Overview(CommandCatalog.All));
            return ExitCodes.Usage;
        }
        string name = args[0];
        if (name is "--help" or "-h" or "help")
        {
            if (args.Count > 1 && CommandCatalog.Find(args[1]) is { } spec) output.Write(Help.ForCommand(spec));
            else output.Write(Help.Overview(CommandCatalog.All));
            return ExitCodes.Success;
        }
        if (name is "--version" or "-V")
        {
            output.WriteLine($"cwf {typeof(CliApp).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"}");
            return ExitCodes.Success;
        }
        var command = CommandCatalog.Find(name);
        if (command is null)
        {
            var best = NameSuggestions.Closest(name, CommandCatalog.All.Select(c => c.Name));
            error.WriteLine($"cwf: error: unknown command '{name}'" + (best is null ? "" : $"; did you mean '{best}'?"));
            error.WriteLine("run 'cwf --help' for the list of commands");
            return ExitCodes.Usage;
        }

        try
        {
            var parsed = ArgumentParser.Parse(command, [.. args.Skip(1)]);
            if (parsed.Has("help"))
            {
                output.Write(Help.ForCommand(command));
                return ExitCodes.Success;
            }
            var context = new CliContext(parsed, output, error);
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

    private static int Execute(CliContext cx) => cx.Command.Spec.Name switch
    {
        "compile" => CompileCommand.Run(cx),
        "check" => CheckCommand.Run(cx),
        "import" => ImportCommand.Run(cx),
        "fmt" => FmtCommand.Run(cx),
        "graph" => GraphCommand.Run(cx),
        "explain" => ExplainCommand.Run(cx),
        "run" => RunCommand.Run(cx),
        "lsp" => LspCommand.Run(cx),
        _ => throw new InvalidOperationException($"No handler for command '{cx.Command.Spec.Name}'."),
    };
}
