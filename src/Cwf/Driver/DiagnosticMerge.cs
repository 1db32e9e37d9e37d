using Cwf.Diagnostics;

namespace Cwf.Driver;

/// <summary>Joins the diagnostics of the front end and of the later stages, without saying one thing twice.</summary>
public static class DiagnosticMerge
{
    /// <summary>
    /// The front end's diagnostics, then the later ones, except a dead-step warning (CWF4001) on a
    /// line the binder already flagged as an unused result (CWF2016): both describe the same let.
    /// </summary>
    public static List<Diagnostic> Merge(IEnumerable<Diagnostic> frontEnd, IEnumerable<Diagnostic> later)
    {
        var merged = frontEnd.ToList();
        var unusedLines = merged
            .Where(d => d.Descriptor == DiagnosticCodes.UnusedResult && d.Location is SourceLocation)
            .Select(d => (d.Location.Path, ((SourceLocation)d.Location).Start.Line))
            .ToHashSet();
        merged.AddRange(later.Where(d => !(d.Descriptor == DiagnosticCodes.UnusedStep && d.Location is SourceLocation s && unusedLines.Contains((s.Path, s.Start.Line)))));
        return merged;
    }
}
