using Cwf.Ir;
using DuckDB.NET.Data;
using NetTopologySuite.IO;

namespace Cwf.Tests.Infrastructure;

/// <summary>What DuckDB did with a script: success, or the error of the statement that failed.</summary>
public sealed record DuckDbScriptResult(bool Succeeded, string? Error)
{
    public DuckDbScriptResult EnsureSucceeded()
    {
        if (!Succeeded) throw new Xunit.Sdk.XunitException($"DuckDB failed: {Error}");
        return this;
    }
}

/// <summary>
/// An in-memory DuckDB database (DuckDB.NET, in process) for one test: load input tables, run
/// a script, read tables back as normalized <see cref="RowSet"/>s. DuckDB's spatial extension
/// cannot be installed here, so a geography column is stored as WKT text (VARCHAR) and read back
/// as a geometry when it is named in <c>geometryColumns</c> (VARCHAR as WKT, BLOB as WKB).
/// </summary>
public sealed class DuckDbRunner : IDisposable
{
    public DuckDbRunner()
    {
        EngineGuard.Require(Engine.DuckDb);
        Connection = new DuckDBConnection("DataSource=:memory:");
        Connection.Open();
    }

    public DuckDBConnection Connection { get; }

    public static string DuckDbType(SqlType type) => type switch
    {
        SqlType.Int64 => "BIGINT",
        SqlType.Float64 => "DOUBLE",
        SqlType.Decimal => "DECIMAL(38,10)",
        SqlType.String => "VARCHAR",
        SqlType.Bool => "BOOLEAN",
        SqlType.Date => "DATE",
        SqlType.Timestamp => "TIMESTAMP",
        SqlType.Geography => "VARCHAR",
        _ => throw new ArgumentException($"No DuckDB type for {type}."),
    };

    /// <summary>Creates the table (and its schema when named) and inserts the rows.</summary>
    public void LoadTable(TestTable table)
    {
        Execute(table.CreateSql(DuckDbType));
        if (table.Rows.Count == 0) return;

        using var appender = Connection.CreateAppender(table.Name.Schema, table.Name.Table);
        foreach (var row in table.TypedRows())
        {
            var appended = appender.CreateRow();
            foreach (var cell in row)
            {
                _ = cell switch
                {
                    null => appended.AppendNullValue(),
                    long v => appended.AppendValue(v),
                    double v => appended.AppendValue(v),
                    decimal v => appended.AppendValue(v),
                    string v => appended.AppendValue(v),
                    bool v => appended.AppendValue(v),
                    DateOnly v => appended.AppendValue(v),
                    DateTime v => appended.AppendValue(v),
                    NetTopologySuite.Geometries.Geometry v => appended.AppendValue(v.AsText()),
                    _ => throw new InvalidOperationException($"TestTable.TypedRows produced a {cell.GetType()}"),
                };
            }
            appended.EndRow();
        }
    }

    /// <summary>Runs a script of one or more statements; the first failing statement stops it.</summary>
    public DuckDbScriptResult RunScript(string sql)
    {
        try
        {
            Execute(sql);
            return new DuckDbScriptResult(true, null);
        }
        catch (DuckDBException e)
        {
            return new DuckDbScriptResult(false, e.Message);
        }
    }

    /// <summary>Reads a whole table (<c>table</c> or <c>schema.table</c>) back.</summary>
    public RowSet ReadTable(string table, params string[] geometryColumns) =>
        Query($"SELECT * FROM {SqlNames.Quote(TestTable.ParseName(table))}", geometryColumns);

    /// <summary>Runs a query; columns named in <paramref name="geometryColumns"/> are read as WKT (text) or WKB (blob).</summary>
    public RowSet Query(string sql, params string[] geometryColumns)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var types = Enumerable.Range(0, reader.FieldCount).Select(reader.GetDataTypeName).ToArray();
        var geometry = columns.Select(c => geometryColumns.Contains(c, StringComparer.Ordinal)).ToArray();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                row[i] = value switch
                {
                    null => null,
                    string wkt when geometry[i] => GeometryValue.Parse(wkt),
                    byte[] wkb when geometry[i] => new GeometryValue(new WKBReader().Read(wkb)),
                    Stream wkb when geometry[i] => new GeometryValue(new WKBReader().Read(wkb)),
                    DateTime t when types[i] == "Date" => DateOnly.FromDateTime(t),
                    _ => value,
                };
            }
            rows.Add(row);
        }
        return new RowSet(columns, rows, types);
    }

    public void Dispose() => Connection.Dispose();

    private void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
