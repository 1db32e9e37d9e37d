using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Npgsql;

namespace Cwf.Tests.Infrastructure;

/// <summary>
/// The xunit collection of tests that run SQL on the test PostgreSQL + PostGIS server. Put
/// <c>[Collection(PostgresCollection.Name)]</c> on a test class and take a
/// <see cref="PostgresServer"/> in its constructor.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}

/// <summary>
/// The test PostgreSQL + PostGIS server. It is the server that <c>CWF_PG_CONNECTION</c> names
/// (scripts/test.sh starts one and sets it); without that variable the first fixture starts a
/// throwaway cluster with scripts/pg-cluster.sh, which stops when the test process exits. Every
/// fixture instance in the process shares that one server; each test gets a database of its own
/// from <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed partial class PostgresServer : IAsyncLifetime
{
    public const string ConnectionVariable = "CWF_PG_CONNECTION";

    private static readonly Lazy<Task<SharedServer>> Shared = new(ConnectAsync);
    private static readonly SemaphoreSlim CreateLock = new(1, 1);
    private static int _databaseCount;

    private SharedServer? _server;

    private sealed record SharedServer(PostgresEndpoint Endpoint, NpgsqlDataSource Admin);

    public PostgresEndpoint Endpoint => Server.Endpoint;

    private SharedServer Server
    {
        get
        {
            EngineGuard.Require(Engine.PostgreSql);
            return _server ?? throw new InvalidOperationException("The PostgreSQL fixture is not initialized.");
        }
    }

    public async Task InitializeAsync()
    {
        EngineGuard.Require(Engine.PostgreSql);
        _server = await Shared.Value;
    }

    /// <summary>The shared server outlives each collection: it stops when the test process exits.</summary>
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// A new, empty database with PostGIS, dropped when the returned object is disposed. Its name
    /// holds the calling test's name, to make leftovers and server logs readable.
    /// </summary>
    public Task<PgDatabase> CreateDatabaseAsync([CallerMemberName] string purpose = "test") =>
        CreateAsync($"cwf_{Environment.ProcessId}_{Interlocked.Increment(ref _databaseCount)}_{Sanitize(purpose)}");

    /// <summary>
    /// A new database of exactly this name, for a workflow whose table names name a database (the
    /// script runs only in it); one a failed run left behind is dropped first.
    /// </summary>
    public async Task<PgDatabase> CreateDatabaseNamedAsync(string name)
    {
        await DropDatabaseAsync(name);
        return await CreateAsync(name);
    }

    private async Task<PgDatabase> CreateAsync(string name)
    {
        await CreateLock.WaitAsync();
        try
        {
            await using var create = Server.Admin.CreateCommand($"CREATE DATABASE \"{name}\" TEMPLATE template1");
            await create.ExecuteNonQueryAsync();
        }
        finally
        {
            CreateLock.Release();
        }

        var database = new PgDatabase(this, name);
        try
        {
            // template1 has PostGIS on a cluster of ours; a server given by CWF_PG_CONNECTION may not.
            await database.ExecuteAsync("CREATE EXTENSION IF NOT EXISTS postgis");
        }
        catch (PostgresException e)
        {
            await database.DisposeAsync();
            throw new InvalidOperationException(
                $"PostGIS is not available on the test server ({e.MessageText}). scripts/test.sh installs it " +
                "(apt: postgresql-15-postgis-3); without it every PostGIS test fails.", e);
        }
        return database;
    }

    internal async Task DropDatabaseAsync(string name)
    {
        await using var drop = Server.Admin.CreateCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<SharedServer> ConnectAsync()
    {
        var given = Environment.GetEnvironmentVariable(ConnectionVariable);
        PostgresCluster? own = null;
        PostgresEndpoint endpoint;
        if (!string.IsNullOrWhiteSpace(given))
        {
            endpoint = new PostgresEndpoint(given);
        }
        else
        {
            own = await PostgresCluster.StartAsync();
            endpoint = own.Endpoint;
        }

        var admin = NpgsqlDataSource.Create(endpoint.ConnectionString);
        try
        {
            await using var probe = admin.CreateCommand("SELECT 1");
            await probe.ExecuteScalarAsync();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"Cannot connect to the test PostgreSQL server ({(own is null ? ConnectionVariable + "=" + given : "started by scripts/pg-cluster.sh")}): {e.Message}", e);
        }
        return new SharedServer(endpoint, admin);
    }

    private static string Sanitize(string purpose)
    {
        var text = NonIdentifier().Replace(purpose.ToLowerInvariant(), "_").Trim('_');
        return text.Length > 30 ? text[..30] : text.Length == 0 ? "db" : text;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonIdentifier();
}
