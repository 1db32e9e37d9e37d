using Cwf.Catalog;
using Cwf.Ir;

namespace Cwf.Tests.Infrastructure;

/// <summary>
/// An input table for an execution test: a name (<c>table</c> or <c>schema.table</c>), a cwf
/// schema and rows. Cells are CLR values of the column's type or null; a geography cell is WKT
/// text or an NTS geometry (lon/lat, stored with SRID 4326).
/// </summary>
public sealed record TestTable(TableName Name, Schema Schema, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>
    /// A table from compact text: <c>TestTable.Create("public.schools", "id int64, name string, geom geography", [1, "a", "POINT (1 2)"], [2, null, null])</c>.
    /// Column types are read like catalog types (cwf or warehouse names).
    /// </summary>
    public static TestTable Create(string name, string columns, params object?[][] rows) =>
        new(ParseName(name), ParseColumns(columns), rows);

    public static TableName ParseName(string name) =>
        TableName.TryParse(name) ?? throw new ArgumentException($"'{name}' is not a table name of one to three parts.");

    public static Schema ParseColumns(string columns)
    {
        var parsed = new List<Column>();
        foreach (var definition in columns.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int space = definition.IndexOf(' ');
            if (space <= 0) throw new ArgumentException($"Column definition '{definition}' is not '<name> <type>'.");
            var typeName = definition[(space + 1)..].Trim();
            var type = SqlTypeNames.TryParse(typeName) ?? throw new ArgumentException($"Unknown column type '{typeName}' in '{definition}'.");
            parsed.Add(new Column(definition[..space], type));
        }
        return new Schema([.. parsed]);
    }
}
