using Cwf.Diagnostics;
using Cwf.LanguageServer.Documents;
using Cwf.LanguageServer.Protocol;
using Cwf.Text;
using CwfLocation = Cwf.Diagnostics.Location;

namespace Cwf.LanguageServer.Features;

/// <summary>
/// A cwf diagnostic as the LSP shows it: the code, the message with its hints below, and a range. A .cwf span
/// is its range; a canvas or JSON location is the JSON value at the line and column it carries; a place in
/// another file (the catalog) is the document's first line, with that place as related information.
/// </summary>
public static class DiagnosticConverter
{
    public static LspDiagnostic Convert(Diagnostic diagnostic, SourceText document)
    {
        var message = diagnostic.Message + string.Concat(diagnostic.Hints.Select(h => "\nhint: " + h));
        var range = RangeOf(diagnostic.Location, document) ?? FirstLine(document);
        var related = diagnostic.RelatedLocations.Select(l => Related(l, document, "related")).OfType<DiagnosticRelatedInformation>().ToList();
        if (RangeOf(diagnostic.Location, document) is null && Related(diagnostic.Location, document, diagnostic.Location.Describe()) is { } elsewhere)
            related.Insert(0, elsewhere);
        return new LspDiagnostic(range, Severity(diagnostic.Severity), diagnostic.Code, "cwf", message)
        {
            RelatedInformation = related.Count == 0 ? null : [.. related],
        };
    }

    /// <summary>The range of a location in the document, or null when it is elsewhere or nowhere.</summary>
    public static Protocol.Range? RangeOf(CwfLocation location, SourceText document) => location switch
    {
        SourceLocation s when IsDocument(s.Source, document) => PositionMap.ToRange(document, s.Span),
        CanvasLocation { Position: { } p } c when SamePath(c.FilePath, document) => JsonValueRange(document, p),
        JsonLocation { Position: { } p } j when SamePath(j.FilePath, document) => JsonValueRange(document, p),
        _ => null,
    };

    private static DiagnosticRelatedInformation? Related(CwfLocation location, SourceText document, string message)
    {
        if (RangeOf(location, document) is { } range) return new DiagnosticRelatedInformation(new Protocol.Location(DocumentUris.FromPath(document.Path), range), message);
        var (path, span) = location switch
        {
            SourceLocation s => (s.Source.Path, PositionMap.ToRange(s.Source, s.Span)),
            JsonLocation { Position: { } p } j => (j.FilePath, Point(p)),
            CanvasLocation { Position: { } p } c => (c.FilePath, Point(p)),
            _ => (location.Path, Point(new LinePosition(1, 1))),
        };
        return path is null || !Path.IsPathRooted(path) ? null : new DiagnosticRelatedInformation(new Protocol.Location(DocumentUris.FromPath(path), span), message);
    }

    private static Protocol.Range Point(LinePosition p) => new(new Position(p.Line - 1, p.Column - 1), new Position(p.Line - 1, p.Column - 1));

    private static bool IsDocument(SourceText source, SourceText document) =>
        ReferenceEquals(source, document) || (source.Path == document.Path && source.Text.Length == document.Text.Length && source.Text == document.Text);

    private static bool SamePath(string? path, SourceText document) => path is null || path == document.Path;

    // From the line and column a JSON location carries to the end of the value there: a string to its closing quote, else to the next delimiter.
    private static Protocol.Range JsonValueRange(SourceText document, LinePosition p)
    {
        int start = document.GetOffset(p.Line, p.Column);
        var text = document.Text;
        int end = start;
        if (end < text.Length && text[end] == '"')
        {
            end++;
            while (end < text.Length && text[end] != '"' && text[end] != '\n') end += text[end] == '\\' ? 2 : 1;
            end = Math.Min(text.Length, end + 1);
        }
        else
        {
            while (end < text.Length && text[end] is not (',' or '}' or ']' or '\n' or '\r')) end++;
        }
        return PositionMap.ToRange(document, TextSpan.FromBounds(start, end));
    }

    private static Protocol.Range FirstLine(SourceText document) =>
        PositionMap.ToRange(document, document.LineCount == 0 ? new TextSpan(0, 0) : document.GetLineSpan(1));

    private static int Severity(Severity severity) => severity switch
    {
        Cwf.Diagnostics.Severity.Error => 1,
        Cwf.Diagnostics.Severity.Warning => 2,
        Cwf.Diagnostics.Severity.Info => 3,
        _ => 4,
    };
}
