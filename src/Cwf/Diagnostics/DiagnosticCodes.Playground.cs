namespace Cwf.Diagnostics;

// CWF81xx: the playground (`cwf serve`): files and data of the served folder.
public static partial class DiagnosticCodes
{
    public static DiagnosticDescriptor ServedPathOutside { get; } = Error("CWF8100", "Path is outside the served folder", DiagnosticCategory.Input);
    public static DiagnosticDescriptor ServedFileUnreadable { get; } = Error("CWF8101", "File of the served folder cannot be read", DiagnosticCategory.Input);
    public static DiagnosticDescriptor ServedDataMissing { get; } = Error("CWF8102", "No data folder for the workflow", DiagnosticCategory.Input);
    public static DiagnosticDescriptor ImportNeedsCanvas { get; } = Error("CWF8103", "Import needs a canvas export, not a .cwf program", DiagnosticCategory.Input);
}
