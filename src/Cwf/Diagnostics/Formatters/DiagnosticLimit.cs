namespace Cwf.Diagnostics.Formatters;

/// <summary>
/// Keeps output readable when one mistake repeats thousands of times (a canvas whose nodes all
/// share an id): every format lists the first <see cref="MaxPerCode"/> diagnostics of each code
/// and then one CWF9003 that counts the rest of that code. Totals still count every diagnostic.
/// </summary>
public static class DiagnosticLimit
{
    public const int MaxPerCode = 100;

    /// <summary>The diagnostics to list: in their order, at most <see cref="MaxPerCode"/> per code, each cut code summarised at the end.</summary>
    public static IReadOnlyList<Diagnostic> Apply(IReadOnlyList<Diagnostic> diagnostics)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in diagnostics) counts[d.Code] = counts.GetValueOrDefault(d.Code) + 1;
        if (counts.Values.All(n => n <= MaxPerCode)) return diagnostics;

        var listed = new List<Diagnostic>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var cut = new List<Diagnostic>();  // the first diagnostic left out of each code, in order
        foreach (var d in diagnostics)
        {
            int n = seen[d.Code] = seen.GetValueOrDefault(d.Code) + 1;
            if (n <= MaxPerCode) listed.Add(d);
            else if (n == MaxPerCode + 1) cut.Add(d);
        }
        foreach (var first in cut)
        {
            int more = counts[first.Code] - MaxPerCode;
            listed.Add(Diagnostic.Create(DiagnosticCodes.DiagnosticsOmitted, new FileLocation(first.Location.Path),
                $"{more} more {DiagnosticFormatter.SeverityName(first.Severity)}{(more == 1 ? "" : "s")} {first.Code} ({first.Descriptor.Title}) not listed; the first {MaxPerCode} are",
                "fix the listed ones first: repeated diagnostics usually share one cause"));
        }
        return listed;
    }
}
