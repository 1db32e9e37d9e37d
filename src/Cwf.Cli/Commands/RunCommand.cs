using Cwf.Cli.CommandLine;
using Cwf.Cli.Progress;
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
/// with progress per step (<see cref="RunDisplay"/>) and a summary of the rows written.
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

        var run = RunDisplay.Show(cx, progress => Interpreter.Run(workflow, load.Tables, progress: progress));
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
            var failure = RunDisplay.Show(cx, progress => ServerScript.Execute(connection, statements, progress));
            if (failure?.CheckMessage is { } check)
            {
                cx.Error.WriteLine(check);
                return CheckFailed(cx);
            }
            if (failure is not null)
            {
                cx.Error.WriteLine($"cwf: the server rejected the statement at line {failure.Statement.Line} of the script: {failure.Error.Message}");
                cx.Error.WriteLine("nothing was written (the script runs in one transaction)");
                return ExitCodes.InputErrors;
            }
            foreach (var passed in workflow.Checks) cx.Error.WriteLine($"check {passed.Check}: passed");
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
}
