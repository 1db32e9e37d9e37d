using Cwf.Emit;
using Cwf.Ir;
using Cwf.Tests.Infrastructure;
using Cwf.Tests.Security.Lexers;
using Xunit.Abstractions;
using CsCheck;

namespace Cwf.Tests.Security;

/// <summary>
/// The independent warehouse lexers that judge the compiler's output read SQL as the warehouses
/// document it (spec/dialects.md "Quoting rules"). For PostgreSQL and DuckDB the engines
/// themselves confirm the values the lexers decode (<see cref="PostgresLexerEngineTests"/>,
/// <see cref="DuckDbLexerEngineTests"/>).
/// </summary>
public sealed class WarehouseLexerTests(ITestOutputHelper output)
{
    [Fact]
    public void The_seven_warehouses_are_checked_by_their_own_lexers_and_any_other_dialect_is_listed_unchecked()
    {
        string[] warehouses = ["bigquery", "snowflake", "redshift", "databricks", "postgres", "duckdb", "trino"];
        foreach (var name in warehouses) Assert.Equal(name, WarehouseLexers.For(Dialects.Find(name)!).DialectName);
        Assert.Equal(Dialects.All.Length, WarehouseLexers.Checked.Count + WarehouseLexers.Unchecked.Count);
        foreach (var dialect in WarehouseLexers.Unchecked)
            output.WriteLine($"unchecked: no independent lexer reads the SQL of '{dialect.Name}' (add one under tests/Cwf.Tests/Security/Lexers)");
    }

    [Theory]
    [InlineData("postgres", "SELECT 'it''s', 'a\\b';", "SELECT S[it's] , S[a\\b] ;")]
    [InlineData("postgres", "E'a\\'b\\\\c\\n\\x41\\101\\u00e9'", "S[a'b\\c\\u000AAAé]")]
    [InlineData("postgres", "e'it''s'", "S[it's]")]
    [InlineData("postgres", "E'\\000'", "ERR ERR")]
    [InlineData("postgres", "\"a\"\"b\" \"\"", "I[a\"b] ERR")]
    [InlineData("postgres", "$t$ it's $$ $t$ $1 $$x$$", "D[ it's $$ ] $1 D[x]")]
    [InlineData("postgres", "a -- c \\! ls\rDROP", "a C[ c \\! ls] DROP")]
    [InlineData("postgres", "/* a /* b */ c */ d", "C[ a /* b */ c ] d")]
    [InlineData("postgres", "x \\! ls\ny", "x ERR y")]
    [InlineData("postgres", "x::int, :ON_ERROR_STOP", "x : : int , ERR")]
    [InlineData("postgres", "U&'\\0041\\+000042\\\\'", "S[AB\\]")]
    [InlineData("postgres", "'a\0b'", "ERR")]
    [InlineData("redshift", "'it''s \\' \\\\'", "S[it's ' \\]")]
    [InlineData("redshift", "'a\\'", "ERR")]
    [InlineData("redshift", "AS $$ BEGIN END $$", "AS D[ BEGIN END ]")]
    [InlineData("duckdb", "'a\\', E'b\\'c', $q$x$q$", "S[a\\] , S[b'c] , D[x]")]
    [InlineData("duckdb", "x \\ y", "x \\ y")]
    [InlineData("snowflake", "'it''s \\' \\\\ \\x41\\101\\u00e9\\q'", "S[it's ' \\ AAéq]")]
    [InlineData("snowflake", "x // c \\\ny -- d\rz", "x C[ c \\] y C[ d] z")]
    [InlineData("snowflake", "/* a /* b */ c */", "C[ a /* b ] c * /")]
    [InlineData("snowflake", "$$ it's $$ \"a\"\"b\"", "D[ it's ] I[a\"b]")]
    [InlineData("bigquery", "'it\\'s' \"say \\\"hi\\\"\" '\\x41\\101\\u00e9'", "S[it's] S[say \"hi\"] S[AAé]")]
    [InlineData("bigquery", "'it''s'", "S[it] S[s]")]
    [InlineData("bigquery", "'a\nb'", "ERR ERR")]
    [InlineData("bigquery", "'''two\nlines''' r'\\d\\'' b'x'", "S[two\\u000Alines] S[\\d\\'] S[x]")]
    [InlineData("bigquery", "'\\q'", "ERR ERR")]
    [InlineData("bigquery", "`a\\`b` # c\r-- d\n/* e */", "I[a`b] C[ c] C[ d] C[ e ]")]
    [InlineData("databricks", "'it\\'s' \"a\\\"b\" '\\%\\_\\Z\\q'", "S[it's] S[a\"b] S[\\%\\_\\u001Aq]")]
    [InlineData("databricks", "'it''s'", "S[it] S[s]")]
    [InlineData("databricks", "`a``b` r'\\' /* a /* b */ c */", "I[a`b] S[\\] C[ a /* b */ c ]")]
    [InlineData("trino", "SELECT 'it''s', 'a\\b\nc';", "SELECT S[it's] , S[a\\b\\u000Ac] ;")]
    [InlineData("trino", "U&'\\0041\\+000042\\\\' u&'x'", "S[AB\\] S[x]")]
    [InlineData("trino", "U&'!0041!!' UESCAPE '!' x", "S[A!] x")]
    [InlineData("trino", "U&'\\D800' U&'\\00' U&'\\q'", "ERR ERR ERR")]
    [InlineData("trino", "\"a\"\"b\" \"\" `c`", "I[a\"b] ERR ERR")]
    [InlineData("trino", "a -- c\rDROP /* a /* b */ c */", "a C[ c] DROP C[ a /* b ] c * /")]
    [InlineData("trino", "X'00ff' \f", "S[00ff] \u000C")]
    public void Tokens_follow_the_documented_rules(string dialect, string sql, string expected) =>
        Assert.Equal(expected, Summary(WarehouseLexers.Find(dialect)!, sql));

