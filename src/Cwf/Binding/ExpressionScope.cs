using System.Collections.Frozen;
using System.Collections.Immutable;
using Cwf.Ir;

namespace Cwf.Binding;

/// <summary>
/// What an expression can refer to: one input (most steps) or two (a join condition: input 0 is
/// the left or main side, input 1 the right or secondary side), and the workflow parameters.
/// </summary>
public sealed class ExpressionScope
{
    public ExpressionScope(IEnumerable<ScopeInput> inputs, IReadOnlyDictionary<string, SqlType>? parameters = null)
    {
        Inputs = [.. inputs];
        Parameters = (parameters ?? new Dictionary<string, SqlType>()).ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        ParameterNames = (parameters ?? new Dictionary<string, SqlType>()).Keys.ToFrozenDictionary(k => k, k => k, StringComparer.OrdinalIgnoreCase);
    }

    public ImmutableArray<ScopeInput> Inputs { get; }

    /// <summary>Parameter types by name (case-insensitive).</summary>
    public FrozenDictionary<string, SqlType> Parameters { get; }

    /// <summary>The declared spelling of each parameter name.</summary>
    public FrozenDictionary<string, string> ParameterNames { get; }

    /// <summary>A scope over one relation.</summary>
    public static ExpressionScope Single(Schema schema, string? qualifier = null, IReadOnlyDictionary<string, SqlType>? parameters = null) =>
        new([new ScopeInput(schema, qualifier)], parameters);

    /// <summary>A scope over the two sides of a join.</summary>
    public static ExpressionScope Join(ScopeInput left, ScopeInput right, IReadOnlyDictionary<string, SqlType>? parameters = null) =>
        new([left, right], parameters);
}
