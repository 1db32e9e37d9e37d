using Cwf.Diagnostics;
using Cwf.Text;

namespace Cwf.Binding;

/// <summary>How the expression binder reads names and reports problems.</summary>
public sealed record ExpressionBinderOptions
{
    public static ExpressionBinderOptions Default { get; } = new();

    /// <summary>
    /// Whether a bare name that is not a column may name a parameter (.cwf: <c>revenue &gt; min_revenue</c>).
    /// Canvas fragments write parameters as <c>@name</c> only, so the canvas importer turns this off.
    /// </summary>
    public bool BareNamesMayBeParameters { get; init; } = true;

    /// <summary>What the expression is for, used in messages: "aggregate functions are not allowed in {Context}".</summary>
    public string Context { get; init; } = "this expression";

    /// <summary>
    /// Turns a span of the parsed text into the location diagnostics carry; by default a
    /// <see cref="SourceLocation"/> in the source given to the binder. The canvas importer maps
    /// fragment spans to canvas locations here.
    /// </summary>
    public Func<TextSpan, Location>? Locate { get; init; }
}
