using System.Collections.Immutable;

namespace Cwf.Diagnostics;

/// <summary>
/// One finding about the user's input: what is wrong (message), where (location), and how to
/// fix it (hints such as "did you mean 'revenue'?"). Diagnostics are values; stages return them.
/// </summary>
public sealed record Diagnostic(
    DiagnosticDescriptor Descriptor,
    Severity Severity,
    string Message,
    Location Location,
    ImmutableArray<string> Hints,
    ImmutableArray<Location> RelatedLocations)
{
    public string Code => Descriptor.Code;
    public bool IsError => Severity == Severity.Error;

    public static Diagnostic Create(DiagnosticDescriptor descriptor, Location location, string message, params string[] hints) =>
        new(descriptor, descriptor.DefaultSeverity, message, location, [.. hints.Where(h => !string.IsNullOrEmpty(h))], []);

    public Diagnostic WithSeverity(Severity severity) => this with { Severity = severity };
    public Diagnostic WithRelated(params Location[] related) => this with { RelatedLocations = RelatedLocations.AddRange(related) };

    public override string ToString() =>
        $"{Location.Describe()}: {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
}
