namespace Cwf.Interpretation;

/// <summary>Progress that nobody watches: what a run reports to when its caller gives no <see cref="IRunProgress"/>.</summary>
public sealed class NullRunProgress : IRunProgress
{
    public static NullRunProgress Instance { get; } = new();

    private NullRunProgress()
    {
    }

    public void StepStarted(RunStep step)
    {
    }

    public void StepFinished(RunStep step, long? rows, TimeSpan elapsed)
    {
    }

    public void StepFailed(RunStep step, TimeSpan elapsed)
    {
    }
}
