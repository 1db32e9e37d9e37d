namespace Cwf.Diagnostics;

// CWF1xxx: lexing and parsing of .cwf text (and of canvas SQL fragments, which use the same parser).
public static partial class DiagnosticCodes
{
    public static DiagnosticDescriptor UnexpectedToken { get; } = Error("CWF1001", "Unexpected token", DiagnosticCategory.Syntax);
    public static DiagnosticDescriptor MissingToken { get; } = Error("CWF1002", "Missing token", DiagnosticCategory.Syntax);
    public static DiagnosticDescriptor UnterminatedString { get; } = Error("CWF1003", "Unterminated string or quoted name", DiagnosticCategory.Syntax);
    public static DiagnosticDescriptor UnterminatedComment { get; } = Error("CWF1004", "Unterminated block comment", DiagnosticCategory.Syntax);
    public static DiagnosticDescriptor UnexpectedCharacter { get; } = Error("CWF1005", "Unexpected character", DiagnosticCategory.Syntax);
    public static DiagnosticDescriptor InvalidNumber { get; } = Error("CWF1006", "Number literal out of range", DiagnosticCategory.Syntax);
    public static DiagnosticDescriptor UnknownStep { get; } = Error("CWF1007", "Unknown pipeline step", DiagnosticCategory.Syntax);
    public static DiagnosticDescriptor UnknownStatement { get; } = Error("CWF1008", "Unknown statement", DiagnosticCategory.Syntax);
    public static DiagnosticDescriptor InvalidTableName { get; } = Error("CWF1009", "Invalid table name", DiagnosticCategory.Syntax);
    public static DiagnosticDescriptor InvalidWriteMode { get; } = Error("CWF1010", "Invalid output mode", DiagnosticCategory.Syntax);
    public static DiagnosticDescriptor NullsFirst { get; } = Error("CWF1011", "NULLS FIRST is not supported", DiagnosticCategory.Syntax);
    public static DiagnosticDescriptor InvalidTypedLiteral { get; } = Error("CWF1012", "Invalid date, timestamp or decimal literal", DiagnosticCategory.Syntax);
    public static DiagnosticDescriptor InvalidPointArguments { get; } = Error("CWF1013", "point needs lat = and lon =", DiagnosticCategory.Syntax);
    public static DiagnosticDescriptor TooManyNameParts { get; } = Error("CWF1014", "Name has too many parts", DiagnosticCategory.Syntax);
    public static DiagnosticDescriptor UnknownCheck { get; } = Error("CWF1700", "Unknown data check", DiagnosticCategory.Syntax);
}
