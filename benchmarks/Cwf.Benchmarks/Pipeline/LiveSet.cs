using System.Globalization;

namespace Cwf.Benchmarks.Pipeline;

/// <summary>
/// The bytes still reachable at points of a compile: a full blocking, compacting collection and then the heap's
/// size, so each figure is what the objects the runner holds at that point keep alive (with the runtime's own).
/// </summary>
internal sealed class LiveSet
{
    private readonly List<(string Point, long Bytes)> _points = [];

    // CWF_PROFILE_PAUSE=optimizer (a word of a point's name): the runner waits there for
    // CWF_PROFILE_PAUSE_SECONDS (20 unless set), so `dotnet-gcdump collect -p PID` can list the live objects by type.
    private static readonly string? PauseAt = Environment.GetEnvironmentVariable("CWF_PROFILE_PAUSE");
    private static readonly int PauseSeconds =
        int.TryParse(Environment.GetEnvironmentVariable("CWF_PROFILE_PAUSE_SECONDS"), out var seconds) ? seconds : 20;

    public void Measure(string point)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        _points.Add((point, GC.GetTotalMemory(forceFullCollection: false)));
        if (PauseAt is { Length: > 0 } && point.Contains(PauseAt, StringComparison.OrdinalIgnoreCase))
        {
            Console.WriteLine($"  paused {PauseSeconds} s {point}: process {Environment.ProcessId}");
            Thread.Sleep(TimeSpan.FromSeconds(PauseSeconds));
        }
    }

    public string Report() => string.Join("; ", _points.Select(p =>
        string.Create(CultureInfo.InvariantCulture, $"{p.Point} {p.Bytes / (1024.0 * 1024):F1}")));
}
