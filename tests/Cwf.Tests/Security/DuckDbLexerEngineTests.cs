using Cwf.Tests.Infrastructure;
using Cwf.Tests.Security.Lexers;

namespace Cwf.Tests.Security;

/// <summary>DuckDB itself reads literals as <see cref="DuckDbLexer"/> decodes them, and refuses what it calls an error.</summary>
[EngineTest(Engine.DuckDb)]
public sealed class DuckDbLexerEngineTests
{
    public static TheoryData<string> DuckDbLiterals => new()
    {
        "'it''s'", "'a\\b'", "E'a\\'b\\\\c\\n\\x41\\101\\q\\v'", "$t$ it's $$ $t$", "$$x$$", "'two\nlines'", "E'\\r\\t\\b\\f'",
    };

    [Theory]
    [MemberData(nameof(DuckDbLiterals))]
    public void DuckDB_reads_a_literal_as_the_lexer_decodes_it(string literal)
    {
        var token = Assert.Single(new DuckDbLexer().Lex(literal));
        using var duck = new DuckDbRunner();
        Assert.Equal(token.Value, duck.Query($"SELECT {literal} AS v").Rows[0][0]);
    }

    [Theory]
    [InlineData("E'\\u0041'")]
    [InlineData("E'\\000'")]
    [InlineData("U&'\\0041'")]
    [InlineData("'a\0b'")]
    public void DuckDB_rejects_what_the_lexer_calls_an_error(string literal)
    {
        Assert.Contains(new DuckDbLexer().Lex(literal), t => t.Kind == TokenKind.Error);
        using var duck = new DuckDbRunner();
        Assert.ThrowsAny<DuckDB.NET.Data.DuckDBException>(() => duck.Query($"SELECT {literal} AS v"));
    }

    [Fact]
    public void DuckDB_stores_hostile_strings_written_by_the_lexers_writer()
    {
        using var duck = new DuckDbRunner();
        var lexer = new DuckDbLexer();
        foreach (var value in WarehouseLexerTests.HostileStrings(2))
        {
            if (lexer.StringLiteral(value) is not { } literal) continue;
            Assert.Equal(value, duck.Query($"SELECT {literal} AS v").Rows[0][0]);
        }
    }
}
