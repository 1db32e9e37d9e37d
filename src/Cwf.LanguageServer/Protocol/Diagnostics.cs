namespace Cwf.LanguageServer.Protocol;

public sealed record PublishDiagnosticsParams(string Uri, int? Version, LspDiagnostic[] Diagnostics);

/// <summary>Severity 1 error, 2 warning, 3 information.</summary>
public sealed record LspDiagnostic(Range Range, int Severity, string Code, string Source, string Message)
{
    public DiagnosticRelatedInformation[]? RelatedInformation { get; init; }
}

public sealed record DiagnosticRelatedInformation(Location Location, string Message);
