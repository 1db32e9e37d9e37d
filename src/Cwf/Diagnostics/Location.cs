using Cwf.Text;

namespace Cwf.Diagnostics;

/// <summary>Where a diagnostic points: a span of .cwf text, a place in a canvas, or only a file.</summary>
public abstract record Location
{
    /// <summary>The file the location is in, if any.</summary>
    public abstract string? Path { get; }

    /// <summary>Location used when nothing better is known.</summary>
    public static Location None { get; } = new FileLocation(null);

    /// <summary>A short human form: <c>path:line:col</c> or <c>path: node 'label' (id)</c>.</summary>
    public abstract string Describe();
}

/// <summary>A span of text in a source file (a .cwf program, a JSON file).</summary>
public sealed record SourceLocation(SourceText Source, TextSpan Span) : Location
{
    public override string? Path => Source.Path;
    public LinePosition Start => Source.GetPosition(Span.Start);
    public LinePosition End => Source.GetPosition(Span.End);
    public override string Describe() => $"{Source.Path}:{Start.Line}:{Start.Column}";
}

/// <summary>
/// A place in a canvas export: the node (by id and label), the input or handle concerned,
/// the JSON pointer of the offending value, and its line/column in the file when known.
/// </summary>
public sealed record CanvasLocation(
    string? FilePath,
    string? NodeId,
    string? NodeLabel,
    string? Input,
    string? JsonPointer,
    LinePosition? Position = null) : Location
{
    public override string? Path => FilePath;

    /// <summary>The node as the canvas names it: <c>'Simple Filter' (887cd04b-...)</c>.</summary>
    public string? NodeDisplay => NodeId is null ? null : NodeLabel is null ? $"({NodeId})" : $"'{NodeLabel}' ({NodeId})";

    public override string Describe()
    {
        var where = FilePath ?? "<canvas>";
        if (Position is { } p) where += $":{p.Line}:{p.Column}";
        var parts = new List<string>();
        if (NodeDisplay is { } node) parts.Add($"node {node}");
        if (Input is not null) parts.Add($"input '{Input}'");
        if (JsonPointer is not null) parts.Add($"at {JsonPointer}");
        return parts.Count == 0 ? where : $"{where}: {string.Join(", ", parts)}";
    }
}

/// <summary>A value in a JSON file other than a canvas (a catalog), by JSON pointer.</summary>
public sealed record JsonLocation(string? FilePath, string JsonPointer, LinePosition? Position = null) : Location
{
    public override string? Path => FilePath;

    public override string Describe() =>
        (FilePath ?? "<json>") + (Position is { } p ? $":{p.Line}:{p.Column}" : "") + $": at {(JsonPointer.Length == 0 ? "/" : JsonPointer)}";
}

/// <summary>A whole file (or nothing at all when Path is null).</summary>
public sealed record FileLocation(string? FilePath) : Location
{
    public override string? Path => FilePath;
    public override string Describe() => FilePath ?? "cwf";
}
