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
        : this(inputs, ScopeParameters.Of(parameters))
    {
    }

    public ExpressionScope(IEnumerable<ScopeInput> inputs, ScopeParameters parameters)
        : this(ImmutableArray.CreateRange(inputs), parameters)
    {
    }

    private ExpressionScope(ImmutableArray<ScopeInput> inputs, ScopeParameters parameters)
    {
        Inputs = inputs;
        Parameters = parameters;
    }

    /// <summary>A scope over one input, as the binder makes one for every expression of a step.</summary>
    internal static ExpressionScope Of(ScopeInput input, ScopeParameters parameters) => new(ImmutableArray.Create(input), parameters);

    public ImmutableArray<ScopeInput> Inputs { get; }

    /// <summary>The parameters by name (case-insensitive), with their types and dimensions.</summary>
    public ScopeParameters Parameters { get; }

    /// <summary>A scope over one relation.</summary>
    public static ExpressionScope Single(Schema schema, string? qualifier = null, IReadOnlyDictionary<string, SqlType>? parameters = null) =>
        new([new ScopeInput(schema, qualifier)], parameters);

    public static ExpressionScope Single(Schema schema, string? qualifier, ScopeParameters parameters) =>
        new([new ScopeInput(schema, qualifier)], parameters);

    /// <summary>A scope over the two sides of a join.</summary>
    public static ExpressionScope Join(ScopeInput left, ScopeInput right, IReadOnlyDictionary<string, SqlType>? parameters = null) =>
        new([left, right], parameters);

    public static ExpressionScope Join(ScopeInput left, ScopeInput right, ScopeParameters parameters) =>
        new([left, right], parameters);
}
