namespace Cwf.Diagnostics;

// CWF0xxx: input files and catalogs; CWF9xxx: compiler limits and bugs.
public static partial class DiagnosticCodes
{
    public static DiagnosticDescriptor FileNotFound { get; } = Error("CWF0001", "Input file not found", DiagnosticCategory.Input);
    public static DiagnosticDescriptor FileUnreadable { get; } = Error("CWF0002", "Input file cannot be read", DiagnosticCategory.Input);
    public static DiagnosticDescriptor UnknownInputKind { get; } = Error("CWF0003", "Input is neither .cwf text, a canvas export nor generated SQL", DiagnosticCategory.Input);
    public static DiagnosticDescriptor CatalogMalformed { get; } = Error("CWF0010", "Catalog file is not valid JSON", DiagnosticCategory.Input);
    public static DiagnosticDescriptor CatalogInvalidEntry { get; } = Error("CWF0011", "Catalog entry is incomplete or of the wrong shape", DiagnosticCategory.Input);
    public static DiagnosticDescriptor UnknownTypeName { get; } = Error("CWF0012", "Unknown column type name", DiagnosticCategory.Input);
    public static DiagnosticDescriptor DuplicateCatalogTable { get; } = Error("CWF0013", "Table declared twice in the catalog", DiagnosticCategory.Input);
    public static DiagnosticDescriptor DuplicateColumn { get; } = Error("CWF0014", "Column declared twice in one table schema", DiagnosticCategory.Input);

    public static DiagnosticDescriptor InternalError { get; } = Error("CWF9001", "Internal compiler error", DiagnosticCategory.Internal);
    public static DiagnosticDescriptor TooComplex { get; } = Error("CWF9002", "Input is nested too deeply to compile", DiagnosticCategory.Internal);
    public static DiagnosticDescriptor DiagnosticsOmitted { get; } = Info("CWF9003", "More diagnostics of one code than are listed", DiagnosticCategory.Internal);
}
