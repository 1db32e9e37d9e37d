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

    /// <summary>Every descriptor declared on this class, ordered by code.</summary>
    // Lazy: static initializers of partial files run in compilation order, which is not fixed,
    // so an eager list could read descriptors of other files before they are initialized.
    public static ImmutableArray<DiagnosticDescriptor> All => LazyAll.Value;

    private static readonly Lazy<ImmutableArray<DiagnosticDescriptor>> LazyAll = new(() =>
        [.. typeof(DiagnosticCodes)
            .GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(DiagnosticDescriptor))
            .Select(p => (DiagnosticDescriptor)p.GetValue(null)!)
            .OrderBy(d => d.Code, StringComparer.Ordinal)]);

    public static DiagnosticDescriptor? Find(string code) =>
        All.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));
}
