using Cwf.Text;

namespace Cwf.Diagnostics.Formatters;

/// <summary>Where a location is, in the terms every format needs: file, start and end (1-based), and the text to show.</summary>
internal sealed record ResolvedLocation(string? Path, LinePosition? Start, LinePosition? End, SourceText? Source, string? Where)
{
    public static ResolvedLocation From(Location location, DiagnosticFormatOptions options)
    {
        SourceText? Lookup(string? path) => path is null ? null : options.SourceLookup?.Invoke(path);
        switch (location)
        {
            case SourceLocation s:
                return new(s.Path, s.Start, s.End, s.Source, null);
            case CanvasLocation c:
                var parts = new List<string>();
                if (c.NodeDisplay is { } node) parts.Add($"node {node}");
                if (c.Input is not null) parts.Add($"input '{c.Input}'");
                if (c.JsonPointer is not null) parts.Add(c.JsonPointer);
                return new(c.FilePath, c.Position, null, Lookup(c.FilePath), parts.Count == 0 ? null : string.Join(", ", parts));
            case JsonLocation j:
                return new(j.FilePath, j.Position, null, Lookup(j.FilePath), j.JsonPointer.Length == 0 ? "/" : j.JsonPointer);
            default:
                return new(location.Path, null, null, null, null);
        }
    }

    /// <summary><c>path:line:col</c>, <c>path</c>, or <c>cwf</c> when nothing is known.</summary>
    public string Header => (Path ?? "cwf") + (Start is { } p ? $":{p.Line}:{p.Column}" : "");
}
