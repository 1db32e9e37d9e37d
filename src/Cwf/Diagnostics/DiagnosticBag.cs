using System.Collections.Immutable;

namespace Cwf.Diagnostics;

/// <summary>Collects the diagnostics of one stage, in the order they are found.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public int Count => _items.Count;
    public bool HasErrors => _items.Exists(d => d.IsError);

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>Puts <paramref name="diagnostic"/> in place of the one at <paramref name="index"/> (a finding that later text changes).</summary>
    public void Replace(int index, Diagnostic diagnostic) => _items[index] = diagnostic;

    public Diagnostic Report(DiagnosticDescriptor descriptor, Location location, string message, params string[] hints)
    {
        var diagnostic = Diagnostic.Create(descriptor, location, message, hints);
        _items.Add(diagnostic);
        return diagnostic;
    }

    public ImmutableArray<Diagnostic> ToImmutable() => [.. _items];
}
