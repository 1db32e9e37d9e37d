using Cwf.Diagnostics;

namespace Cwf.Emit;

/// <summary>
/// Something the user must know when a function is translated for a dialect: an extension the
/// warehouse needs (<see cref="DiagnosticCodes.RequiresExtension"/>), or a limitation of the
/// translation (<see cref="DiagnosticCodes.ApproximateTranslation"/>). Reported once per emit for
/// an extension, once per node and function for a limitation.
/// </summary>
public sealed record FunctionNote(DiagnosticDescriptor Descriptor, Severity Severity, string Message, string? Hint = null)
{
    /// <summary>The generated SQL only runs once <paramref name="extension"/> is installed; <paramref name="setup"/> says how.</summary>
    public static FunctionNote Requires(string extension, string setup, Severity severity = Severity.Warning) =>
        new(DiagnosticCodes.RequiresExtension, severity, $"needs {extension}", setup);

    /// <summary>The translation is correct only within <paramref name="limitation"/>.</summary>
    public static FunctionNote Limited(string limitation, string? workaround = null) =>
        new(DiagnosticCodes.ApproximateTranslation, Severity.Warning, limitation, workaround);

    /// <summary>Whether the note concerns the whole script (an extension) rather than one use.</summary>
    public bool IsPerScript => Descriptor == DiagnosticCodes.RequiresExtension;
}
