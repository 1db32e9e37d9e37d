using System.Globalization;
using Cwf.Interpretation;

namespace Cwf.Cli.Progress;

/// <summary>The text of a step that ended, the same in plain lines and in the live display: <c>[3/7] filter 'large': 1,204 rows, 12 ms</c>.</summary>
internal static class StepLine
{
    public static string Finished(RunStep step, long? rows, TimeSpan elapsed) =>
        $"{Name(step)}: {(rows is { } count ? count.ToString("N0", CultureInfo.InvariantCulture) + " rows, " : "")}{Milliseconds(elapsed)} ms";

    public static string Failed(RunStep step, TimeSpan elapsed) => $"{Name(step)}: failed after {Milliseconds(elapsed)} ms";

    private static string Name(RunStep step) => $"[{step.Number}/{step.Total}] {step.Description}";

    private static string Milliseconds(TimeSpan elapsed) => elapsed.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture);
}
