using Cwf.Tests.Infrastructure;
using Cwf.Tests.Security.Lexers;

namespace Cwf.Tests.Security;

/// <summary>PostgreSQL itself reads literals as <see cref="PostgresLexer"/> decodes them, and refuses what it calls an error.</summary>
[Collection(PostgresCollection.Name)]
[EngineTest(Engine.PostgreSql)]
public sealed class PostgresLexerEngineTests(PostgresServer server)
{
    public static TheoryData<string> PostgresLiterals => new()
    {
        "'it''s'", "'a\\b'", "E'a\\'b\\\\c\\n\\x41\\101\\u00e9\\q'", "e'it''s'", "$t$ it's $$ $t$", "$$x$$",
        "U&'\\0041\\+000042\\\\'", "'two\nlines'", "E'\\r\\t\\b\\f'", "'tab\there'",
    };

    [Theory]
    [MemberData(nameof(PostgresLiterals))]
    public async Task PostgreSQL_reads_a_literal_as_the_lexer_decodes_it(string literal)
    {
        var token = Assert.Single(new PostgresLexer().Lex(literal));
        await using var db = await server.CreateDatabaseAsync();
        var rows = await db.QueryAsync($"SELECT {literal}::text AS v");
        Assert.Equal(token.Value, rows.Rows[0][0]);
    }

    [Theory]
    [InlineData("E'\\000'")]
    [InlineData("\"\"")]
    [InlineData("E'\\xC3'")]
    public async Task PostgreSQL_rejects_what_the_lexer_calls_an_error(string literal)
    {
        Assert.Contains(new PostgresLexer().Lex(literal), t => t.Kind == TokenKind.Error);
        await using var db = await server.CreateDatabaseAsync();
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.QueryAsync($"SELECT {literal} AS v"));
    }

    [Fact]
    public async Task PostgreSQL_stores_hostile_strings_written_by_the_lexers_writer()
    {
        await using var db = await server.CreateDatabaseAsync();
        var lexer = new PostgresLexer();
        foreach (var value in WarehouseLexerTests.HostileStrings(1))
        {
            if (lexer.StringLiteral(value) is not { } literal) continue;
            var rows = await db.QueryAsync($"SELECT {literal}::text AS v");
            Assert.Equal(value, rows.Rows[0][0]);
        }
    }
}
