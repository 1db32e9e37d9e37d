using Cwf.Interpretation;
using Spectre.Console;

namespace Cwf.Cli.Progress;

/// <summary>
/// How <c>cwf run</c> shows a run's progress on standard error: a live display when it is a terminal,
/// plain lines when it is a file or a pipe, nothing with --quiet. Nothing else may write to standard
/// error while <see cref="Show{T}"/> runs: the caller reports problems after it returns.
/// </summary>
internal static class RunDisplay
{
    public static T Show<T>(CliContext cx, Func<IRunProgress, T> run)
    {
        if (cx.Command.Has("quiet")) return run(NullRunProgress.Instance);
        if (!cx.ErrorIsTerminal) return run(new PlainRunProgress(cx.Error));
        var console = Live(cx.Error);
        return console.Progress()
            .AutoClear(true)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn())
            .Start(context => run(new LiveRunProgress(console, context)));
    }

    /// <summary>A console on the given writer that draws live (ANSI, interactive), colours as the terminal and NO_COLOR allow.</summary>
    public static IAnsiConsole Live(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(writer),
        });
        if (TerminalWidth() is { } width) console.Profile.Width = width;
        return console;
    }

    // Spectre.Console knows the width only of Console.Error itself, not of a writer over the same stream.
    private static int? TerminalWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : null;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException)
        {
            return null;
        }
    }
}
