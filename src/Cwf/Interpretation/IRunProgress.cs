namespace Cwf.Interpretation;

/// <summary>
/// Told as a run goes: each step when it starts and when it ends, on the thread that runs it, in
/// order. The interpreter reports its steps (IR nodes); <c>cwf run --connection</c> reports the
/// statements of the script. How progress is shown is the caller's business, not the run's.
/// </summary>
public interface IRunProgress
{
    void StepStarted(RunStep step);

    /// <summary>The step ended; <paramref name="rows"/> is what it produced or wrote, null when its engine does not say.</summary>
    void StepFinished(RunStep step, long? rows, TimeSpan elapsed);

    /// <summary>The step ended in an error (reported by the run as a diagnostic or a message).</summary>
    void StepFailed(RunStep step, TimeSpan elapsed);
}
