using System.Collections.Immutable;
using Cwf.Ir;

namespace Cwf.Binding;

/// <summary>Another name for a column: after a join, <c>blocks.pop</c> names the output column <c>pop_joined</c>.</summary>
public sealed record ColumnAlias(string Qualifier, string Name, string Column);

/// <summary>
/// One relation an expression can see: its schema, the name it can be qualified with
/// (<c>stores.revenue</c>), and aliases that keep the names of the relations a join combined.
/// </summary>
public sealed class ScopeInput
{
    // Plain collections: the binder builds one input per step and searches it a few times, so a
    // frozen one (costly to build, cheap to search) cost more than it saved on long pipelines.
    // Null when there are no aliases, which is most steps: then only the input's own qualifier exists.
    // Built at the first lookup that needs them: after a join every step has aliases, and most of its
    // names are columns of its own, found without them.
    private Dictionary<string, ImmutableArray<ColumnAlias>>? _aliasesByName;
    private HashSet<string>? _qualifiers;

    public ScopeInput(Schema schema, string? qualifier = null, IEnumerable<ColumnAlias>? aliases = null)
        : this(schema, qualifier, aliases is null ? [] : ImmutableArray.CreateRange(aliases))
    {
    }

    private ScopeInput(Schema schema, string? qualifier, ImmutableArray<ColumnAlias> aliases)
    {
        Schema = schema;
        Qualifier = qualifier;
        // A step passes on its input's aliases, nearly always none: then there is nothing to filter.
        Aliases = aliases.IsDefaultOrEmpty ? [] : Kept(aliases, schema);
    }

    private Dictionary<string, ImmutableArray<ColumnAlias>>? AliasesByName => Aliases.IsEmpty ? null
        : _aliasesByName ??= Aliases.GroupBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.OrdinalIgnoreCase);

    private HashSet<string>? QualifierSet => Aliases.IsEmpty ? null
        : _qualifiers ??= Aliases.Select(a => a.Qualifier).Concat(Qualifier is null ? [] : [Qualifier])
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>An input with the aliases of another (those of the columns <paramref name="schema"/> still has), without copying them first.</summary>
    internal static ScopeInput Keeping(Schema schema, string? qualifier, ImmutableArray<ColumnAlias> aliases) => new(schema, qualifier, aliases);

    // The aliases whose column the schema still has: the same array when that is all of them, as after most steps.
    private static ImmutableArray<ColumnAlias> Kept(ImmutableArray<ColumnAlias> aliases, Schema schema)
    {
        if (schema.IsOpen) return aliases;
        int kept = 0;
        foreach (var alias in aliases)
            if (schema.Contains(alias.Column)) kept++;
        if (kept == aliases.Length) return aliases;
        var builder = ImmutableArray.CreateBuilder<ColumnAlias>(kept);
        foreach (var alias in aliases)
            if (schema.Contains(alias.Column)) builder.Add(alias);
        return builder.MoveToImmutable();
    }

    public Schema Schema { get; }
    public string? Qualifier { get; }
    public ImmutableArray<ColumnAlias> Aliases { get; }

    /// <summary>Every qualifier that names columns of this input.</summary>
    public IEnumerable<string> Qualifiers =>
        QualifierSet is { } qualifiers ? qualifiers.Order(StringComparer.Ordinal) : Qualifier is null ? [] : [Qualifier];

    public bool HasQualifier(string qualifier) =>
        QualifierSet?.Contains(qualifier) ?? string.Equals(Qualifier, qualifier, StringComparison.OrdinalIgnoreCase);

    /// <summary>The column <c>qualifier.name</c> names, or null.</summary>
    public Column? FindQualified(string qualifier, string name)
    {
        if (Qualifier is not null && string.Equals(Qualifier, qualifier, StringComparison.OrdinalIgnoreCase) && Schema.Find(name) is { } own)
            return own;
        if (AliasesByName is { } byName && byName.TryGetValue(name, out var aliases))
            foreach (var alias in aliases)
                if (string.Equals(alias.Qualifier, qualifier, StringComparison.OrdinalIgnoreCase))
                    return Schema.Find(alias.Column);
        return null;
    }

    /// <summary>
    /// The columns a bare name can mean here: the column of that name, else the columns that an
    /// alias of that name points to (one, or several when it is ambiguous).
    /// </summary>
    public IReadOnlyList<Column> FindBare(string name)
    {
        if (Schema.Contains(name)) return [Schema.Find(name)!];
        if (AliasesByName is { } byName && byName.TryGetValue(name, out var aliases))
            return [.. aliases.Select(a => a.Column).Distinct(StringComparer.OrdinalIgnoreCase).Select(c => Schema.Find(c)!)];
        return Schema.IsOpen ? [new Column(name, SqlType.Unknown)] : [];
    }

    /// <summary>Whether a bare name is known for certain (not just accepted by an open schema).</summary>
    public bool Knows(string name) => Schema.Contains(name) || (AliasesByName?.ContainsKey(name) ?? false);

    /// <summary>The names to suggest for a misspelling: columns, and qualified aliases.</summary>
    public IEnumerable<string> CandidateNames =>
        Schema.Names.Concat(Aliases.Select(a => a.Name)).Distinct(StringComparer.OrdinalIgnoreCase);
}
