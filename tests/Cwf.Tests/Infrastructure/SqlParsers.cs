using Cwf.Emit.Scripts;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Xunit.Sdk;

namespace Cwf.Tests.Infrastructure;

public enum ParserOutcome
{
    /// <summary>The parser accepted the statement as written.</summary>
    Accepted,

    /// <summary>The parser rejected it, and accepted it after the rewrites of known gaps (<see cref="ParserVerdict.GapsUsed"/>).</summary>
    AcceptedThroughGaps,

    Rejected,
}

/// <summary>An independent parser's verdict on one statement.</summary>
public sealed record ParserVerdict(
    ParserDialect Dialect,
    string Statement,
    ParserOutcome Outcome,
    string? Error,
    IReadOnlyList<ParserGap> GapsUsed,
    string? CheckedAs,
    int Line = 0)
{
    public bool Ok => Outcome != ParserOutcome.Rejected;

    public override string ToString()
    {
        var where = Line > 0 ? $" (line {Line})" : "";
        return Outcome switch
        {
            ParserOutcome.Accepted => $"{Dialect}{where}: accepted",
            ParserOutcome.AcceptedThroughGaps => $"{Dialect}{where}: accepted through known gaps [{string.Join(", ", GapsUsed.Select(g => g.Id))}]",
            _ => $"{Dialect}{where}: REJECTED: {Error}\n    statement: {Statement}" +
                 (CheckedAs is null ? "" : $"\n    after the rewrites of [{string.Join(", ", GapsUsed.Select(g => g.Id))}]: {CheckedAs}"),
        };
    }
}

/// <summary>
/// Checks SQL with independent parsers (tests/sqlcheck/check.mjs): node-sql-parser for BigQuery,
/// Snowflake, Redshift and PostgreSQL, dt-sql-parser's Spark SQL grammar for Databricks. One node
/// process serves the whole test run (batches of statements as JSON lines), installed with
/// <c>npm ci</c> on first use when scripts/test.sh has not done it. A statement the parser rejects
/// is retried with the rewrites of the known gaps that match it (<see cref="ParserGaps"/>); the
/// verdict says which were used.
/// </summary>
public static class SqlParsers
{
    /// <summary>Splits a script into statements and checks each one.</summary>
    public static IReadOnlyList<ParserVerdict> CheckScript(ParserDialect dialect, string script)
    {
        var statements = dialect.SplitStatements(script);
        var verdicts = Check(statements.Select(s => (dialect, s.Text)).ToList());
        return verdicts.Select((v, i) => v with { Line = statements[i].Line }).ToList();
    }

    /// <summary>Fails the test, listing every rejected statement, unless each statement of the script parses.</summary>
    public static IReadOnlyList<ParserVerdict> AssertScriptParses(ParserDialect dialect, string script)
    {
        var verdicts = CheckScript(dialect, script);
        if (verdicts.Count == 0) throw new XunitException($"The {dialect} script holds no statement.");
        var rejected = verdicts.Where(v => !v.Ok).ToList();
        if (rejected.Count > 0)
        {
            throw new XunitException(
                $"{rejected.Count} of {verdicts.Count} {dialect} statements do not parse:\n" +
                string.Join("\n", rejected.Select(v => "  " + v)));
        }
        return verdicts;
    }

