using System.Globalization;

namespace Cwf.Benchmarks.Pipeline;

/// <summary>
/// The bytes still reachable at points of a compile: a full blocking, compacting collection and then the heap's
/// size, so each figure is what the objects the runner holds at that point keep alive (with the runtime's own).
/// </summary>
internal sealed class LiveSet
{
    private readonly List<(string Point, long Bytes)> _points = [];

    public void Measure(string point)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        _points.Add((point, GC.GetTotalMemory(forceFullCollection: false)));
    }

    public string Report() => string.Join("; ", _points.Select(p =>
        string.Create(CultureInfo.InvariantCulture, $"{p.Point} {p.Bytes / (1024.0 * 1024):F1}")));
}
