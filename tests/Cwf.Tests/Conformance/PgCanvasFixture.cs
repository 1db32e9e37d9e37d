using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Conformance;

/// <summary>
/// A database of the test PostGIS server holding <see cref="Tables"/>, in which the canvas of
/// <see cref="Canvas"/> was compiled by the CLI for PostgreSQL (catalog from the tables) and run with
/// psql once, for all the tests of a class (canvas-format 5b: the hidden tests' way of running).
/// </summary>
public abstract class PgCanvasFixture : IAsyncLifetime
{
    private readonly PostgresServer _server = new();

    public PgDatabase Db { get; private set; } = null!;

    /// <summary>The compiled script and what the CLI printed on standard error.</summary>
    internal CwfCli.Result Compiled { get; private set; } = null!;

    internal abstract ProductCanvas Canvas();

    internal abstract TestTable[] Tables { get; }

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        Db = await _server.CreateDatabaseAsync(GetType().Name);
        await PgRun.LoadAsync(Db, Tables);
        Compiled = CwfCli.Compile(Canvas(), "postgres", CwfCli.Catalog(Tables)).ExpectExit(0);
        var run = await Db.RunPsqlAsync(Compiled.Output);
        if (!run.Succeeded) throw new InvalidOperationException($"psql failed:\n{run.StandardError}\nscript:\n{Compiled.Output}");
    }

    public async Task DisposeAsync()
    {
        if (Db is not null) await Db.DisposeAsync();
    }
}
