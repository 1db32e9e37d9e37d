using System.Collections.Frozen;
using Cwf.Ir;

namespace Cwf.Catalog;

/// <summary>
/// Table schemas known before compiling: from a catalog file, or (later) a live connection.
/// Names match ignoring case; a name with fewer parts than the catalog's matches when it is a
/// unique suffix (<c>trips</c> finds <c>src.trips</c>).
/// </summary>
public sealed class SchemaCatalog
{
    private readonly FrozenDictionary<string, (TableName Name, Schema Schema)> _tables;

    public SchemaCatalog(IEnumerable<(TableName Name, Schema Schema)> tables, TableName? toolbox = null)
    {
        _tables = tables.ToFrozenDictionary(t => Key(t.Name), StringComparer.OrdinalIgnoreCase);
        Toolbox = toolbox;
    }

    /// <summary>Where the CARTO Analytics Toolbox is installed on the warehouse (the catalog's <c>"toolbox"</c>); null: the dialect's default.</summary>
    public TableName? Toolbox { get; }

    public static SchemaCatalog Empty { get; } = new([]);

    public IEnumerable<TableName> TableNames => _tables.Values.Select(t => t.Name).OrderBy(n => n.ToString(), StringComparer.Ordinal);

    public Schema? Find(TableName name)
    {
        if (_tables.TryGetValue(Key(name), out var exact)) return exact.Schema;
        string suffix = "." + Key(name);
        var matches = _tables.Where(kv => kv.Key.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        return matches.Count == 1 ? matches[0].Value.Schema : null;
    }

    private static string Key(TableName name) => string.Join(".", name.Parts);
}
