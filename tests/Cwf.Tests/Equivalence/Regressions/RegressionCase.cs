using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Planning;
using Cwf.Tests.Generators;
using Cwf.Tests.Infrastructure;
using Cwf.Tests.Interpretation;
using Xunit.Sdk;

namespace Cwf.Tests.Equivalence.Regressions;

/// <summary>
/// A counterexample the equivalence properties found, kept as a small explicit workflow with its
/// input data and the rows every engine must write: the reference interpreter, PostgreSQL/PostGIS
/// (psql, ON_ERROR_STOP) and, without geography, DuckDB. Outputs are compared as multisets unless
/// expected in order, and the engines' column types must be the IR's.
/// </summary>
public sealed class RegressionCase
{
    private readonly Workflow _workflow;
    private readonly TestTable[] _inputs;
    private readonly List<(string Table, RowSet Rows, bool Ordered)> _expected = [];

    private RegressionCase(Workflow workflow, TestTable[] inputs)
    {
        _workflow = workflow;
        _inputs = inputs;
    }

    public static RegressionCase Of(Workflow workflow, params TestTable[] inputs) => new(workflow, inputs);

    public RegressionCase Expect(string table, RowSet rows, bool ordered = false)
    {
        _expected.Add((table, rows, ordered));
        return this;
    }

    private static RowSetComparison Comparison(bool ordered) => OutputComparison.Exact with { OrderSensitive = ordered };

    private EquivalenceCase Case
    {
        get
        {
            var inputs = _inputs.Aggregate(Database.Empty, (db, t) => db.With(t.Name, new Table(t.Schema, t.TypedRows())));
            return new EquivalenceCase("", new GeneratedCase(_workflow, inputs), MaterializationPlan.AllCte);
        }
    }

    public void AssertInterpreter()
    {
        var run = Interpreter.Run(_workflow, Case.Inputs);
        Assert.True(run.Succeeded, string.Join("\n", run.Diagnostics));
        foreach (var (table, rows, ordered) in _expected)
            Comparison(ordered).AssertEqual(rows, run.Outputs[table].ToRowSet());
    }

    /// <summary>The interpreter stops with a run-time error of this code (CWF7001 division by zero, CWF7002 out of range).</summary>
    public void AssertInterpreterFails(string code)
    {
        var run = Interpreter.Run(_workflow, Case.Inputs);
        Assert.Contains(run.Diagnostics, d => d.IsError && d.Code == code);
    }

    /// <summary>The engine's script stops with an error whose message holds <paramref name="message"/>.</summary>
    public async Task AssertPostgresFailsAsync(PostgresServer server, string message)
    {
        await using var engine = new PostgresEngine(await EquivalenceDatabases.CreateAsync(server, "regression"));
        await AssertEngineFailsAsync(engine, message);
    }

    public async Task AssertDuckDbFailsAsync(string message)
    {
        await using var engine = new DuckDbEngine();
        await AssertEngineFailsAsync(engine, message);
    }

    private async Task AssertEngineFailsAsync(IEquivalenceEngine engine, string message)
    {
        // The interpreter fails, which makes the case a problem already: run it anyway.
        var prepared = PreparedCase.Create(Case, "r", engine.Dialect) with { Problem = null };
        var outcome = (await engine.RunAsync([prepared]))[0];
        Assert.True(outcome.Error is not null, $"{engine.Dialect.DisplayName} ran without an error:\n{prepared.Sql}");
        Assert.Contains(message, outcome.Error, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The interpreter, PostgreSQL (under <paramref name="icuLocale"/>'s collation when given) and DuckDB all give the expected rows.</summary>
    public async Task AssertEverywhereAsync(PostgresServer server, string? icuLocale = null)
    {
        AssertInterpreter();
        await AssertPostgresAsync(server, icuLocale);
        await AssertDuckDbAsync();
    }

    public async Task AssertPostgresAsync(PostgresServer server, string? icuLocale = null)
    {
        await using var engine = new PostgresEngine(await EquivalenceDatabases.CreateAsync(server, "regression", icuLocale));
        await AssertEngineAsync(engine);
    }

    public async Task AssertDuckDbAsync()
    {
        await using var engine = new DuckDbEngine();
        await AssertEngineAsync(engine);
    }

    private async Task AssertEngineAsync(IEquivalenceEngine engine)
    {
        var prepared = PreparedCase.Create(Case, "r", engine.Dialect);
        Assert.True(prepared.Problem is null, prepared.Problem);
        var outcome = (await engine.RunAsync([prepared]))[0];
        if (outcome.Error is not null) throw new XunitException(outcome.Error + "\n" + prepared.Sql);
        foreach (var (table, rows, ordered) in _expected)
        {
            var actual = outcome.Tables["r." + table];
            var schema = prepared.Expected.Single(e => e.Name.Table == table).Schema;
            var wrongTypes = schema.Columns.Where((c, i) => !engine.Stores(c.Type, actual.EngineTypes![i])).Select(c => c.Name).ToList();
            Assert.True(wrongTypes.Count == 0, $"{engine.Dialect.DisplayName} stores {string.Join(", ", wrongTypes)} in another type than the IR's: {string.Join(", ", actual.EngineTypes!)}\n{prepared.Sql}");
            var differences = Comparison(ordered).Differences(rows, actual);
            Assert.True(differences is null, $"{engine.Dialect.DisplayName}: {differences}\n{prepared.Sql}");
        }
    }

    /// <summary>The SQL the case compiles to for a dialect (for tests that check its shape).</summary>
    public string Sql(string dialect) => Cwf.Emit.SqlEmitter.Emit(_workflow, Cwf.Emit.Dialects.Find(dialect)!).Sql!;
}
