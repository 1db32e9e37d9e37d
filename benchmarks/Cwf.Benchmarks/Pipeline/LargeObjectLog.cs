using System.Diagnostics.Tracing;
using System.Globalization;

namespace Cwf.Benchmarks.Pipeline;

/// <summary>
/// `CWF_PROFILE_LARGE=1`: per stage, why each collection ran and which large objects were allocated, from the
/// runtime's own events (GCStart: generation and reason; GCAllocationTick of the large object heap: about one per
/// 100 KB, naming the type). A large object (85,000 bytes or more unless System.GC.LOHThreshold says otherwise) is
/// counted against the large object heap's budget, and when that is spent the collector runs a full collection:
/// so the arrays that grow with the workflow past that size are what makes large compiles pay full collections.
/// The events arrive on the runtime's dispatch thread, so <see cref="Take"/> waits a moment before reading them.
/// </summary>
internal sealed class LargeObjectLog : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    // GCStart's Reason field, in the runtime's order.
    private static readonly string[] Reasons =
    [
        "small alloc", "induced", "low memory", "empty", "large alloc", "out of space SOH", "out of space LOH",
        "induced not forced", "internal", "induced low memory", "induced compacting", "low memory host", "PM full",
        "low memory host blocking",
    ];
    private readonly object _gate = new();
    private readonly List<string> _collections = [];
    private readonly Dictionary<string, (int Ticks, long Bytes)> _large = [];

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is not { } name || e.Payload is null || e.PayloadNames is null) return;
        if (name.StartsWith("GCStart", StringComparison.Ordinal))
        {
            int depth = Convert.ToInt32(e.Payload[e.PayloadNames.IndexOf("Depth")], CultureInfo.InvariantCulture);
            int reason = Convert.ToInt32(e.Payload[e.PayloadNames.IndexOf("Reason")], CultureInfo.InvariantCulture);
            lock (_gate) _collections.Add($"gen{depth} {(reason < Reasons.Length ? Reasons[reason] : reason.ToString(CultureInfo.InvariantCulture))}");
        }
        else if (name.StartsWith("GCAllocationTick", StringComparison.Ordinal))
        {
            // AllocationKind 1: the large object heap.
            if (e.PayloadNames.IndexOf("AllocationKind") is not (>= 0 and var kindAt) || Convert.ToInt32(e.Payload[kindAt], CultureInfo.InvariantCulture) != 1) return;
            var type = e.Payload[e.PayloadNames.IndexOf("TypeName")] as string ?? "?";
            long amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
            lock (_gate)
            {
                var (ticks, bytes) = _large.GetValueOrDefault(type);
                _large[type] = (ticks + 1, bytes + amount);
            }
        }
    }

    /// <summary>What arrived since the last call: the collections in order, then the large objects' types by bytes.</summary>
    public string Take()
    {
        Thread.Sleep(300);
        lock (_gate)
        {
            var types = string.Join(", ", _large.OrderByDescending(p => p.Value.Bytes).Take(12).Select(p =>
                string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value.Bytes / 1e6:F1} MB ({p.Value.Ticks})")));
            var text = string.Create(CultureInfo.InvariantCulture,
                $"collections [{string.Join(", ", _collections)}], large objects {_large.Values.Sum(v => v.Bytes) / 1e6:F1} MB: {types}");
            _collections.Clear();
            _large.Clear();
            return text;
        }
    }
}
