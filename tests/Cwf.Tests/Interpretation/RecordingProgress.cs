using Cwf.Interpretation;

namespace Cwf.Tests.Interpretation;

/// <summary>An <see cref="IRunProgress"/> that writes down each call as a line, in the order the run made them.</summary>
internal sealed class RecordingProgress : IRunProgress
{
    public List<string> Events { get; } = [];

    public List<TimeSpan> Elapsed { get; } = [];

    public void StepStarted(RunStep step) => Events.Add($"started {Name(step)}");

    public void StepFinished(RunStep step, long? rows, TimeSpan elapsed)
    {
        Events.Add($"finished {Name(step)}: {(rows is null ? "?" : rows.ToString())} rows");
        Elapsed.Add(elapsed);
    }

    public void StepFailed(RunStep step, TimeSpan elapsed)
    {
        Events.Add($"failed {Name(step)}");
        Elapsed.Add(elapsed);
    }

    private static string Name(RunStep step) => $"[{step.Number}/{step.Total}] {step.Description}";
}
