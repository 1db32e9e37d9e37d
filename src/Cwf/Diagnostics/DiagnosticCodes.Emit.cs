namespace Cwf.Diagnostics;

// CWF6xxx: SQL emission and dialect capabilities.
public static partial class DiagnosticCodes
{
    public static DiagnosticDescriptor UnknownDialect { get; } = Error("CWF6000", "Unknown SQL dialect", DiagnosticCategory.Emit);
    public static DiagnosticDescriptor UnknownComponentNotEmittable { get; } = Error("CWF6001", "Component cannot be compiled to SQL", DiagnosticCategory.Emit);
    public static DiagnosticDescriptor FunctionNotSupported { get; } = Error("CWF6002", "Function not available in the target dialect", DiagnosticCategory.Emit);
    public static DiagnosticDescriptor EmitModeNotSupported { get; } = Error("CWF6003", "Emit mode not available in the target dialect", DiagnosticCategory.Emit);
    public static DiagnosticDescriptor ProcedureBodyConflict { get; } = Error("CWF6004", "Procedure body cannot be quoted", DiagnosticCategory.Emit);
    public static DiagnosticDescriptor ProcedureNeedsSchema { get; } = Error("CWF6005", "Procedure needs a schema (dataset)", DiagnosticCategory.Emit);
    public static DiagnosticDescriptor ParameterTypeUnknown { get; } = Error("CWF6006", "Procedure argument has no known type", DiagnosticCategory.Emit);

    [Obsolete("Retired: the planner plans only what the target can create (Planner.Fit adapts a hand-made plan, saying why); the emitter never changes a decision.")]
    public static DiagnosticDescriptor MaterializationFallback { get; } = Info("CWF6010", "Materialization changed for the target dialect (retired)", DiagnosticCategory.Emit);
    public static DiagnosticDescriptor RequiresExtension { get; } = Warning("CWF6020", "Generated SQL needs a warehouse extension", DiagnosticCategory.Emit);
    public static DiagnosticDescriptor ApproximateTranslation { get; } = Warning("CWF6021", "Function translated with a known limitation", DiagnosticCategory.Emit);
    public static DiagnosticDescriptor IdentifierTooLong { get; } = Warning("CWF6030", "Identifier longer than the dialect allows", DiagnosticCategory.Emit);
    public static DiagnosticDescriptor TableNamePartDropped { get; } = Warning("CWF6031", "Table name has more parts than the dialect allows", DiagnosticCategory.Emit);
    public static DiagnosticDescriptor TablesInSeveralDatabases { get; } = Error("CWF6032", "Tables name several databases", DiagnosticCategory.Emit);
    public static DiagnosticDescriptor NothingToEmit { get; } = Info("CWF6040", "Nothing to emit: the workflow has no output", DiagnosticCategory.Emit);
    public static DiagnosticDescriptor NonTransactionalScript { get; } = Info("CWF6041", "Script is not atomic in the target dialect", DiagnosticCategory.Emit);
    public static DiagnosticDescriptor NulInText { get; } = Error("CWF6060", "String value holds a NUL the target cannot store", DiagnosticCategory.Emit);
    public static DiagnosticDescriptor UnpairedSurrogateInText { get; } = Error("CWF6061", "String value holds an unpaired surrogate", DiagnosticCategory.Emit);
    public static DiagnosticDescriptor WindowNotSupported { get; } = Error("CWF6400", "Window function not available in the target dialect", DiagnosticCategory.Emit);
    public static DiagnosticDescriptor UnboundedNearest { get; } = Warning("CWF6600", "Nearest neighbours without a bound compare every pair of rows", DiagnosticCategory.Emit);
    public static DiagnosticDescriptor CheckBodyConflict { get; } = Error("CWF6700", "Data check cannot be quoted as the warehouse quotes a block", DiagnosticCategory.Emit);
    public static DiagnosticDescriptor ReplaceStrategyNotSupported { get; } = Error("CWF6050", "Replace strategy not available in the target dialect", DiagnosticCategory.Emit);
}