    /// <summary>Checks single statements, the known gaps included.</summary>
    public static IReadOnlyList<ParserVerdict> Check(IReadOnlyList<(ParserDialect Dialect, string Statement)> statements)
    {
        var first = ParseRaw(statements);
        var verdicts = new ParserVerdict?[statements.Count];
        var retries = new List<(int Index, IReadOnlyList<ParserGap> Gaps, string Rewritten)>();
        for (int i = 0; i < statements.Count; i++)
        {
            var (dialect, statement) = statements[i];
            if (first[i].Ok)
            {
                verdicts[i] = new ParserVerdict(dialect, statement, ParserOutcome.Accepted, null, [], null);
                continue;
            }
            var gaps = ParserGaps.All.Where(g => g.AppliesTo(dialect, statement)).ToList();
            if (gaps.Count == 0)
            {
                verdicts[i] = new ParserVerdict(dialect, statement, ParserOutcome.Rejected, first[i].Error, [], null);
                continue;
            }
            var rewritten = gaps.Aggregate(statement, (sql, gap) => gap.Rewrite(dialect, sql));
            retries.Add((i, gaps, rewritten));
        }

        var second = ParseRaw(retries.Select(r => (statements[r.Index].Dialect, r.Rewritten)).ToList());
        for (int j = 0; j < retries.Count; j++)
        {
            var (index, gaps, rewritten) = retries[j];
            var (dialect, statement) = statements[index];
            verdicts[index] = second[j].Ok
                ? new ParserVerdict(dialect, statement, ParserOutcome.AcceptedThroughGaps, null, gaps, rewritten)
                : new ParserVerdict(dialect, statement, ParserOutcome.Rejected, $"{first[index].Error} (after the gap rewrites: {second[j].Error})", gaps, rewritten);
        }
        return verdicts.Select(v => v!).ToList();
    }

    /// <summary>The parsers' own verdicts, without the known gaps.</summary>
    public static IReadOnlyList<(bool Ok, string? Error)> ParseRaw(IReadOnlyList<(ParserDialect Dialect, string Statement)> statements)
    {
        EngineGuard.Require(Engine.Parser);
        if (statements.Count == 0) return [];
        var request = statements.Select(s => new CheckRequest(s.Dialect.CheckerName(), s.Statement)).ToList();
        var answer = Checker.Ask(JsonSerializer.Serialize(request, JsonOptions));
        var results = JsonSerializer.Deserialize<List<CheckAnswer>>(answer, JsonOptions);
        if (results is null || results.Count != statements.Count)
            throw new InvalidOperationException($"tests/sqlcheck/check.mjs answered {results?.Count ?? 0} results for {statements.Count} statements: {answer}");
        return results.Select(r => (r.Ok, r.Error)).ToList();
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private sealed record CheckRequest(string Dialect, string Sql);

    private sealed record CheckAnswer(bool Ok, string? Error);

    /// <summary>The node process, started on first use and ended with the test process.</summary>
    private static class Checker
    {
        private static readonly object Gate = new();
        private static readonly string Directory = RepoPaths.Combine("tests", "sqlcheck");
        private static Process? _process;
        private static readonly StringBuilder Diagnostics = new();

        public static string Ask(string requestLine)
        {
            lock (Gate)
            {
                var process = _process ??= Start();
                process.StandardInput.WriteLine(requestLine);
                process.StandardInput.Flush();
                var line = process.StandardOutput.ReadLine();
                if (line is null || line.StartsWith("{\"fatal\"", StringComparison.Ordinal))
                {
                    _process = null;
                    process.Kill(entireProcessTree: true);
                    string stderr;
                    lock (Diagnostics) stderr = Diagnostics.ToString();
                    throw new InvalidOperationException($"tests/sqlcheck/check.mjs failed: {line ?? "it exited"}\n{stderr}");
                }
                return line;
            }
        }

        private static Process Start()
        {
            EnsureInstalled();
            var start = new ProcessStartInfo("node", ["check.mjs"])
            {
                WorkingDirectory = Directory,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardInputEncoding = new UTF8Encoding(false),
                StandardOutputEncoding = Encoding.UTF8,
            };
            var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                lock (Diagnostics) Diagnostics.AppendLine(e.Data);
            };
            process.BeginErrorReadLine();
            // The process ends when its input closes; this makes sure it does when the tests end.
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            };
            return process;
        }

        /// <summary>scripts/test.sh installs the parsers; a bare `dotnet test` installs them here.</summary>
        private static void EnsureInstalled()
        {
            if (File.Exists(Path.Combine(Directory, "node_modules", ".package-lock.json"))) return;
            var npm = ProcessRunner.RunAsync(Engine.Parser, "npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], workingDirectory: Directory, timeout: TimeSpan.FromMinutes(5))
                .GetAwaiter().GetResult();
            if (npm.ExitCode != 0)
                throw new InvalidOperationException($"npm ci in tests/sqlcheck failed (exit {npm.ExitCode}):\n{npm.StandardError}");
        }
    }
}
