using System.Diagnostics;
using Cwf.Emit.Scripts;
using Cwf.Interpretation;
using Npgsql;

namespace Cwf.Cli.Commands;

/// <summary>
/// <c>cwf run --connection</c>'s statements, executed one by one on an open PostgreSQL connection, each a
/// step of the run's progress (its first line, the rows it changed, its time). The script holds its own
/// transaction, so the first failure ends it with nothing written.
/// </summary>
internal static class ServerScript
{
    /// <summary>Why the script stopped: a data check (the script raised check_violation) or any other error of the server.</summary>
    public sealed record Failure(SqlStatement Statement, NpgsqlException Error)
    {
        /// <summary>The failed check's message (<c>check t.rows between 1 and 10 failed: 0 rows</c>); null for any other error.</summary>
        public string? CheckMessage => Error is PostgresException { SqlState: PostgresErrorCodes.CheckViolation } e && e.MessageText.StartsWith("check ", StringComparison.Ordinal)
            ? e.MessageText : null;
    }

    /// <summary>Runs every statement; null when all succeeded, else the one that failed.</summary>
    public static Failure? Execute(NpgsqlConnection connection, IReadOnlyList<SqlStatement> statements, IRunProgress progress)
    {
        for (int i = 0; i < statements.Count; i++)
        {
            var statement = statements[i];
            var step = new RunStep(i + 1, statements.Count, Summary(statement.Text));
            progress.StepStarted(step);
            long started = Stopwatch.GetTimestamp();
            int rows;
            try
            {
                using var command = new NpgsqlCommand(statement.Text, connection) { CommandTimeout = 0 };
                rows = command.ExecuteNonQuery();
            }
            catch (NpgsqlException e)
            {
                progress.StepFailed(step, Stopwatch.GetElapsedTime(started));
                return new Failure(statement, e);
            }
            // DDL and transaction control say -1: no row count.
            progress.StepFinished(step, rows >= 0 ? rows : null, Stopwatch.GetElapsedTime(started));
        }
        return null;
    }

    /// <summary>A statement's first line, cut to 70 characters.</summary>
    private static string Summary(string statement)
    {
        var first = statement.Split('\n', 2)[0].Trim();
        return first.Length <= 70 ? first : first[..67] + "...";
    }
}