    [Fact]
    public void A_procedure_body_is_read_with_the_servers_rules_not_psqls()
    {
        var body = new PostgresLexer().BodyLexer;
        Assert.Equal("x \\ y", Summary(body, "x \\ y"));
        Assert.Equal("x ERR", Summary(new PostgresLexer(), "x \\ y"));
    }

    /// <summary>Each lexer's own literal writer produces text its reader decodes to the same value, for hostile strings.</summary>
    [Fact]
    public void String_literals_written_for_a_dialect_read_back_as_the_same_value()
    {
        Gen.String[HostileChar, 0, 20].Check(value =>
        {
            foreach (var dialect in WarehouseLexers.Checked)
            {
                var lexer = WarehouseLexers.For(dialect);
                if (lexer.StringLiteral(value) is not { } literal) continue;
                var tokens = lexer.Lex(literal);
                Assert.True(tokens.Count == 1 && tokens[0].Kind == TokenKind.StringLiteral, $"{dialect.Name}: {Summary(lexer, literal)}");
                Assert.Equal(value, tokens[0].Value);
            }
        }, iterations: 300);
    }

    private static readonly char[] Specials = ['\u007F', '\u0085', '\u2028', '\'', '"', '`', '\\', '$', ';', '-', '/', '*', '#', 'a', 'é', ' '];

    private static Gen<char> HostileChar => Gen.OneOf(Gen.Char['\0', '\u001F'], Gen.Int[0, Specials.Length - 1].Select(i => Specials[i]));

    /// <summary>A fixed sample (the same strings on every run, CWF_PROPERTY_SEED replaces them).</summary>
    internal static IEnumerable<string> HostileStrings(uint stream) =>
        Property.Cases(Gen.String[HostileChar, 0, 20], 40, stream).Select(c => c.Value);

    /// <summary>Non-whitespace tokens: words and symbols as written, S[...] strings, I[...] identifiers, C[...] comments, D[...] dollar bodies, ERR.</summary>
    internal static string Summary(WarehouseLexer lexer, string sql) =>
        string.Join(" ", lexer.Lex(sql).Where(t => t.Kind != TokenKind.Whitespace).Select(t => t.Kind switch
        {
            TokenKind.StringLiteral => $"S[{IdentifierRules.Display(t.Value!)}]",
            TokenKind.QuotedIdentifier => $"I[{IdentifierRules.Display(t.Value!)}]",
            TokenKind.LineComment or TokenKind.BlockComment => $"C[{IdentifierRules.Display(t.Value!)}]",
            TokenKind.DollarQuoted => $"D[{IdentifierRules.Display(t.Value!)}]",
            TokenKind.Error => "ERR",
            _ => t.Text,
        }));
}
