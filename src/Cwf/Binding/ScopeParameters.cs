using System.Collections.Immutable;
using Cwf.Ir;

namespace Cwf.Binding;

/// <summary>A parameter as expressions see it: its declared spelling, its type, and what it measures.</summary>
public sealed record ScopeParameter(string Name, SqlType Type, Dimension Dimension);

/// <summary>
/// The workflow parameters an expression can refer to (names compared ignoring case), with the
/// dimension of those declared with a unit (<c>param radius = 500 m</c> is a length), and the names
/// the program writes as <c>@name</c>: where the program has a spelling for the parameter, a bare
/// name that is also a column plainly means the column (no CWF2023). Immutable.
/// </summary>
public sealed class ScopeParameters
{
    private readonly ImmutableDictionary<string, ScopeParameter> _byName;
    private readonly ImmutableHashSet<string> _written;

    private ScopeParameters(ImmutableDictionary<string, ScopeParameter> byName, ImmutableHashSet<string> written)
    {
        _byName = byName;
        _written = written;
    }

    public static ScopeParameters Empty { get; } = new(
        ImmutableDictionary.Create<string, ScopeParameter>(StringComparer.OrdinalIgnoreCase),
        ImmutableHashSet.Create<string>(StringComparer.OrdinalIgnoreCase));

    /// <summary>Parameters of these types, all plain numbers or non-numeric.</summary>
    public static ScopeParameters Of(IReadOnlyDictionary<string, SqlType>? types) =>
        (types ?? new Dictionary<string, SqlType>()).Aggregate(Empty, (scope, p) => scope.With(new ScopeParameter(p.Key, p.Value, Dimension.Plain)));

    public int Count => _byName.Count;

    /// <summary>The declared names, in no particular order.</summary>
    public IEnumerable<string> Names => _byName.Values.Select(p => p.Name);

    public ScopeParameter? Find(string name) => _byName.GetValueOrDefault(name);

    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>Whether the program writes this parameter as <c>@name</c> somewhere.</summary>
    public bool IsWrittenWithAt(string name) => _written.Contains(name);

    public ScopeParameters With(ScopeParameter parameter) => new(_byName.SetItem(parameter.Name, parameter), _written);

    public ScopeParameters WithWrittenWithAt(IEnumerable<string> names) => new(_byName, _written.Union(names));
}
