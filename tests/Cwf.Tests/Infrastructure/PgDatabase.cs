using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Npgsql;
using Cwf.Ir;

namespace Cwf.Tests.Infrastructure;

/// <summary>What psql did with a script: exit code 0 on success, 3 when a statement failed under ON_ERROR_STOP.</summary>
public sealed record PsqlResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Throws with psql's error output unless the script ran to its end.</summary>
    public PsqlResult EnsureSucceeded()
    {
        if (!Succeeded) throw new Xunit.Sdk.XunitException($"psql failed (exit {ExitCode}):\n{StandardError}");
        return this;
    }
}

/// <summary>
/// A database of its own for one test on the test server, with PostGIS; dropped on dispose.
/// Loads input tables, runs scripts through the real psql (as users and the hidden tests run
/// the compiler's output) and reads tables back as normalized <see cref="RowSet"/>s.
/// </summary>
public sealed class PgDatabase : IAsyncDisposable
{
    private readonly PostgresServer _server;

    internal PgDatabase(PostgresServer server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = server.Endpoint.ForDatabase(name);
        var builder = new NpgsqlDataSourceBuilder(ConnectionString);
        builder.UseNetTopologySuite();
        DataSource = builder.Build();
    }

    public string Name { get; }

    /// <summary>The Npgsql connection string of this database.</summary>
    public string ConnectionString { get; }

    /// <summary>Connections to this database, with PostGIS geometries mapped to NetTopologySuite.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>The PostgreSQL type a cwf type is stored as, as the compiler writes tables (canvas-format 5a.13).</summary>
    public static string PostgresType(SqlType type) => type switch
    {
        SqlType.Int64 => "bigint",
        SqlType.Float64 => "double precision",
        SqlType.Decimal => "numeric",
        SqlType.String => "text",
        SqlType.Bool => "boolean",
        SqlType.Date => "date",
        SqlType.Timestamp => "timestamp",
        SqlType.Geography => "geometry(Geometry,4326)",
        _ => throw new ArgumentException($"No PostgreSQL type for {type}."),
    };

    /// <summary>Quotes each part of a table name: <c>"schema"."table"</c>.</summary>
    public static string QuoteName(TableName name) => string.Join('.', name.Parts.Select(QuoteIdentifier));

