using System.Collections.Immutable;
using Cwf.Diagnostics;

namespace Cwf.Emit;

/// <summary>The emitted SQL (null when an error diagnostic stopped emission) and every diagnostic found.</summary>
public sealed record EmitResult(string? Sql, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool Succeeded => Sql is not null;
}
