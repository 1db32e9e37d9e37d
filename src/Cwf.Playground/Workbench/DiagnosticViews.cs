using Cwf.Diagnostics;
using Cwf.Playground.Api;

namespace Cwf.Playground.Workbench;

/// <summary>Diagnostics as the page shows them: the editor marks the span, the list prints the place and the hints.</summary>
internal static class DiagnosticViews
{
    public static DiagnosticView[] From(IEnumerable<Diagnostic> diagnostics) => [.. diagnostics.Select(From)];

    public static DiagnosticView From(Diagnostic d)
    {
        var severity = d.Severity.ToString().ToLowerInvariant();
        var view = new DiagnosticView(d.Code, severity, d.Message, [.. d.Hints], d.Location.Describe());
        return d.Location switch
        {
            SourceLocation s => view with { StartLine = s.Start.Line, StartColumn = s.Start.Column, EndLine = s.End.Line, EndColumn = s.End.Column },
            CanvasLocation { Position: { } p } => view with { StartLine = p.Line, StartColumn = p.Column },
            JsonLocation { Position: { } p } => view with { StartLine = p.Line, StartColumn = p.Column },
            _ => view,
        };
    }
}
