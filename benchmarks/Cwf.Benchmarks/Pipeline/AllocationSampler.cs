using System.Diagnostics.Tracing;

namespace Cwf.Benchmarks.Pipeline;

/// <summary>
/// The runtime's allocation samples (GCAllocationTick: one event per about 100 KB allocated,
/// naming the type of the object that crossed the mark), summed by type while it listens: which
/// types a stage allocates most, without a profiler. Sampled, so a type's share is an estimate;
/// the total is <see cref="GC.GetAllocatedBytesForCurrentThread"/>'s.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, long> _bytes = [];
    private bool _listening;

    /// <summary>The sampled bytes per type, largest first.</summary>
    public IEnumerable<KeyValuePair<string, long>> ByType
    {
        get
        {
            lock (_bytes) return [.. _bytes.OrderByDescending(p => p.Value)];
        }
    }

    public void Start() => _listening = true;

    public void Clear()
    {
        lock (_bytes) _bytes.Clear();
    }

    public void Stop() => _listening = false;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_listening || e.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
        int typeAt = e.PayloadNames!.IndexOf("TypeName");
        int amountAt = e.PayloadNames.IndexOf("AllocationAmount64");
        if (typeAt < 0 || amountAt < 0) return;
        var type = e.Payload[typeAt] as string ?? "?";
        long amount = Convert.ToInt64(e.Payload[amountAt], System.Globalization.CultureInfo.InvariantCulture);
        lock (_bytes) _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
    }
}
