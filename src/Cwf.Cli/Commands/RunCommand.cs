using System.Diagnostics;
using Cwf.Cli.CommandLine;
using Cwf.Diagnostics;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Emit.Scripts;
using Cwf.Interpretation;
using Cwf.Interpretation.Data;
using Cwf.Ir;
using Npgsql;

namespace Cwf.Cli.Commands;

/// <summary>
/// <c>cwf run</c>: executes a workflow, either in process with the reference interpreter over data
/// files (--data), or by compiling it for PostgreSQL and running the script on a server (--connection),
/// with a line of progress per step and a summary of the rows written.
/// </summary>
internal static class RunCommand
{
    public static int Run(CliContext cx)
    {
        var data = cx.Command.Value("data");
        var connection = cx.Command.Value("connection");
        if ((data is null) == (connection is null))
            throw new UsageException("give exactly one of --data <dir> or --connection <connection string>", Help.UsageLine(cx.Command.Spec));
        if (data is not null && !Directory.Exists(data))
            throw new UsageException($"no such data folder '{data}'");

        var (workflow, diagnostics) = WorkflowLoader.LoadWithParameters(cx);
        cx.Report(diagnostics);
        if (workflow is null) return ExitCodes.InputErrors;
        return data is not null ? RunInProcess(cx, workflow, data) : RunOnServer(cx, workflow, connection!);
    }

    private static int RunInProcess(CliContext cx, Workflow workflow, string dataDirectory)
    {
        // Before the data is read: nothing of a workflow that calls an external service runs in process.
        var refused = ExternalServices.Refusals(workflow);
        cx.Report(refused);
        if (!refused.IsEmpty) return ExitCodes.InputErrors;

        var load = DataDirectory.Load(dataDirectory, workflow);
        cx.Report(load.Diagnostics);
        if (!load.Succeeded) return ExitCodes.InputErrors;

        var progress = new SynchronousProgress<StepProgress>(p =>
            cx.Error.WriteLine($"[{p.Completed}/{p.Total}] {p.Operator} {Quote(p.NodeName)}: {p.Rows:N0} rows"));
        var run = Interpreter.Run(workflow, load.Tables, progress: progress);
        cx.Report(run.Diagnostics);
        foreach (var check in run.Checks)
            cx.Error.WriteLine(check.Passed ? $"check {check.Check}: passed" : $"check {check.Check}: failed ({check.Measure:N0} rows)");
        if (!run.Succeeded)
        {
            // Only failed checks: the outputs are computed but not written, as the script's transaction rolls back on a warehouse.
            if (!run.Diagnostics.Any(d => d.IsError && d.Code != DiagnosticCodes.CheckFailed.Code)) return CheckFailed(cx);
            return ExitCodes.InputErrors;
        }

        var outDirectory = cx.Command.Value("out") ?? dataDirectory;
        var format = DataFormats.Parse(cx.Command.Value("out-format") ?? "csv") ?? DataFormat.Csv;
        Directory.CreateDirectory(outDirectory);
        var written = DataDirectory.Write(outDirectory, run.Outputs, format);
        cx.Report(written);
        if (written.Any(d => d.IsError)) return ExitCodes.InputErrors;
        foreach (var (name, table) in run.Outputs.Tables.OrderBy(t => t.Name.ToString(), StringComparer.Ordinal))
            cx.Error.WriteLine($"wrote {name}: {table.Rows.Count:N0} rows");
        return ExitCodes.Success;
    }

    private static int RunOnServer(CliContext cx, Workflow workflow, string connectionString)
    {
        var dialect = Dialects.Find("postgres")!;
        var compiled = Compiler.Compile(workflow, new CompileOptions(dialect) { ReplaceStrategy = CompileCommand.ReplaceStrategyOption(cx), Toolbox = cx.Toolbox() });
        cx.Report(compiled.Diagnostics);
        if (compiled.Sql is null || compiled.HasErrors) return ExitCodes.InputErrors;
        var statements = SqlStatementSplitter.Split(compiled.Sql, dialect.LexicalRules);

        NpgsqlConnection connection;
        try
        {
            connection = new NpgsqlConnection(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"invalid connection string: {e.Message}");
        }
        using (connection)
        {
            try
            {
                connection.Open();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException)
            {
                cx.Error.WriteLine($"cwf: cannot connect to PostgreSQL: {e.Message}");
                return ExitCodes.InputErrors;
            }
            for (int i = 0; i < statements.Count; i++)
            {
                var statement = statements[i];
                var clock = Stopwatch.StartNew();
                try
                {
                    using var command = new NpgsqlCommand(statement.Text, connection) { CommandTimeout = 0 };
                    int rows = command.ExecuteNonQuery();
                    cx.Error.WriteLine($"[{i + 1}/{statements.Count}] {Summary(statement.Text)}{(rows >= 0 ? $": {rows:N0} rows" : "")} ({clock.Elapsed.TotalSeconds:F2} s)");
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.CheckViolation && e.MessageText.StartsWith("check ", StringComparison.Ordinal))
                {
                    cx.Error.WriteLine($"[{i + 1}/{statements.Count}] {e.MessageText}");
                    return CheckFailed(cx);
                }
                catch (NpgsqlException e)
                {
                    cx.Error.WriteLine($"[{i + 1}/{statements.Count}] {Summary(statement.Text)}: failed");
                    cx.Error.WriteLine($"cwf: the server rejected the statement at line {statement.Line} of the script: {e.Message}");
                    cx.Error.WriteLine("nothing was written (the script runs in one transaction)");
                    return ExitCodes.InputErrors;
                }
            }
            foreach (var check in workflow.Checks) cx.Error.WriteLine($"check {check.Check}: passed");
            foreach (var sink in workflow.Sinks.DistinctBy(s => s.Table.ToString()))
            {
                using var count = new NpgsqlCommand($"SELECT count(*) FROM {dialect.TableName(dialect.KeptParts(sink.Table))}", connection);
                cx.Error.WriteLine($"wrote {sink.Table}: {Convert.ToInt64(count.ExecuteScalar()):N0} rows ({sink.Mode.ToString().ToLowerInvariant()})");
            }
        }
        return ExitCodes.Success;
    }

    private static int CheckFailed(CliContext cx)
    {
        cx.Error.WriteLine("nothing was written: a data check failed");
        return ExitCodes.DataCheckFailed;
    }

    private static string Summary(string statement)
    {
        var first = statement.Split('\n', 2)[0].Trim();
        return first.Length <= 70 ? first : first[..67] + "...";
    }

    private static string Quote(string name) => name.Length == 0 ? "(unnamed)" : $"'{name}'";

    /// <summary>Reports on the calling thread, in order (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
