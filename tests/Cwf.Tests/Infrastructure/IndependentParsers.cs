using Cwf.Emit;
using Cwf.Tests.Equivalence;

namespace Cwf.Tests.Infrastructure;

/// <summary>
/// How the SQL of each registered dialect is checked by a parser that is not cwf's: one of
/// tests/sqlcheck (<see cref="ParserDialect"/>), or DuckDB's own, which runs in process. A dialect
/// with neither is unchecked: the tests say so (a skipped test, a listed "unchecked" result) and
/// never check it with another dialect's parser.
/// </summary>
public static class IndependentParsers
{
    /// <summary>The tests/sqlcheck parser of <paramref name="dialect"/>, or null.</summary>
    public static ParserDialect? For(Dialect dialect) =>
        ParserDialects.All.Cast<ParserDialect?>().FirstOrDefault(p => p!.Value.DialectName() == dialect.Name);

    /// <summary>Whether DuckDB's own parser checks the dialect's SQL (DuckDB is the engine the tests embed).</summary>
    public static bool ParsedByDuckDb(Dialect dialect) => dialect.Name == "duckdb";

    public static bool IsChecked(Dialect dialect) => For(dialect) is not null || ParsedByDuckDb(dialect);

    /// <summary>Why a dialect's SQL is not parsed, for skips and reports.</summary>
    public static string Unchecked(Dialect dialect) =>
        $"{dialect.DisplayName} has no independent parser (tests/sqlcheck or an engine in process): its SQL is unchecked";

    /// <summary>Fails the test unless every statement of <paramref name="script"/> parses; skips it for an unchecked dialect.</summary>
    public static void AssertParses(Dialect dialect, string script)
    {
        if (For(dialect) is { } parser)
        {
            SqlParsers.AssertScriptParses(parser, script);
            return;
        }
        Skip.IfNot(ParsedByDuckDb(dialect), Unchecked(dialect));
        using var duckDb = new DuckDbParser();
        Assert.Null(duckDb.Error(script));
    }
}
