using Cwf.Emit;
using Cwf.Ir;
using Cwf.Tests.Infrastructure;
using DuckDB.NET.Data;

namespace Cwf.Tests.Equivalence;

/// <summary>
/// DuckDB in process (DuckDB.NET), without its spatial extension (it cannot be installed here), so
/// for workflows without geography. A batch shares one in-memory database; each case's script
/// runs on its own, so a failure is the case's.
/// </summary>
public sealed class DuckDbEngine : IEquivalenceEngine
{
    private readonly DuckDbRunner _duck = new();

    public Dialect Dialect { get; } = Dialects.Find("duckdb")!;

    /// <summary>Any DECIMAL for decimal: pass-through columns keep the precision and scale of their table, and DECIMAL arithmetic its own.</summary>
    public bool Stores(SqlType type, string engineType) => type == SqlType.Decimal ? engineType.StartsWith("DECIMAL(", StringComparison.Ordinal) : engineType == type switch
    {
        SqlType.Int64 => "BIGINT",
        SqlType.Float64 => "DOUBLE",
        SqlType.String => "VARCHAR",
        SqlType.Bool => "BOOLEAN",
        SqlType.Date => "DATE",
        SqlType.Timestamp => "TIMESTAMP",
        _ => "?",
    };

    public Task<IReadOnlyList<EngineOutcome>> RunAsync(IReadOnlyList<PreparedCase> cases)
    {
        var outcomes = new List<EngineOutcome>(cases.Count);
        foreach (var c in cases)
        {
            if (c.Problem is not null || c.Sql is null)
            {
                outcomes.Add(EngineOutcome.Failed("not run"));
                continue;
            }
            foreach (var table in c.Isolated.InputTables) _duck.LoadTable(table);
            var run = _duck.RunScript(c.Sql);
            if (!run.Succeeded) _duck.RunScript("ROLLBACK"); // a failed statement leaves the script's transaction open and aborted
            outcomes.Add(run.Succeeded ? ReadOutputs(c) : EngineOutcome.Failed("DuckDB failed: " + run.Error));
        }
        return Task.FromResult<IReadOnlyList<EngineOutcome>>(outcomes);
    }

    private EngineOutcome ReadOutputs(PreparedCase c)
    {
        var tables = new Dictionary<string, RowSet>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in c.Isolated.Outputs)
        {
            try
            {
                var rows = _duck.ReadTable(name.ToString());
                // The reader's type names are .NET's (Decimal); the catalog's say DECIMAL(38,9).
                var types = _duck.Query(
                    $"SELECT data_type FROM information_schema.columns WHERE table_schema = '{name.Schema}' AND table_name = '{name.Table}' ORDER BY ordinal_position");
                tables[name.ToString()] = new RowSet(rows.Columns, rows.Rows, [.. types.Rows.Select(r => (string)r[0]!)]);
            }
            catch (DuckDBException e)
            {
                return EngineOutcome.Failed($"reading {name}: {e.Message}");
            }
        }
        return new EngineOutcome(null, tables);
    }

    public ValueTask DisposeAsync()
    {
        _duck.Dispose();
        return ValueTask.CompletedTask;
    }
}
