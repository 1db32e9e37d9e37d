using System.Collections.Immutable;
using System.Reflection;

namespace Cwf.Diagnostics;

/// <summary>
/// The catalog of every diagnostic cwf reports. Each stage declares its codes in its own
/// partial file (DiagnosticCodes.&lt;Stage&gt;.cs) within its own number range. A code is never
/// reused: a retired code stays here, marked obsolete. spec/diagnostics.md documents each one
/// (a test checks that the two agree).
/// </summary>
public static partial class DiagnosticCodes
{
    private static DiagnosticDescriptor Error(string code, string title, DiagnosticCategory category) =>
        new(code, title, Severity.Error, category);

    private static DiagnosticDescriptor Warning(string code, string title, DiagnosticCategory category) =>
        new(code, title, Severity.Warning, category);

    private static DiagnosticDescriptor Info(string code, string title, DiagnosticCategory category) =>
        new(code, title, Severity.Info, category);

    // Lazy: the partial files' static initializers run in an unspecified order.
    private static readonly Lazy<ImmutableArray<DiagnosticDescriptor>> AllDescriptors = new(() =>
        [.. typeof(DiagnosticCodes)
            .GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(DiagnosticDescriptor))
            .Select(p => (DiagnosticDescriptor)p.GetValue(null)!)
            .OrderBy(d => d.Code, StringComparer.Ordinal)]);

    /// <summary>Every descriptor declared on this class, ordered by code.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All => AllDescriptors.Value;

    public static DiagnosticDescriptor? Find(string code) =>
        All.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));
}
