using Cwf.Interpretation;
using Spectre.Console;

namespace Cwf.Cli.Progress;

/// <summary>
/// Progress on a terminal (Spectre.Console): a bar over the whole run that names the running step and
/// the time so far, and above it the line of each step that ended, as <see cref="PlainRunProgress"/> writes it.
/// </summary>
internal sealed class LiveRunProgress(IAnsiConsole console, ProgressContext context) : IRunProgress
{
    private ProgressTask? _run;

    public void StepStarted(RunStep step)
    {
        var description = Markup.Escape($"[{step.Number}/{step.Total}] {step.Description}");
        if (_run is null) _run = context.AddTask(description, maxValue: step.Total);
        else _run.Description = description;
    }

    public void StepFinished(RunStep step, long? rows, TimeSpan elapsed)
    {
        // Written through the display's console, so the line lands above the bar instead of through it.
        console.MarkupLine("[green]✓[/] " + Markup.Escape(StepLine.Finished(step, rows, elapsed)));
        if (_run is not null) _run.Value = step.Number;
    }

    public void StepFailed(RunStep step, TimeSpan elapsed)
    {
        console.MarkupLine("[red]✗[/] " + Markup.Escape(StepLine.Failed(step, elapsed)));
        if (_run is not null) _run.Value = step.Number;
    }
}
