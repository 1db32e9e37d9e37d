namespace Cwf.Diagnostics;

// CWF7xxx: running workflows with the reference interpreter (`cwf run`) and its data files.
public static partial class DiagnosticCodes
{
    // Errors while evaluating a step (SQL engines raise the same errors at run time).
    public static DiagnosticDescriptor RuntimeDivisionByZero { get; } = Error("CWF7001", "Division by zero", DiagnosticCategory.Execution);
    public static DiagnosticDescriptor RuntimeOverflow { get; } = Error("CWF7002", "Numeric value out of range", DiagnosticCategory.Execution);
    public static DiagnosticDescriptor RuntimeCastFailed { get; } = Error("CWF7003", "Value cannot be cast to the target type", DiagnosticCategory.Execution);
    public static DiagnosticDescriptor RuntimeInvalidArgument { get; } = Error("CWF7004", "Function argument out of its domain", DiagnosticCategory.Execution);
    public static DiagnosticDescriptor RuntimeGeographyFailed { get; } = Error("CWF7005", "Spatial operation failed on its geometry", DiagnosticCategory.Execution);
    public static DiagnosticDescriptor RuntimeNotComparable { get; } = Error("CWF7006", "Values cannot be compared", DiagnosticCategory.Execution);

    // Steps the interpreter cannot run.
    public static DiagnosticDescriptor OpaqueStepNotInterpretable { get; } = Error("CWF7010", "Custom SQL or an unknown component cannot be interpreted", DiagnosticCategory.Execution);
    public static DiagnosticDescriptor ExternalServiceNotRunnable { get; } = Error("CWF7800", "A step calls an external service and cannot run in process", DiagnosticCategory.Execution);
    public static DiagnosticDescriptor RawSqlNotInterpretable { get; } = Error("CWF7011", "A raw SQL expression cannot be interpreted", DiagnosticCategory.Execution);
    public static DiagnosticDescriptor RunStepSkipped { get; } = Info("CWF7012", "Step not run because an input failed", DiagnosticCategory.Execution);

    // The input tables and parameters given to a run.
    public static DiagnosticDescriptor RunTableMissing { get; } = Error("CWF7020", "No data for a source table", DiagnosticCategory.Execution);
    public static DiagnosticDescriptor RunColumnMissing { get; } = Error("CWF7021", "Source data lacks a column of the table's schema", DiagnosticCategory.Execution);
    public static DiagnosticDescriptor RunColumnTypeMismatch { get; } = Error("CWF7022", "Source data column has another type than the table's schema", DiagnosticCategory.Execution);
    public static DiagnosticDescriptor RunAppendMismatch { get; } = Error("CWF7023", "Appended rows do not fit the existing table", DiagnosticCategory.Execution);
    public static DiagnosticDescriptor RunParameterInvalid { get; } = Error("CWF7024", "Parameter value does not fit the parameter's type", DiagnosticCategory.Execution);

    // Data files of `cwf run --data <dir>`.
    public static DiagnosticDescriptor DataFileNotFound { get; } = Error("CWF7100", "No data file for a source table", DiagnosticCategory.Execution);
    public static DiagnosticDescriptor DataFileAmbiguous { get; } = Error("CWF7101", "Several data files match a source table", DiagnosticCategory.Execution);
    public static DiagnosticDescriptor DataFileMalformed { get; } = Error("CWF7102", "Data file is not valid CSV, GeoJSON or JSON lines", DiagnosticCategory.Execution);
    public static DiagnosticDescriptor DataValueInvalid { get; } = Error("CWF7103", "Data value does not parse as its column's type", DiagnosticCategory.Execution);
    public static DiagnosticDescriptor DataColumnMissing { get; } = Error("CWF7104", "Data file lacks a column of the table's schema", DiagnosticCategory.Execution);
    public static DiagnosticDescriptor DataColumnIgnored { get; } = Warning("CWF7105", "Data file has a column the table's schema does not", DiagnosticCategory.Execution);
    public static DiagnosticDescriptor DataFileUnreadable { get; } = Error("CWF7106", "Data file or directory cannot be read", DiagnosticCategory.Execution);
    public static DiagnosticDescriptor DataFileUnwritable { get; } = Error("CWF7107", "Output data file cannot be written", DiagnosticCategory.Execution);
    public static DiagnosticDescriptor CheckFailed { get; } = Error("CWF7700", "Data check failed", DiagnosticCategory.Execution);
}
