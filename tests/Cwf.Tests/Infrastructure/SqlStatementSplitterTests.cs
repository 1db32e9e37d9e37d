using Cwf.Emit.Scripts;
namespace Cwf.Tests.Infrastructure;

public sealed class SqlStatementSplitterTests
{
    private static string[] Split(string script, ParserDialect dialect) =>
        dialect.SplitStatements(script).Select(s => s.Text).ToArray();

    [Fact]
    public void Semicolons_in_literals_identifiers_and_comments_do_not_split()
    {
        var script = """
            -- setup; not a statement
            SELECT 'a;b', 'it''s;' AS "x;y";
            /* block; comment */ SELECT 2;
            """;

        Assert.Equal(["-- setup; not a statement\nSELECT 'a;b', 'it''s;' AS \"x;y\"", "/* block; comment */ SELECT 2"], Split(script.ReplaceLineEndings("\n"), ParserDialect.Postgres));
    }

    [Fact]
    public void Dollar_quoted_bodies_are_one_literal()
    {
        var script = "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; SELECT 2; $body$ LANGUAGE sql; SELECT $$a;b$$; SELECT a$b FROM t";

        Assert.Equal(
            ["CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; SELECT 2; $body$ LANGUAGE sql", "SELECT $$a;b$$", "SELECT a$b FROM t"],
            Split(script, ParserDialect.Postgres));
    }

    [Fact]
    public void Backslash_escapes_follow_the_dialect()
    {
        // BigQuery: \' escapes the quote, so the first literal runs to the second quote.
        Assert.Equal(["SELECT 'a\\';b'", "SELECT 2"], Split("SELECT 'a\\';b'; SELECT 2", ParserDialect.BigQuery));
        // PostgreSQL: a plain string ends at the quote after the backslash; E'' strings take escapes.
        Assert.Equal(["SELECT 'a\\'", "b'; SELECT 2"], Split("SELECT 'a\\';b'; SELECT 2", ParserDialect.Postgres));
        Assert.Equal(["SELECT E'a\\';b'", "SELECT 2"], Split("SELECT E'a\\';b'; SELECT 2", ParserDialect.Postgres));
    }

    [Fact]
    public void Dialect_comments_and_quotes_are_respected()
    {
        Assert.Equal(["SELECT `a;b` # c;d\nFROM t", "SELECT '''x;y'''"], Split("SELECT `a;b` # c;d\nFROM t; SELECT '''x;y''';", ParserDialect.BigQuery));
        Assert.Equal(["SELECT 1 // a;b", "SELECT 2"], Split("SELECT 1 // a;b\n; SELECT 2", ParserDialect.Snowflake));
        Assert.Equal(["SELECT /* a /* nested; */ b; */ 1"], Split("SELECT /* a /* nested; */ b; */ 1;", ParserDialect.Postgres));
    }

    [Fact]
    public void Empty_statements_and_comment_only_tails_are_dropped_and_lines_are_kept()
    {
        var statements = ParserDialect.Postgres.SplitStatements(";;\nSELECT 1;\n\n  SELECT 2; -- the end\n");

        Assert.Equal(["SELECT 1", "SELECT 2"], statements.Select(s => s.Text));
        Assert.Equal([2, 4], statements.Select(s => s.Line));
    }

    [Fact]
    public void An_unterminated_literal_runs_to_the_end()
    {
        Assert.Equal(["SELECT 'open; SELECT 2;"], Split("SELECT 'open; SELECT 2;", ParserDialect.Postgres));
    }
}
