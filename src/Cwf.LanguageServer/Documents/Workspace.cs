using Cwf.LanguageServer.Protocol;

namespace Cwf.LanguageServer.Documents;

/// <summary>
/// The open documents: their latest text and version, and the analysis of that version, computed once
/// (by the debounced diagnostics or by the first request that needs it, whichever comes first).
/// Thread-safe: requests and notifications may run concurrently.
/// </summary>
public sealed class Workspace(DocumentAnalyzer analyzer)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, OpenDocument> _documents = new(StringComparer.Ordinal);

    public ServerSettings Settings { get; set; } = ServerSettings.Default;

    public void Open(TextDocumentItem item)
    {
        lock (_lock) _documents[item.Uri] = new OpenDocument(item.Version, item.Text, null);
    }

    /// <summary>Applies the changes; false when the document is not open.</summary>
    public bool Change(VersionedTextDocumentIdentifier document, IReadOnlyList<TextDocumentContentChangeEvent> changes)
    {
        lock (_lock)
        {
            if (!_documents.TryGetValue(document.Uri, out var open)) return false;
            _documents[document.Uri] = new OpenDocument(document.Version, TextChanges.Apply(open.Text, changes), null);
            return true;
        }
    }

    public void Close(string uri)
    {
        lock (_lock) _documents.Remove(uri);
    }

    /// <summary>Forgets every analysis (the settings changed): the next request analyses again.</summary>
    public IReadOnlyList<string> Invalidate()
    {
        lock (_lock)
        {
            foreach (var uri in _documents.Keys.ToList()) _documents[uri] = _documents[uri] with { Analysis = null };
            return [.. _documents.Keys];
        }
    }

    public int? VersionOf(string uri)
    {
        lock (_lock) return _documents.TryGetValue(uri, out var open) ? open.Version : null;
    }

    /// <summary>The analysis of the document's current text (computed now if needed), or null when it is not open.</summary>
    public DocumentAnalysis? Analysis(string uri)
    {
        OpenDocument? open;
        lock (_lock)
        {
            if (!_documents.TryGetValue(uri, out open)) return null;
            if (open.Analysis is { } known) return known;
        }
        var analysis = analyzer.Analyze(uri, open.Version, open.Text, Settings);
        lock (_lock)
        {
            // Keep it only if nobody changed the document meanwhile.
            if (_documents.TryGetValue(uri, out var now) && now.Version == open.Version && ReferenceEquals(now.Text, open.Text))
                _documents[uri] = now with { Analysis = analysis };
        }
        return analysis;
    }

    private sealed record OpenDocument(int Version, string Text, DocumentAnalysis? Analysis);
}
