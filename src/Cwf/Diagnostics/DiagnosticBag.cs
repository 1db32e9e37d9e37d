using System.Collections.Immutable;
using Cwf.Collections;

namespace Cwf.Diagnostics;

/// <summary>Collects the diagnostics of one stage, in the order they are found.</summary>
public sealed class DiagnosticBag
{
    // In segments: a long program may have a warning at every step, and a list's doubling array would be large objects.
    private readonly SegmentedList<Diagnostic> _items = [];

    public int Count => _items.Count;
    public bool HasErrors
    {
        get
        {
            foreach (var diagnostic in _items)
                if (diagnostic.IsError) return true;
            return false;
        }
    }

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics) _items.Add(diagnostic);
    }

    /// <summary>Puts <paramref name="diagnostic"/> in place of the one at <paramref name="index"/> (a finding that later text changes).</summary>
    public void Replace(int index, Diagnostic diagnostic) => _items[index] = diagnostic;

    public Diagnostic Report(DiagnosticDescriptor descriptor, Location location, string message, params string[] hints)
    {
        var diagnostic = Diagnostic.Create(descriptor, location, message, hints);
        _items.Add(diagnostic);
        return diagnostic;
    }

    public ImmutableArray<Diagnostic> ToImmutable() => _items.ToImmutableArray();
}
