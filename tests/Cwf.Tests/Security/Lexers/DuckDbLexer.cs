namespace Cwf.Tests.Security.Lexers;

/// <summary>
/// DuckDB (its parser is PostgreSQL's; spec/dialects.md "Quoting rules"): '...' without backslash
/// escapes, E'...' with them except \u and \U (not implemented), "..." identifiers, $$ and $tag$
/// strings, -- and nested /* */ comments; no U&amp;'...' strings.
/// The compiler's DuckDB scripts run in process (DuckDB.NET), not through psql.
/// </summary>
public sealed class DuckDbLexer : WarehouseLexer
{
    public override string DialectName => "duckdb";

    protected override SqlToken Next(string sql, int start) => PostgresLexer.Standard(sql, start, new PostgresLexer.Rules(Psql: false, BackslashInPlainStrings: false, UnicodeEscapes: false));

    /// <summary>E'...' escapes only reach bytes below 0x80 (\u is not implemented): C1 controls and line separators can only be raw.</summary>
    public override bool MustEscape(char c) => c < ' ' || c == '\u007F';

    public override string? StringLiteral(string value) => PostgresLexer.EscapeStringLiteral(value);
}
