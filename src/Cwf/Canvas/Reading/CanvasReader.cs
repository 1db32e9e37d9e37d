using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Cwf.Diagnostics;
using Cwf.Text;

namespace Cwf.Canvas;

/// <summary>The decoded canvas (null when the file could not be read as one) and where it sits in the file.</summary>
public sealed record CanvasReadResult(CanvasDocument? Document, CanvasText? Text, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// Reads any of the three canvas envelopes (canvas-format.md section 1) into a
/// <see cref="CanvasDocument"/>, reporting which one it saw (CWF3000) and every problem with the
/// JSON itself. Never throws on user input.
/// </summary>
public static class CanvasReader
{
    private const string EnvelopeHint =
        "expected a canvas export {\"nodes\":[...],\"edges\":[...]}, a CLI bundle {\"config\":{canvas}} or a generated .sql file starting with /* {\"diagramJson\":\"...\"} */";

    public static CanvasReadResult Read(SourceText file)
    {
        var diagnostics = new DiagnosticBag();
        var text = file.Text;
        int start = 0;
        while (start < text.Length && (char.IsWhiteSpace(text[start]) || text[start] == '\uFEFF')) start++;
        var (document, canvasText) = text.AsSpan(start).StartsWith("/*")
            ? ReadGeneratedSql(file, start, diagnostics)
            : ReadJsonFile(file, diagnostics);
        return new CanvasReadResult(document, canvasText, diagnostics.ToImmutable());
    }

    private static (CanvasDocument?, CanvasText?) ReadJsonFile(SourceText file, DiagnosticBag diagnostics)
    {
        using var json = Parse(file, file, offset => offset, diagnostics);
        if (json is null) return (null, null);
        var root = json.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("nodes", out _))
            return Decode(CanvasEnvelopeKind.CanvasExport, new CanvasText(file, file, "", null), root, diagnostics);
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("config", out var config))
        {
            if (config.ValueKind == JsonValueKind.Object)
                return Decode(CanvasEnvelopeKind.CliBundle, new CanvasText(file, file, "/config", null), config, diagnostics);
            if (config.ValueKind == JsonValueKind.String)
                return ReadEmbedded(CanvasEnvelopeKind.CliBundle, file, file, "/config", null, diagnostics);
        }
        diagnostics.Report(DiagnosticCodes.CanvasUnrecognized, new FileLocation(file.Path),
            root.ValueKind == JsonValueKind.Object ? "the JSON has neither a \"nodes\" array nor a \"config\" object" : $"the JSON is {Describe(root.ValueKind)}, not an object",
            EnvelopeHint);
        return (null, null);
    }

    // Generated SQL: /* {"versionId": ..., "diagramJson": "<canvas as a JSON string>"} */ followed by SQL.
    private static (CanvasDocument?, CanvasText?) ReadGeneratedSql(SourceText file, int commentStart, DiagnosticBag diagnostics)
    {
        var text = file.Text;
        int commentEnd = text.IndexOf("*/", commentStart + 2, StringComparison.Ordinal);
        int brace = text.IndexOf('{', commentStart + 2);
        if (brace < 0 || (commentEnd >= 0 && brace > commentEnd))
        {
            diagnostics.Report(DiagnosticCodes.CanvasUnrecognized, new SourceLocation(file, new TextSpan(commentStart, 2)),
                "the SQL file's leading comment holds no JSON object", EnvelopeHint);
            return (null, null);
        }

        // The metadata object ends where its JSON ends; the comment may be closed right after it.
        var bytes = Encoding.UTF8.GetBytes(text[brace..]);
        int metadataLength;
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 });
        try
        {
            using var probe = JsonDocument.ParseValue(ref reader);
            metadataLength = Encoding.UTF8.GetCharCount(bytes, 0, (int)reader.BytesConsumed);
        }
        catch (JsonException e)
        {
            var metadataSource = SourceText.From(text[brace..], file.Path);
            var inMetadata = JsonInput.Position(metadataSource, e);
            var offset = brace + metadataSource.GetOffset(inMetadata.Line, inMetadata.Column);
            diagnostics.Report(DiagnosticCodes.CanvasMalformedJson, new SourceLocation(file, new TextSpan(offset, 0)),
                $"the JSON in the SQL file's leading comment is malformed: {JsonInput.Message(e)}");
            return (null, null);
        }

        var metadata = new SourceText(file.Path, text.Substring(brace, metadataLength));
        using var json = Parse(file, metadata, offset => brace + offset, diagnostics);
        if (json is null) return (null, null);
        if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("diagramJson", out var diagram))
        {
            diagnostics.Report(DiagnosticCodes.CanvasUnrecognized, new SourceLocation(file, new TextSpan(brace, 1)),
                "the SQL file's leading comment has no \"diagramJson\"", EnvelopeHint);
            return (null, null);
        }
        var position = JsonPositionIndex.Build(metadata).Find("/diagramJson")!.Value;
        int valueOffset = brace + metadata.GetOffset(position.Line, position.Column);
        if (diagram.ValueKind == JsonValueKind.Object)
        {
            // Tolerated: the canvas inline as an object rather than a string.
            int length = diagram.GetRawText().Length;
            var inner = new SourceText(file.Path, text.Substring(valueOffset, length));
            var map = Enumerable.Range(valueOffset, length + 1).ToArray();
            using var innerJson = Parse(file, inner, offset => valueOffset + offset, diagnostics);
            if (innerJson is null) return (null, null);
            return Decode(CanvasEnvelopeKind.GeneratedSql, new CanvasText(file, inner, "", map), innerJson.RootElement, diagnostics);
        }
        if (diagram.ValueKind != JsonValueKind.String)
        {
            diagnostics.Report(DiagnosticCodes.CanvasUnrecognized, new SourceLocation(file, new TextSpan(valueOffset, 1)),
                $"\"diagramJson\" is {Describe(diagram.ValueKind)}, not a string holding the canvas export", EnvelopeHint);
            return (null, null);
        }
        return ReadEmbedded(CanvasEnvelopeKind.GeneratedSql, file, file, "", valueOffset, diagnostics);
    }

    /// <summary>A canvas held in a JSON string: at <paramref name="quote"/> in the file, or (null) at <paramref name="pointer"/> of <paramref name="outer"/>.</summary>
    private static (CanvasDocument?, CanvasText?) ReadEmbedded(CanvasEnvelopeKind kind, SourceText file, SourceText outer, string pointer, int? quote, DiagnosticBag diagnostics)
    {
        int at = quote ?? (JsonPositionIndex.Build(outer).Find(pointer) is { } p ? outer.GetOffset(p.Line, p.Column) : -1);
        if (EmbeddedJsonString.Decode(file.Text, at) is not var (decoded, map))
        {
            diagnostics.Report(DiagnosticCodes.CanvasMalformedJson, new SourceLocation(file, new TextSpan(Math.Max(0, at), 0)),
                "the embedded canvas string is not a valid JSON string");
            return (null, null);
        }
        var inner = new SourceText(file.Path, decoded);
        using var json = Parse(file, inner, offset => map[Math.Clamp(offset, 0, map.Length - 1)], diagnostics);
        if (json is null) return (null, null);
        if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("nodes", out _))
        {
            diagnostics.Report(DiagnosticCodes.CanvasUnrecognized, new SourceLocation(file, new TextSpan(at, 1)),
                "the embedded canvas has no \"nodes\" array", EnvelopeHint);
            return (null, null);
        }
        return Decode(kind, new CanvasText(file, inner, "", map), json.RootElement, diagnostics);
    }

    /// <summary>Parses JSON found in <paramref name="file"/>; <paramref name="toFileOffset"/> maps an offset in <paramref name="json"/> to one in the file.</summary>
    private static JsonDocument? Parse(SourceText file, SourceText json, Func<int, int> toFileOffset, DiagnosticBag diagnostics)
    {
        var document = JsonInput.Parse(json, out var problem);
        if (problem is not null)
        {
            int offset = toFileOffset(json.GetOffset(problem.Position.Line, problem.Position.Column));
            diagnostics.Report(DiagnosticCodes.CanvasMalformedJson, new SourceLocation(file, new TextSpan(offset, 0)),
                $"the canvas is not valid JSON: {problem.Message}", problem.Hint);
        }
        return document;
    }

    private static (CanvasDocument?, CanvasText?) Decode(CanvasEnvelopeKind kind, CanvasText text, JsonElement canvas, DiagnosticBag diagnostics)
    {
        var document = CanvasDecoder.Decode(kind, canvas, text, diagnostics);
        string what = kind switch
        {
            CanvasEnvelopeKind.CliBundle => "a CLI bundle (the canvas is its \"config\")",
            CanvasEnvelopeKind.GeneratedSql => "generated SQL (the canvas is the \"diagramJson\" in its leading comment)",
            _ => "a canvas export",
        };
        diagnostics.Report(DiagnosticCodes.CanvasEnvelope, new FileLocation(text.File.Path),
            $"read {what}: '{document.Title}', {document.Nodes.Count} nodes, {document.Edges.Count} edges, {document.Notes.Count} notes" +
            (document.ConnectionProvider is { } provider ? $", connection provider {provider}" : ""));
        return (document, text);
    }

    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
