using System.Globalization;
using Cwf.Catalog;
using Cwf.Ir;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

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

    /// <summary>
    /// The rows with each cell converted to its column's CLR type: long, double, decimal, string,
    /// bool, <see cref="DateOnly"/>, <see cref="DateTime"/> (kind Unspecified) or an NTS
    /// <see cref="Geometry"/> with SRID 4326. A cell that does not convert is an error naming its row and column.
    /// </summary>
    public IEnumerable<object?[]> TypedRows()
    {
        var columns = Schema.Columns;
        for (int r = 0; r < Rows.Count; r++)
        {
            var row = Rows[r];
            if (row.Count != columns.Count)
                throw new ArgumentException($"Row {r} of {Name} has {row.Count} values for {columns.Count} columns.");
            var typed = new object?[columns.Count];
            for (int c = 0; c < columns.Count; c++)
            {
                try
                {
                    typed[c] = row[c] is null or DBNull ? null : Convert(columns[c].Type, row[c]!);
                }
                catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ParseException or ArgumentException)
                {
                    throw new ArgumentException($"Row {r}, column {columns[c].Name} ({columns[c].Type.Name()}) of {Name}: cannot load {row[c]} ({row[c]!.GetType().Name}): {e.Message}", e);
                }
            }
            yield return typed;
        }
    }

    private static readonly WKTReader WktReader = new();

    private static object Convert(SqlType type, object value) => type switch
    {
        SqlType.Int64 => System.Convert.ToInt64(value, CultureInfo.InvariantCulture),
        SqlType.Float64 => System.Convert.ToDouble(value, CultureInfo.InvariantCulture),
        SqlType.Decimal => System.Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        SqlType.String => System.Convert.ToString(value, CultureInfo.InvariantCulture)!,
        SqlType.Bool => System.Convert.ToBoolean(value, CultureInfo.InvariantCulture),
        SqlType.Date => value switch
        {
            DateOnly d => d,
            DateTime t => DateOnly.FromDateTime(t),
            string s => DateOnly.Parse(s, CultureInfo.InvariantCulture),
            _ => throw new InvalidCastException("a date must be a DateOnly, DateTime or ISO text"),
        },
        SqlType.Timestamp => value switch
        {
            DateTime t => DateTime.SpecifyKind(t, DateTimeKind.Unspecified),
            DateTimeOffset t => DateTime.SpecifyKind(t.UtcDateTime, DateTimeKind.Unspecified),
            DateOnly d => d.ToDateTime(TimeOnly.MinValue),
            string s => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.None),
            _ => throw new InvalidCastException("a timestamp must be a DateTime, DateTimeOffset or ISO text"),
        },
        SqlType.Geography => ToGeometry(value),
        _ => throw new ArgumentException($"no column of type {type} can be loaded"),
    };

    private static Geometry ToGeometry(object value)
    {
        var geometry = value switch
        {
            Geometry g => g.Copy(),
            GeometryValue g => g.Geometry.Copy(),
            string wkt => WktReader.Read(wkt),
            _ => throw new InvalidCastException("a geography must be WKT text or an NTS geometry"),
        };
        geometry.SRID = 4326;
        return geometry;
    }

    /// <summary>The DDL that creates the table (and its schema when named) with an engine's column type names.</summary>
    public string CreateSql(Func<SqlType, string> columnType)
    {
        var create = new System.Text.StringBuilder();
        if (Name.Schema is { } schema) create.Append($"CREATE SCHEMA IF NOT EXISTS {SqlNames.Quote(schema)};\n");
        return create.Append($"CREATE TABLE {SqlNames.Quote(Name)} (")
            .AppendJoin(", ", Schema.Columns.Select(c => $"{SqlNames.Quote(c.Name)} {columnType(c.Type)}"))
            .Append(");")
            .ToString();
    }

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
