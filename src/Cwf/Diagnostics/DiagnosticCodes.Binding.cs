namespace Cwf.Diagnostics;

// CWF2000-CWF2799: names, scopes and types of .cwf programs and of canvas SQL fragments.
// (CWF2800-CWF2899 are the component contract's codes, reported for .cwf steps too.)
public static partial class DiagnosticCodes
{
    public static DiagnosticDescriptor UnknownRelation { get; } = Error("CWF2001", "Unknown source or let name", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor DuplicateName { get; } = Error("CWF2002", "Name declared twice", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor AmbiguousColumn { get; } = Error("CWF2003", "Ambiguous column", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor UnknownParameter { get; } = Error("CWF2004", "Unknown parameter", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor UnknownFunction { get; } = Error("CWF2005", "Unknown function", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor WrongArgumentCount { get; } = Error("CWF2006", "Wrong number of arguments", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor WrongArgumentType { get; } = Error("CWF2007", "Argument of the wrong type", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor OperatorTypeMismatch { get; } = Error("CWF2008", "Operator does not apply to these types", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor AggregateNotAllowed { get; } = Error("CWF2009", "Aggregate function not allowed here", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor NestedAggregate { get; } = Error("CWF2010", "Aggregate inside an aggregate", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor TypeMismatch { get; } = Error("CWF2011", "Expression has the wrong type", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor UnknownType { get; } = Error("CWF2012", "Unknown type name", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor InvalidCast { get; } = Error("CWF2013", "Cast between incompatible types", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor UnknownTable { get; } = Error("CWF2014", "Table not in the catalog and no schema declared", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor UsedBeforeDefinition { get; } = Error("CWF2015", "Name used before its definition", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor UnusedResult { get; } = Warning("CWF2016", "Result is never used", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor UnusedParameter { get; } = Warning("CWF2017", "Parameter is never used", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor OutputWrittenTwice { get; } = Warning("CWF2018", "Table written by more than one output", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor InvalidJoinCondition { get; } = Error("CWF2019", "Join condition is not a condition over both sides", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor InvalidSpatialPredicate { get; } = Error("CWF2020", "Invalid spatial predicate", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor ResultCountMismatch { get; } = Error("CWF2021", "Number of names does not match the results", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor WrongUnit { get; } = Error("CWF2022", "Unit of the wrong kind", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor ParameterShadowed { get; } = Warning("CWF2023", "Name is both a column and a parameter", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor InvalidParameterValue { get; } = Error("CWF2024", "Parameter value is not a constant of its type", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor InvalidAggregate { get; } = Error("CWF2025", "Not an aggregate call", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor AggregateOrder { get; } = Error("CWF2101", "Aggregate order is missing or not allowed", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor DistinctNotSupported { get; } = Error("CWF2026", "DISTINCT only works with count", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor InvalidSqlPlaceholder { get; } = Error("CWF2027", "Raw SQL placeholder without an input", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor UnnamedColumn { get; } = Error("CWF2028", "Computed column needs a name", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor StarNotAllowed { get; } = Error("CWF2029", "'*' not allowed here", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor SelfReference { get; } = Error("CWF2030", "Statement refers to its own result", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor DuplicateWorkflowName { get; } = Error("CWF2031", "Workflow named twice", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor IntervalMisplaced { get; } = Error("CWF2500", "Interval outside date arithmetic", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor UnknownTimeUnit { get; } = Error("CWF2501", "Unknown or unsupported time unit", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor AmbiguousDayOfWeek { get; } = Error("CWF2502", "Day-of-week numbering differs between warehouses", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor UnionTypesDiffer { get; } = Error("CWF2503", "Union by name: a column's types cannot be unified", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor ControlCharacterInName { get; } = Error("CWF2090", "Name contains a control character", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor WindowNotAllowed { get; } = Error("CWF2400", "Window function not allowed here", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor WindowNeedsOver { get; } = Error("CWF2401", "Window function without over (...)", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor WindowNeedsOrder { get; } = Error("CWF2402", "Window needs an order", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor InvalidWindowFrame { get; } = Error("CWF2403", "Invalid window frame", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor InvalidWindowArgument { get; } = Error("CWF2404", "Invalid window function argument", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor NotAWindowFunction { get; } = Error("CWF2405", "Function cannot be computed over a window", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor InvalidNeighbourCount { get; } = Error("CWF2600", "Nearest count is not a positive whole number", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor NearestGeographyUnclear { get; } = Error("CWF2601", "Nearest neighbours need one geography column on each side", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor NearestBoundNotConstant { get; } = Error("CWF2602", "Nearest distance bound reads a column", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor CheckTargetNotCheckable { get; } = Error("CWF2700", "Data check on a name that is not a let result", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor CheckTableNotWritten { get; } = Error("CWF2701", "Data check on a table no output writes", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor CheckConditionNotBool { get; } = Error("CWF2702", "Data check expression is not a condition", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor InvalidRowRange { get; } = Error("CWF2703", "Row count range is empty", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor CheckColumnNotComparable { get; } = Error("CWF2704", "Data check on a column that cannot be compared", DiagnosticCategory.Binding);
    [Obsolete("Retired: the analysis reports a workflow without outputs for both front ends (CWF4002).")]
    public static DiagnosticDescriptor NoOutputs { get; } = Warning("CWF2032", "Workflow writes no table (retired: see CWF4002)", DiagnosticCategory.Binding);
}
