using Cwf.Text;

namespace Cwf.Diagnostics.Formatters;

/// <summary>The output formats of <c>--format</c>.</summary>
public enum DiagnosticFormat
{
    /// <summary>Compiler-style text with the source line and a caret under the span.</summary>
    Text,
    /// <summary>A JSON document of the diagnostics, for tools.</summary>
    Json,
    /// <summary>SARIF 2.1.0, for code-scanning services and editors.</summary>
    Sarif,
}

/// <summary>How to render diagnostics.</summary>
public sealed record DiagnosticFormatOptions
{
    public static DiagnosticFormatOptions Default { get; } = new();

    /// <summary>
    /// Finds the text of a file named by a location, to show source lines for canvas and JSON
    /// locations (a .cwf location carries its text already). Null: no excerpt for those.
    /// </summary>
    public Func<string, SourceText?>? SourceLookup { get; init; }

    /// <summary>Whether the text format shows the source line and caret under each diagnostic.</summary>
    public bool ShowSource { get; init; } = true;

    /// <summary>The tool version written into SARIF logs.</summary>
    public string ToolVersion { get; init; } = typeof(DiagnosticFormatOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}

/// <summary>One entry point for every format.</summary>
public static class DiagnosticFormatter
{
    public static string Format(DiagnosticFormat format, IReadOnlyList<Diagnostic> diagnostics, DiagnosticFormatOptions? options = null) => format switch
    {
        DiagnosticFormat.Json => JsonDiagnosticFormatter.Format(diagnostics, options),
        DiagnosticFormat.Sarif => SarifDiagnosticFormatter.Format(diagnostics, options),
        _ => TextDiagnosticFormatter.Format(diagnostics, options),
    };

    /// <summary>Reads a <c>--format</c> value (text, json, sarif), or null when unknown.</summary>
    public static DiagnosticFormat? Parse(string name) => name.ToLowerInvariant() switch
    {
        "text" => DiagnosticFormat.Text,
        "json" => DiagnosticFormat.Json,
        "sarif" => DiagnosticFormat.Sarif,
        _ => null,
    };

    /// <summary>"2 errors, 1 warning", or null when there is nothing to say.</summary>
    public static string? Summary(IReadOnlyList<Diagnostic> diagnostics)
    {
        int errors = diagnostics.Count(d => d.Severity == Severity.Error);
        int warnings = diagnostics.Count(d => d.Severity == Severity.Warning);
        var parts = new List<string>();
        if (errors > 0) parts.Add(errors == 1 ? "1 error" : $"{errors} errors");
        if (warnings > 0) parts.Add(warnings == 1 ? "1 warning" : $"{warnings} warnings");
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    internal static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "info",
        _ => "hidden",
    };
}
