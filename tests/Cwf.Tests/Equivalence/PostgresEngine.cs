using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Cwf.Emit;
using Cwf.Ir;
using Cwf.Tests.Infrastructure;
using Npgsql;

namespace Cwf.Tests.Equivalence;

/// <summary>
/// PostgreSQL + PostGIS on the test server. A batch runs in one database: the inputs are loaded
/// with COPY, the cases' scripts run through one psql call (ON_ERROR_STOP; a failing case is
/// found from psql's line number, and the run goes on after it), and every output is read back.
/// </summary>
public sealed partial class PostgresEngine(PgDatabase database) : IEquivalenceEngine
{
    public Dialect Dialect { get; } = Dialects.Find("postgres")!;

    public PgDatabase Database => database;

    public bool Stores(SqlType type, string engineType) => engineType == type switch
    {
        SqlType.Int64 => "bigint",
        SqlType.Float64 => "double precision",
        SqlType.Decimal => "numeric",
        SqlType.String => "text",
        SqlType.Bool => "boolean",
        SqlType.Date => "date",
        SqlType.Timestamp => "timestamp without time zone",
        SqlType.Geography => "public.geometry",
        _ => "?",
    };

    public async Task<IReadOnlyList<EngineOutcome>> RunAsync(IReadOnlyList<PreparedCase> cases)
    {
        foreach (var c in cases.Where(c => c.Problem is null))
            foreach (var table in c.Isolated.InputTables)
                await database.LoadTableAsync(table);

        var errors = await RunScriptsAsync(cases);
        var outcomes = new List<EngineOutcome>(cases.Count);
        for (int i = 0; i < cases.Count; i++)
        {
            if (cases[i].Problem is not null) outcomes.Add(EngineOutcome.Failed("not run"));
            else if (errors.TryGetValue(i, out var error)) outcomes.Add(EngineOutcome.Failed(error));
            else outcomes.Add(await ReadOutputsAsync(cases[i]));
        }
        return outcomes;
    }

    /// <summary>Runs the scripts in order in as few psql calls as possible; returns the error of each case that failed.</summary>
    private async Task<Dictionary<int, string>> RunScriptsAsync(IReadOnlyList<PreparedCase> cases)
    {
        var errors = new Dictionary<int, string>();
        int next = 0;
        while (next < cases.Count)
        {
            var script = new StringBuilder();
            var firstLine = new List<(int Case, int Line)>();
            int line = 1;
            for (int i = next; i < cases.Count; i++)
            {
                if (cases[i].Sql is not { } sql) continue;
                firstLine.Add((i, line));
                var text = sql.EndsWith('\n') ? sql : sql + "\n";
                script.Append(text);
                line += text.Count(ch => ch == '\n');
            }
            if (firstLine.Count == 0) break;
            var result = await database.RunPsqlAsync(script.ToString());
            if (result.Succeeded) break;
            var match = ErrorLine().Match(result.StandardError);
            if (!match.Success)
                throw new InvalidOperationException($"psql failed without naming a line (exit {result.ExitCode}):\n{result.StandardError}");
            int failedLine = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            int failed = firstLine.Last(f => f.Line <= failedLine).Case;
            errors[failed] = "PostgreSQL failed: " + result.StandardError[match.Index..].Trim();
            next = failed + 1;
        }
        return errors;
    }

    private async Task<EngineOutcome> ReadOutputsAsync(PreparedCase c)
    {
        var tables = new Dictionary<string, RowSet>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in c.Isolated.Outputs)
        {
            try
            {
                tables[name.ToString()] = await database.ReadTableAsync(name.ToString());
            }
            catch (PostgresException e)
            {
                return EngineOutcome.Failed($"reading {name}: {e.MessageText}");
            }
        }
        return new EngineOutcome(null, tables);
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [GeneratedRegex(@"psql:<stdin>:(\d+): ERROR:")]
    private static partial Regex ErrorLine();
}
