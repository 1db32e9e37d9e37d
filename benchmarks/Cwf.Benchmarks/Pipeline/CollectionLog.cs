using System.Globalization;

namespace Cwf.Benchmarks.Pipeline;

/// <summary>
/// The collections that ended during each stage, read from <see cref="GC.GetGCMemoryInfo(GCKind)"/> after it: the
/// last one of a stage in full (generation, pause, bytes promoted, heap after it), the others only counted. A
/// collection's pause follows the bytes it promotes and, for gen2, the whole heap it marks, not the bytes allocated.
/// </summary>
internal sealed class CollectionLog
{
    private const double MB = 1024 * 1024;
    private readonly List<string> _entries = [];
    private long _index = GC.GetGCMemoryInfo(GCKind.Any).Index;
    private long _promoted;

    public void After(string stage)
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        if (info.Index == _index) return;
        long count = info.Index - _index;
        _index = info.Index;
        _promoted += info.PromotedBytes;
        _entries.Add(string.Create(CultureInfo.InvariantCulture,
            $"{stage}: {(count > 1 ? $"{count} collections, the last " : "")}gen{info.Generation}{(info.Compacted ? " compacting" : "")} " +
            $"paused {info.PauseDurations[0].TotalMilliseconds:F1} ms, promoted {info.PromotedBytes / MB:F1} MB, heap after {info.HeapSizeBytes / MB:F1} MB"));
    }

    public string Report() => string.Create(CultureInfo.InvariantCulture,
        $"promoted {_promoted / MB:F1} MB by the collections shown: {(_entries.Count == 0 ? "none" : string.Join("; ", _entries))}");
}