    public static string QuoteIdentifier(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Runs SQL statements over Npgsql (setup, not the code under test: use <see cref="RunPsqlAsync"/> for that).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Creates the table (and its schema when named) and copies the rows in.</summary>
    public async Task LoadTableAsync(TestTable table)
    {
        var columns = table.Schema.Columns;
        var create = new StringBuilder();
        if (table.Name.Schema is { } schema) create.Append($"CREATE SCHEMA IF NOT EXISTS {QuoteIdentifier(schema)};\n");
        create.Append($"CREATE TABLE {QuoteName(table.Name)} (")
              .AppendJoin(", ", columns.Select(c => $"{QuoteIdentifier(c.Name)} {PostgresType(c.Type)}"))
              .Append(')');
        await ExecuteAsync(create.ToString());

        await using var connection = await DataSource.OpenConnectionAsync();
        var copy = $"COPY {QuoteName(table.Name)} ({string.Join(", ", columns.Select(c => QuoteIdentifier(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy);
        foreach (var (row, rowIndex) in table.Rows.Select((r, i) => (r, i)))
        {
            if (row.Count != columns.Count)
                throw new ArgumentException($"Row {rowIndex} of {table.Name} has {row.Count} values for {columns.Count} columns.");
            await importer.StartRowAsync();
            for (int i = 0; i < columns.Count; i++)
                await WriteCellAsync(importer, columns[i], row[i], rowIndex);
        }
        await importer.CompleteAsync();
    }

    /// <summary>
    /// Runs a script with <c>psql -X -v ON_ERROR_STOP=1 -f -</c> against this database: the way
    /// users and the hidden tests run the compiler's PostgreSQL output.
    /// </summary>
    public async Task<PsqlResult> RunPsqlAsync(string script)
    {
        var result = await ProcessRunner.RunAsync(
            Psql.Path, ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", "-"],
            standardInput: script,
            environment: _server.Endpoint.PsqlEnvironment(Name));
        return new PsqlResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    /// <summary>Reads a whole table (<c>table</c> or <c>schema.table</c>) back, rows in no particular order.</summary>
    public Task<RowSet> ReadTableAsync(string table) => QueryAsync($"SELECT * FROM {QuoteName(TestTable.ParseName(table))}");

    /// <summary>Runs a query and returns its rows normalized (geometries as <see cref="GeometryValue"/>).</summary>
    public async Task<RowSet> QueryAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var types = Enumerable.Range(0, reader.FieldCount).Select(reader.GetDataTypeName).ToArray();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = await reader.IsDBNullAsync(i) ? null
                    : types[i] == "date" ? reader.GetFieldValue<DateOnly>(i)
                    : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return new RowSet(columns, rows, types);
    }

    /// <summary>Whether a table (<c>table</c> or <c>schema.table</c>, default schema public) exists.</summary>
    public async Task<bool> TableExistsAsync(string table)
    {
        var name = TestTable.ParseName(table);
        await using var command = DataSource.CreateCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = name.Schema ?? "public" });
        command.Parameters.Add(new NpgsqlParameter { Value = name.Table });
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await _server.DropDatabaseAsync(Name);
    }

    private static readonly WKTReader WktReader = new();

    private static Task WriteCellAsync(NpgsqlBinaryImporter importer, Column column, object? value, int row)
    {
        if (value is null or DBNull) return importer.WriteNullAsync();
        try
        {
            return column.Type switch
            {
                SqlType.Int64 => importer.WriteAsync(Convert.ToInt64(value, CultureInfo.InvariantCulture), "bigint"),
                SqlType.Float64 => importer.WriteAsync(Convert.ToDouble(value, CultureInfo.InvariantCulture), "double precision"),
                SqlType.Decimal => importer.WriteAsync(Convert.ToDecimal(value, CultureInfo.InvariantCulture), "numeric"),
                SqlType.String => importer.WriteAsync(Convert.ToString(value, CultureInfo.InvariantCulture)!, "text"),
                SqlType.Bool => importer.WriteAsync(Convert.ToBoolean(value, CultureInfo.InvariantCulture), "boolean"),
                SqlType.Date => importer.WriteAsync(ToDate(value), "date"),
                SqlType.Timestamp => importer.WriteAsync(ToTimestamp(value), "timestamp without time zone"),
                SqlType.Geography => importer.WriteAsync(ToGeometry(value), "geometry"),
                _ => throw new ArgumentException($"cannot load a column of type {column.Type}"),
            };
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ParseException or ArgumentException)
        {
            throw new ArgumentException($"Row {row}, column {column.Name} ({column.Type.Name()}): cannot load {value} ({value.GetType().Name}): {e.Message}", e);
        }
    }

    private static DateOnly ToDate(object value) => value switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        string s => DateOnly.Parse(s, CultureInfo.InvariantCulture),
        _ => throw new InvalidCastException("a date must be a DateOnly, DateTime or ISO text"),
    };

    private static DateTime ToTimestamp(object value) => value switch
    {
        DateTime t => DateTime.SpecifyKind(t, DateTimeKind.Unspecified),
        DateTimeOffset t => DateTime.SpecifyKind(t.UtcDateTime, DateTimeKind.Unspecified),
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        string s => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.None),
        _ => throw new InvalidCastException("a timestamp must be a DateTime, DateTimeOffset or ISO text"),
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
}

/// <summary>Finds the psql client: on PATH, else in the newest /usr/lib/postgresql/*/bin.</summary>
internal static class Psql
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = System.IO.Path.Combine(dir, "psql");
            if (File.Exists(candidate)) return candidate;
        }
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Where(d => File.Exists(System.IO.Path.Combine(d, "bin", "psql")))
                .OrderByDescending(d => int.TryParse(System.IO.Path.GetFileName(d), out var major) ? major : 0)
                .Select(d => System.IO.Path.Combine(d, "bin", "psql"))
                .FirstOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException("psql was not found on PATH nor in /usr/lib/postgresql/*/bin.");
    }
}
