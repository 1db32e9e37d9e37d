using Npgsql;

namespace Cwf.Tests.Infrastructure;

/// <summary>Where the test PostgreSQL server listens, as an Npgsql connection string and as psql arguments.</summary>
public sealed record PostgresEndpoint
{
    /// <summary>
    /// Seconds to wait for a connection, at least: the test machine may be loaded by much else, and
    /// the first connection failing fails every PostgreSQL test.
    /// </summary>
    private const int ConnectTimeoutSeconds = 60;

    private readonly NpgsqlConnectionStringBuilder _builder;

    public PostgresEndpoint(string connectionString)
    {
        _builder = new NpgsqlConnectionStringBuilder(connectionString);
        _builder.Timeout = Math.Max(_builder.Timeout, ConnectTimeoutSeconds);
        ConnectionString = _builder.ConnectionString;
    }

    public string ConnectionString { get; }

    public string Host => _builder.Host ?? "127.0.0.1";
    public int Port => _builder.Port;
    public string User => _builder.Username ?? "postgres";
    public string? Password => _builder.Password;

    /// <summary>The connection string of another database on the same server.</summary>
    public string ForDatabase(string database) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;

    /// <summary>The libpq environment that points psql at <paramref name="database"/> on this server.</summary>
    public IReadOnlyDictionary<string, string?> PsqlEnvironment(string database) => new Dictionary<string, string?>
    {
        ["PGHOST"] = Host,
        ["PGPORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["PGUSER"] = User,
        ["PGPASSWORD"] = Password,
        ["PGDATABASE"] = database,
        ["PGCONNECT_TIMEOUT"] = ConnectTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // A developer's own psql settings must not change what the tests see.
        ["PSQLRC"] = "/dev/null",
        ["PGSERVICE"] = null,
        ["PGOPTIONS"] = null,
    };
}
