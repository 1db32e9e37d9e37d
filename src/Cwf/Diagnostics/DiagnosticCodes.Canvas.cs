namespace Cwf.Diagnostics;

// CWF3000-CWF3999: canvas JSON import (src/Cwf/Canvas). spec/canvas.md documents each one.
// Component checks shared with .cwf (unknown column, replaced column, opaque component...) are CWF28xx.
public static partial class DiagnosticCodes
{
    // Envelopes and JSON (CWF300x)
    public static DiagnosticDescriptor CanvasEnvelope { get; } = Info("CWF3000", "Which canvas envelope was read", DiagnosticCategory.Canvas);
    public static DiagnosticDescriptor CanvasMalformedJson { get; } = Error("CWF3001", "Canvas file is not valid JSON", DiagnosticCategory.Canvas);
    public static DiagnosticDescriptor CanvasUnrecognized { get; } = Error("CWF3002", "Input is not a canvas export, CLI bundle or generated SQL", DiagnosticCategory.Canvas);
    public static DiagnosticDescriptor CanvasMalformed { get; } = Error("CWF3003", "Canvas part has the wrong shape", DiagnosticCategory.Canvas);

    // Nodes and edges (CWF301x)
    public static DiagnosticDescriptor DuplicateNodeId { get; } = Error("CWF3010", "Two nodes share an id", DiagnosticCategory.Canvas);
    public static DiagnosticDescriptor EdgeToMissingNode { get; } = Warning("CWF3011", "Edge to or from a node that does not exist", DiagnosticCategory.Canvas);
    public static DiagnosticDescriptor UnknownHandle { get; } = Error("CWF3012", "Edge uses a handle the component does not have", DiagnosticCategory.Canvas);
    public static DiagnosticDescriptor DuplicateEdge { get; } = Warning("CWF3013", "Edge is duplicated", DiagnosticCategory.Canvas);
    public static DiagnosticDescriptor TooManyEdges { get; } = Error("CWF3014", "Several edges into an input that takes one", DiagnosticCategory.Canvas);
    public static DiagnosticDescriptor MissingInputEdge { get; } = Error("CWF3015", "Required input has no edge", DiagnosticCategory.Canvas);
    public static DiagnosticDescriptor UnconnectedNode { get; } = Warning("CWF3016", "Node is not connected to anything", DiagnosticCategory.Canvas);
    public static DiagnosticDescriptor CanvasCycle { get; } = Error("CWF3017", "Nodes form a cycle", DiagnosticCategory.Canvas);
    public static DiagnosticDescriptor MissingComponentName { get; } = Error("CWF3018", "Node does not say which component it is", DiagnosticCategory.Canvas);

    // Input values (CWF302x)
    public static DiagnosticDescriptor MissingValue { get; } = Error("CWF3020", "Required input has no value", DiagnosticCategory.Canvas);
    public static DiagnosticDescriptor InvalidSelection { get; } = Error("CWF3021", "Value is not one of the component's options", DiagnosticCategory.Canvas);
    public static DiagnosticDescriptor SelectionCaseMismatch { get; } = Warning("CWF3022", "Option differs from a valid one only in case", DiagnosticCategory.Canvas);
    public static DiagnosticDescriptor NotANumber { get; } = Error("CWF3023", "Value is not a number", DiagnosticCategory.Canvas);
    public static DiagnosticDescriptor NotAnInteger { get; } = Error("CWF3024", "Value is not a whole number", DiagnosticCategory.Canvas);
    public static DiagnosticDescriptor InvalidBoolean { get; } = Error("CWF3025", "Value is not true or false", DiagnosticCategory.Canvas);
    public static DiagnosticDescriptor InvalidValueShape { get; } = Error("CWF3026", "Value has the wrong JSON type for its input", DiagnosticCategory.Canvas);
    public static DiagnosticDescriptor InvalidAggregationList { get; } = Error("CWF3027", "Aggregation list is not \"column,method,...\" pairs", DiagnosticCategory.Canvas);
    public static DiagnosticDescriptor MalformedTableName { get; } = Error("CWF3028", "Table name is not 1 to 3 dotted parts", DiagnosticCategory.Canvas);

    // Variables (CWF303x)
    public static DiagnosticDescriptor UnknownVariable { get; } = Error("CWF3030", "Reference to a variable the canvas does not declare", DiagnosticCategory.Canvas);
    public static DiagnosticDescriptor InvalidVariable { get; } = Error("CWF3031", "Variable declaration is incomplete or has the wrong type", DiagnosticCategory.Canvas);
    public static DiagnosticDescriptor DuplicateVariable { get; } = Error("CWF3032", "Variable declared twice", DiagnosticCategory.Canvas);
    public static DiagnosticDescriptor UncheckedTemplate { get; } = Error("CWF3039", "SQL with text pasted by {{@variable}} cannot be checked", DiagnosticCategory.Canvas);

    // Sources and SQL fragments (CWF304x)
    public static DiagnosticDescriptor SourceSchemaUnknown { get; } = Error("CWF3040", "Source table's columns are unknown", DiagnosticCategory.Canvas);
    public static DiagnosticDescriptor SqlFragmentNotAnalysed { get; } = Warning("CWF3041", "SQL fragment kept verbatim: cwf cannot analyse it", DiagnosticCategory.Canvas);
    public static DiagnosticDescriptor CustomSqlPlaceholder { get; } = Error("CWF3042", "Custom SQL placeholder does not match a connected input", DiagnosticCategory.Canvas);
    public static DiagnosticDescriptor UnwritableVariable { get; } = Error("CWF3043", "Variable's text cannot be written safely into SQL of an unknown warehouse", DiagnosticCategory.Canvas);
}
