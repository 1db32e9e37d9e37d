using Cwf.Emit;
using Cwf.Ir;

namespace Cwf.Tests.Equivalence;

/// <summary>A case ready to run on an engine: isolated in its schema, compiled for the engine's dialect, and its expected outputs.</summary>
/// <param name="FailedChecks">The data checks the interpreter fails: the script must stop on one of them, naming it.</param>
public sealed record PreparedCase(IsolatedCase Isolated, string Dialect, string? Sql, IReadOnlyList<ExpectedOutput> Expected, string? Problem,
    IReadOnlyList<string> FailedChecks)
{
    public EquivalenceCase Case => Isolated.Case;

    /// <summary>Interprets the case and emits it in script mode with the case's materialization plan.</summary>
    public static PreparedCase Create(EquivalenceCase c, string schema, Dialect dialect)
    {
        var isolated = IsolatedCase.Create(c, schema);
        var (expected, interpreterError) = ExpectedOutput.Compute(isolated, out var failedChecks);
        var emitted = SqlEmitter.Emit(isolated.Workflow, dialect, new EmitOptions { Mode = EmitMode.Script, Plan = c.Plan });
        string? problem = interpreterError;
        if (emitted.Sql is null)
            problem = $"{dialect.DisplayName} emission failed:\n  " + string.Join("\n  ", emitted.Diagnostics.Where(d => d.IsError));
        return new PreparedCase(isolated, dialect.DisplayName, emitted.Sql, expected ?? [], problem, failedChecks);
    }
}

/// <summary>What an engine did with one case: the error that stopped its script, or the tables it wrote.</summary>
public sealed record EngineOutcome(string? Error, IReadOnlyDictionary<string, Infrastructure.RowSet> Tables)
{
    public static EngineOutcome Failed(string error) => new(error, new Dictionary<string, Infrastructure.RowSet>());
}

/// <summary>An engine the compiled SQL runs on: it loads the cases' inputs, runs their scripts and reads their outputs back.</summary>
public interface IEquivalenceEngine : IAsyncDisposable
{
    Dialect Dialect { get; }

    /// <summary>Whether a column of the engine's type (as its catalog or reader names it) holds the IR type as the dialect stores it.</summary>
    bool Stores(SqlType type, string engineType);

    /// <summary>Runs every case (each in its own schema) and returns one outcome per case, in order.</summary>
    Task<IReadOnlyList<EngineOutcome>> RunAsync(IReadOnlyList<PreparedCase> cases);
}
