using Cwf.Interpretation;

namespace Cwf.Cli.Progress;

/// <summary>A line per step as it ends (<see cref="StepLine"/>): what <c>cwf run</c> writes when standard error is a file or a pipe.</summary>
internal sealed class PlainRunProgress(TextWriter error) : IRunProgress
{
    public void StepStarted(RunStep step)
    {
    }

    public void StepFinished(RunStep step, long? rows, TimeSpan elapsed) => error.WriteLine(StepLine.Finished(step, rows, elapsed));

    public void StepFailed(RunStep step, TimeSpan elapsed) => error.WriteLine(StepLine.Failed(step, elapsed));
}
