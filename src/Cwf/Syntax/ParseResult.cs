using System.Collections.Immutable;
using Cwf.Diagnostics;

namespace Cwf.Syntax;

/// <summary>
/// What the parser produced and what it found wrong. For a program the tree is always there
/// (statements that failed to parse are kept as <see cref="ErroneousStatementSyntax"/>); for an
/// expression or a select list it is null when there was an error.
/// </summary>
public sealed record ParseResult<T>(T? Syntax, ImmutableArray<Diagnostic> Diagnostics) where T : class
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
