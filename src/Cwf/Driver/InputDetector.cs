namespace Cwf.Driver;

/// <summary>Tells .cwf text from canvas JSON and generated SQL by looking at the content.</summary>
public static class InputDetector
{
    public static InputKind Detect(string path, string text)
    {
        var start = text.AsSpan().TrimStart("\uFEFF \t\r\n");
        if (start.StartsWith("{") || start.StartsWith("[")) return InputKind.CanvasJson;
        if (start.StartsWith("/*") && text.Contains("diagramJson", StringComparison.Ordinal)) return InputKind.CanvasSql;
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".json" => InputKind.CanvasJson,
            ".sql" => InputKind.CanvasSql,
            _ => InputKind.Cwf,
        };
    }
}
