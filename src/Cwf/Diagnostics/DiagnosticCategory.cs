namespace Cwf.Diagnostics;

/// <summary>The stage that reports a diagnostic; each owns a range of codes.</summary>
public enum DiagnosticCategory
{
    /// <summary>CWF0xxx: command line, files, catalogs.</summary>
    Input,
    /// <summary>CWF1xxx: lexing and parsing of .cwf text.</summary>
    Syntax,
    /// <summary>CWF2xxx: names, scopes and types.</summary>
    Binding,
    /// <summary>CWF3xxx: canvas JSON import and validation.</summary>
    Canvas,
    /// <summary>CWF4xxx: graph analyses (cycles, dead steps).</summary>
    Analysis,
    /// <summary>CWF5xxx: optimizer and planner.</summary>
    Optimization,
    /// <summary>CWF6xxx: SQL emission and dialect capabilities.</summary>
    Emit,
    /// <summary>CWF7xxx: running workflows (interpreter, live connections).</summary>
    Execution,
    /// <summary>CWF9xxx: compiler bugs, never a user mistake.</summary>
    Internal,
}
