using System.Collections.Immutable;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Binding;

/// <summary>
/// A typed IR expression (null when binding failed) and the diagnostics. <see cref="HasUnknownFunction"/>
/// says whether a call named a function cwf does not know (CWF2006): the canvas importer may then
/// keep the fragment as <see cref="RawSql"/> instead of failing.
/// </summary>
public sealed record BoundExpression(Expr? Expr, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
    public bool HasUnknownFunction => Diagnostics.Any(d => d.Descriptor == DiagnosticCodes.UnknownFunction);
}

/// <summary>The output columns of a bound select list (null when binding failed) and the diagnostics.</summary>
public sealed record BoundSelectList(Seq<NamedExpr>? Columns, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
    public bool HasUnknownFunction => Diagnostics.Any(d => d.Descriptor == DiagnosticCodes.UnknownFunction);
}

/// <summary>A bound aggregate (null when binding failed) and the diagnostics.</summary>
public sealed record BoundAggregate(AggregateCall? Aggregate, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
