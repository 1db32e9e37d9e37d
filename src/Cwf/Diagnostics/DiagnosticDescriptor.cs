namespace Cwf.Diagnostics;

/// <summary>
/// The fixed facts about one kind of diagnostic: its stable code (never reused), a short
/// title for the catalog in spec/diagnostics.md, its default severity and the stage that reports it.
/// </summary>
public sealed record DiagnosticDescriptor(string Code, string Title, Severity DefaultSeverity, DiagnosticCategory Category)
{
    public override string ToString() => $"{Code}: {Title}";
}
