using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsCheck;
using Cwf.Diagnostics;
using Cwf.Emit;
using Cwf.Planning;
using Cwf.Tests.Generators;
using Cwf.Tests.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Cwf.Tests.Equivalence;

/// <summary>
/// Property: for random workflows over every IR operator and function (spatial and H3 included)
/// and random materialization plans (fitted to each dialect by the planner), the SQL of every
/// registered dialect, as a script and as queries, parses with its independent parser
/// (<see cref="IndependentParsers"/>: node-sql-parser, dt-sql-parser's Spark and Trino grammars,
/// through the documented <see cref="ParserGaps"/> only; DuckDB's own parser). A dialect without
/// one is listed as unchecked in the output, never checked with another dialect's parser. All
/// statements go to the parsers in one batch; a failing workflow is shrunk
/// (<see cref="Property.ShrinkAsync"/>).
/// </summary>
[EngineTest(Engine.Parser), EngineTest(Engine.DuckDb)]
public sealed class DialectParseTests(ITestOutputHelper output) : IDisposable
{
    private readonly DuckDbParser _duckDb = new();

    public void Dispose() => _duckDb.Dispose();

    private static readonly EmitMode[] Modes = [EmitMode.Script, EmitMode.Query];

    // Without data checks: PostgreSQL runs one as a DO block, Redshift as a temporary procedure and Snowflake as
    // EXECUTE IMMEDIATE, procedural statements node-sql-parser does not parse (spec/equivalence.md). Their SQL is
    // fixed by the check snapshots and run on PostgreSQL and DuckDB by the equivalence properties.
    private static Gen<EquivalenceCase> Cases => EquivalenceCases.Gen(GeneratorOptions.Everything with { Operators = GeneratedOperators.All & ~GeneratedOperators.Check });

    [Fact]
    public async Task The_SQL_of_every_dialect_parses()
    {
        var clock = Stopwatch.StartNew();
        var cases = EquivalenceCases.Batch(Cases, 2 * TestSettings.PropertyIterations, stream: 4);
        var failures = Problems(cases);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{cases.Count} workflows × {Dialects.All.Length} dialects × {Modes.Length} modes, {Statements} statements parsed ({ParserSeconds:F1} s in the parsers), {failures.Count} workflows failed, {clock.Elapsed.TotalSeconds:F1} s"));
        foreach (var dialect in Dialects.All.Where(d => !IndependentParsers.IsChecked(d)))
            output.WriteLine("unchecked: " + IndependentParsers.Unchecked(dialect));
        if (failures.Count == 0) return;
        var lines = failures.SelectMany(f => f.Problem.Split('\n').Select((l, i) => (Line: l, Next: f.Problem.Split('\n').ElementAtOrDefault(i + 1) ?? "")))
            .Where(x => x.Line.Contains("REJECTED") || x.Line.Contains("failed") || x.Line.StartsWith("duckdb", StringComparison.Ordinal));
        foreach (var kind in lines.GroupBy(x => EquivalenceCheck.Signature(x.Line)).OrderByDescending(g => g.Count()))
            output.WriteLine($"{kind.Count()} × {kind.First().Line[..Math.Min(160, kind.First().Line.Length)]}\n      {kind.First().Next}");

        var (first, smallest) = failures[0];
        var shrunk = await Property.ShrinkAsync(Cases, new Seeded<EquivalenceCase>(first.Seed, first), c =>
        {
            if (Problems([c]) is not [var (_, problem)]) return Task.FromResult(false);
            smallest = problem;
            return Task.FromResult(true);
        }, iterations: 300);
        throw new XunitException(
            $"{failures.Count} of {cases.Count} workflows emit SQL that does not parse. Seeds ({Property.SeedVariable}=<seed> replays one as the first case): " +
            $"{string.Join(", ", failures.Select(f => f.Case.Seed))}\n\n" +
            $"The smallest failing workflow found (seed {shrunk.Seed}):\n{smallest}");
    }

    private static bool Refusable(Diagnostic d) => d.Code == DiagnosticCodes.FunctionNotSupported.Code || d.Code == DiagnosticCodes.WindowNotSupported.Code;

    private int Statements;
    private double ParserSeconds;

    /// <summary>The workflows whose SQL some parser rejects (or whose emission failed), with a report each.</summary>
    private List<(EquivalenceCase Case, string Problem)> Problems(IReadOnlyList<EquivalenceCase> cases)
    {
        var reports = new Dictionary<int, StringBuilder>();
        StringBuilder Report(int i) => reports.TryGetValue(i, out var r) ? r : reports[i] = new StringBuilder();
        var statements = new List<(int Case, ParserDialect Dialect, string Sql)>();
        for (int i = 0; i < cases.Count; i++)
        {
            foreach (var dialect in Dialects.All)
            {
                foreach (var mode in Modes)
                {
                    var plan = Planner.Fit(cases[i].Plan, dialect.OptimizerTarget, singleQuery: mode == EmitMode.Query);
                    var emitted = SqlEmitter.Emit(cases[i].Workflow, dialect, new EmitOptions { Mode = mode, Plan = plan });
                    var errors = emitted.Diagnostics.Where(d => d.IsError).ToList();
                    // What a dialect may refuse: a function (Snowflake's st_touches) or a window (Redshift's LAG default) it cannot compute.
                    if (emitted.Sql is null || errors.Any(d => !Refusable(d)))
                    {
                        if (errors.Any(d => !Refusable(d)) || errors.Count == 0)
                            Report(i).Append($"{dialect.Name} {mode}: emission failed: {string.Join("; ", errors)}\n");
                        continue;
                    }
                    // Emitted, but parsed only where an independent parser exists (the output lists the others).
                    if (!IndependentParsers.IsChecked(dialect)) continue;
                    if (IndependentParsers.For(dialect) is { } parser)
                        statements.AddRange(parser.SplitStatements(emitted.Sql).Select(s => (i, parser, s.Text)));
                    else if (_duckDb.Error(emitted.Sql) is { } error)
                        Report(i).Append($"duckdb {mode}: {error}\n---- SQL\n{emitted.Sql}\n");
                }
            }
        }
        Statements += statements.Count;
        var clock = Stopwatch.StartNew();
        var verdicts = SqlParsers.Check([.. statements.Select(s => (s.Dialect, s.Sql))]);
        ParserSeconds += clock.Elapsed.TotalSeconds;
        for (int k = 0; k < verdicts.Count; k++)
            if (!verdicts[k].Ok) Report(statements[k].Case).Append(verdicts[k]).Append('\n');
        return [.. reports.OrderBy(r => r.Key).Select(r => (cases[r.Key], $"{r.Value}---- workflow\n{cases[r.Key]}"))];
    }
}
