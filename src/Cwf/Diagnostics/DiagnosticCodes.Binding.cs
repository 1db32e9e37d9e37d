namespace Cwf.Diagnostics;

// CWF2xxx: names, scopes and types of .cwf programs and of canvas SQL fragments.
public static partial class DiagnosticCodes
{
    public static DiagnosticDescriptor UnknownRelation { get; } = Error("CWF2001", "Unknown source or let name", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor DuplicateName { get; } = Error("CWF2002", "Name declared twice", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor UnknownColumn { get; } = Error("CWF2003", "Unknown column", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor AmbiguousColumn { get; } = Error("CWF2004", "Ambiguous column", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor UnknownParameter { get; } = Error("CWF2005", "Unknown parameter", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor UnknownFunction { get; } = Error("CWF2006", "Unknown function", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor WrongArgumentCount { get; } = Error("CWF2007", "Wrong number of arguments", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor WrongArgumentType { get; } = Error("CWF2008", "Argument of the wrong type", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor OperatorTypeMismatch { get; } = Error("CWF2009", "Operator does not apply to these types", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor AggregateNotAllowed { get; } = Error("CWF2010", "Aggregate function not allowed here", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor GeographyNotAllowed { get; } = Error("CWF2011", "Geography value not allowed here", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor TypeMismatch { get; } = Error("CWF2012", "Expression has the wrong type", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor UnknownType { get; } = Error("CWF2013", "Unknown type name", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor InvalidCast { get; } = Error("CWF2014", "Cast between incompatible types", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor UnknownTable { get; } = Error("CWF2015", "Table not in the catalog and no schema declared", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor UsedBeforeDefinition { get; } = Error("CWF2016", "Name used before its definition", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor InvalidLimit { get; } = Error("CWF2017", "Row count must be a non-negative int64", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor UnusedResult { get; } = Warning("CWF2018", "Result is never used", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor UnusedParameter { get; } = Warning("CWF2019", "Parameter is never used", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor OutputWrittenTwice { get; } = Warning("CWF2020", "Table written by more than one output", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor DuplicateOutputColumn { get; } = Error("CWF2021", "Two output columns with the same name", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor UnionMismatch { get; } = Error("CWF2022", "Union inputs have different columns", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor InvalidJoinCondition { get; } = Error("CWF2023", "Join condition is not a column equality", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor InvalidSpatialPredicate { get; } = Error("CWF2024", "Invalid spatial predicate", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor ResultCountMismatch { get; } = Error("CWF2025", "Number of names does not match the results", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor WrongUnit { get; } = Error("CWF2026", "Unit of the wrong kind", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor ColumnReplaced { get; } = Warning("CWF2027", "Added column replaces an existing one", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor NestedAggregate { get; } = Error("CWF2028", "Aggregate inside an aggregate", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor ParameterShadowed { get; } = Warning("CWF2029", "Name is both a column and a parameter", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor InvalidParameterValue { get; } = Error("CWF2030", "Parameter value is not a constant of its type", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor InvalidAggregate { get; } = Error("CWF2031", "Not an aggregate, or an aggregate without a name", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor ValueOutOfRange { get; } = Error("CWF2032", "Value out of range", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor DistinctNotSupported { get; } = Error("CWF2033", "DISTINCT only works with count", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor UnknownSqlSchema { get; } = Warning("CWF2034", "Result columns of raw SQL are unknown", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor InvalidSqlPlaceholder { get; } = Error("CWF2035", "Raw SQL placeholder without an input", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor UnnamedColumn { get; } = Error("CWF2036", "Computed column needs a name", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor StarNotAllowed { get; } = Error("CWF2037", "'*' not allowed here", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor SelfReference { get; } = Error("CWF2038", "Statement refers to its own result", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor DuplicateWorkflowName { get; } = Error("CWF2039", "Workflow named twice", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor NoOutputs { get; } = Warning("CWF2040", "Workflow writes no table", DiagnosticCategory.Binding);
}
