using System.Collections.Concurrent;

namespace Cwf.LanguageServer.Documents;

/// <summary>
/// Debounces diagnostics per document: each change restarts the document's timer, and when it runs out the
/// current version is analysed and published. A publish for a version that was edited meanwhile is dropped.
/// </summary>
public sealed class DiagnosticScheduler(Workspace workspace, Func<DocumentAnalysis, Task> publish)
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _pending = new(StringComparer.Ordinal);

    public void Schedule(string uri, TimeSpan delay)
    {
        var cancellation = new CancellationTokenSource();
        var previous = _pending.AddOrUpdate(uri, cancellation, (_, _) => cancellation);
        if (!ReferenceEquals(previous, cancellation)) previous.Cancel();
        _ = RunAsync(uri, delay, cancellation);
    }

    public void Cancel(string uri)
    {
        if (_pending.TryRemove(uri, out var pending)) pending.Cancel();
    }

    private async Task RunAsync(string uri, TimeSpan delay, CancellationTokenSource cancellation)
    {
        try
        {
            if (delay > TimeSpan.Zero) await Task.Delay(delay, cancellation.Token).ConfigureAwait(false);
            else await Task.Yield();
            if (cancellation.IsCancellationRequested || workspace.Analysis(uri) is not { } analysis) return;
            if (cancellation.IsCancellationRequested || workspace.VersionOf(uri) != analysis.Version) return;
            await publish(analysis).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            // Not disposed: a later Schedule may still cancel it, which must not throw.
            _pending.TryRemove(new KeyValuePair<string, CancellationTokenSource>(uri, cancellation));
        }
    }
}
