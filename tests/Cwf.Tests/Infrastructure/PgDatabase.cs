using Npgsql;
using Cwf.Ir;

namespace Cwf.Tests.Infrastructure;

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

    /// <summary>The type name binary COPY writes a typed cell (<see cref="TestTable.TypedRows"/>) as.</summary>
    private static string CopyTypeName(SqlType type) => type switch
    {
        SqlType.Timestamp => "timestamp without time zone",
        SqlType.Geography => "geometry",
        _ => PostgresType(type),
    };

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
        await ExecuteAsync(table.CreateSql(PostgresType));

        await using var connection = await DataSource.OpenConnectionAsync();
        var copy = $"COPY {SqlNames.Quote(table.Name)} ({string.Join(", ", columns.Select(c => SqlNames.Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy);
        foreach (var row in table.TypedRows())
        {
            await importer.StartRowAsync();
            for (int i = 0; i < columns.Count; i++)
            {
                if (row[i] is null) await importer.WriteNullAsync();
                else await importer.WriteAsync(row[i], CopyTypeName(columns[i].Type));
            }
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
            Engine.PostgreSql, Psql.Path, ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", "-"],
            standardInput: script,
            environment: _server.Endpoint.PsqlEnvironment(Name));
        return new PsqlResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    /// <summary>Reads a whole table (<c>table</c> or <c>schema.table</c>) back, rows in no particular order.</summary>
    public Task<RowSet> ReadTableAsync(string table) => QueryAsync($"SELECT * FROM {SqlNames.Quote(TestTable.ParseName(table))}");

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
}
