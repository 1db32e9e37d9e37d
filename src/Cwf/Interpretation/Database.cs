using System.Collections.Immutable;
using Cwf.Ir;

namespace Cwf.Interpretation;

/// <summary>
/// Named tables: the inputs of a run and the tables its sinks write. Names match ignoring
/// case part by part, as warehouses resolve unquoted names. Immutable; <see cref="With"/> adds
/// or replaces a table.
/// </summary>
public sealed class Database
{
    private readonly ImmutableSortedDictionary<string, (TableName Name, Table Table)> _tables;

    private Database(ImmutableSortedDictionary<string, (TableName, Table)> tables) => _tables = tables;

    public static Database Empty { get; } = new(ImmutableSortedDictionary.Create<string, (TableName, Table)>(StringComparer.Ordinal));

    public Database With(TableName name, Table table) => new(_tables.SetItem(Key(name), (name, table)));

    public Table? Find(TableName name) => _tables.TryGetValue(Key(name), out var entry) ? entry.Table : null;

    public Table this[string dottedName] =>
        Find(TableName.TryParse(dottedName) ?? throw new ArgumentException($"'{dottedName}' is not a table name."))
        ?? throw new KeyNotFoundException($"No table '{dottedName}'.");

    public int Count => _tables.Count;

    /// <summary>Every table with its name as first given, ordered by name.</summary>
    public IEnumerable<(TableName Name, Table Table)> Tables => _tables.Values;

    private static string Key(TableName name) => string.Join(".", name.Parts.Select(p => p.ToLowerInvariant()));
}
