using Cwf.Diagnostics;
using Cwf.Emit;
using Cwf.Emit.Scripts;
using Cwf.Ir;
using Cwf.Tests.Infrastructure;
using Cwf.Tests.Security.Lexers;
using CsCheck;
using static Cwf.Tests.Binding.Compilation;

namespace Cwf.Tests.Security;

/// <summary>
/// The emitter's own functions for text (issue 12, phase 2), judged by the independent lexers:
/// <see cref="Dialect.Comment"/> never lets a line end inside a comment, each dialect's string
/// literal reads back exactly with every control character escaped, values the warehouse cannot
/// hold are refused (CWF6060, CWF6061), and custom SQL is searched for <c>$a</c> with the
/// target's lexical rules.
/// </summary>
public sealed class EmittedTextTests
{
    private const string Hostile = "a\r\nb\t\0\u0001\u001F\u007F\u0085\u009F\u2028\u2029\uDC00\uD800\uFFFE\uFFFF'\"\\--/*$$ z\U0001F600";

    public static TheoryData<string> DialectNames => [.. WarehouseLexers.Checked.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void A_comment_writes_every_character_that_could_end_it_visibly(string dialect)
    {
        var comment = Dialects.Find(dialect)!.Comment(Hostile);
        Assert.Equal(
            "-- a\\u000D\\u000Ab\\u0009\\u0000\\u0001\\u001F\\u007F\\u0085\\u009F\\u2028\\u2029\\uDC00\\uD800\\uFFFE\\uFFFF'\"\\--/*$$ z\U0001F600",
            comment);
        var token = Assert.Single(WarehouseLexers.Find(dialect)!.Lex(comment));
        Assert.Equal(TokenKind.LineComment, token.Kind);
    }

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void An_ordinary_comment_is_written_as_it_is(string dialect) =>
        Assert.Equal("-- Workflow 'sales é' compiled by cwf", Dialects.Find(dialect)!.Comment("Workflow 'sales é' compiled by cwf"));

    [Theory]
    [InlineData("postgres", "E'a\\rb''c\\\\d\\x01\\x7F\\u0085\\u2028'")]
    [InlineData("duckdb", "E'a\\rb''c\\\\d\\x01\\x7F\u0085\u2028'")]
    [InlineData("redshift", "'a\\rb''c\\\\d\\001\\177\u0085\u2028'")]
    [InlineData("bigquery", "'a\\rb\\'c\\\\d\\u0001\\u007F\\u0085\\u2028'")]
    [InlineData("snowflake", "'a\\rb\\'c\\\\d\\u0001\\u007F\\u0085\\u2028'")]
    [InlineData("databricks", "'a\\rb\\'c\\\\d\\u0001\\u007F\\u0085\\u2028'")]
    [InlineData("trino", "U&'a\\000Db''c\\\\d\\0001\\007F\\0085\\2028'")]
    public void A_string_literal_escapes_its_control_characters_in_the_dialects_form(string dialect, string expected) =>
        Assert.Equal(expected, Dialects.Find(dialect)!.Literal("a\rb'c\\d\u0001\u007F\u0085\u2028", SqlType.String).Text);

    [Theory]
    [InlineData("postgres", "'it''s a\\b é'")]
    [InlineData("duckdb", "'it''s a\\b é'")]
    [InlineData("redshift", "'it''s a\\\\b é'")]
    [InlineData("bigquery", "'it\\'s a\\\\b é'")]
    [InlineData("snowflake", "'it\\'s a\\\\b é'")]
    [InlineData("databricks", "'it\\'s a\\\\b é'")]
    [InlineData("trino", "'it''s a\\b é'")]
    public void A_string_without_control_characters_is_written_as_before(string dialect, string expected) =>
        Assert.Equal(expected, Dialects.Find(dialect)!.Literal("it's a\\b é", SqlType.String).Text);

    private static readonly char[] Specials = ['\u007F', '\u0085', '\u009F', '\u2028', '\u2029', '\'', '"', '`', '\\', '$', ';', '-', '/', '*', '#', '%', '_', 'a', 'u', 'x', '0', 'é', ' '];

    private static Gen<char> HostileChar => Gen.OneOf(Gen.Char['\0', '\u001F'], Gen.Int[0, Specials.Length - 1].Select(i => Specials[i]));

    /// <summary>Every dialect's literal of a hostile string is one string token of its lexer, with no raw control character, that reads back as the string.</summary>
    [Fact]
    public void String_literals_read_back_exactly_through_the_independent_lexers()
    {
        Gen.String[HostileChar, 0, 24].Check(value =>
        {
            foreach (var dialect in WarehouseLexers.Checked)
            {
                if (value.Contains('\0') && !dialect.StringsHoldNul) continue;
                var lexer = WarehouseLexers.For(dialect);
                var literal = dialect.Literal(value, SqlType.String).Text;
                var tokens = lexer.Lex(literal);
                Assert.True(tokens.Count == 1 && tokens[0].Kind == TokenKind.StringLiteral, $"{dialect.Name}: {WarehouseLexerTests.Summary(lexer, literal)}");
                Assert.Equal(value, tokens[0].Value);
                Assert.DoesNotContain(literal, lexer.MustEscape);
            }
        }, iterations: 300);
    }

    [Theory]
    [InlineData("postgres", true)]
    [InlineData("redshift", true)]
    [InlineData("duckdb", true)]
    [InlineData("bigquery", false)]
    [InlineData("snowflake", false)]
    [InlineData("databricks", false)]
    [InlineData("trino", false)]
    public void A_NUL_in_a_string_value_is_CWF6060_where_text_cannot_hold_one(string dialect, bool refused)
    {
        var workflow = Ok("workflow 'w'\nsource t = table 'x.t' { id: int64 }\nlet s = t | derive c = 'a\0b'\noutput s -> table 'o.t'\n");
        var result = SqlEmitter.Emit(workflow, Dialects.Find(dialect)!);
        if (!refused)
        {
            Assert.NotNull(result.Sql);
            return;
        }
        Assert.Null(result.Sql);
        var error = Assert.Single(result.Diagnostics, d => d.Descriptor == DiagnosticCodes.NulInText);
        Assert.Equal($"A string value of step 's' holds a NUL character (U+0000), which {Dialects.Find(dialect)!.DisplayName} text cannot hold.", error.Message);
        Assert.Equal("3:13", Position(error));
    }

    [Fact]
    public void A_NUL_in_a_parameter_is_CWF6060_at_the_parameter()
    {
        var workflow = Ok("workflow 'w'\nparam p: string = 'a\0'\nsource t = table 'x.t' { id: int64 }\nlet s = t | derive c = @p\noutput s -> table 'o.t'\n");
        var error = Assert.Single(SqlEmitter.Emit(workflow, Dialects.Find("postgres")!).Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.NulInText, error.Descriptor);
        Assert.StartsWith("A string value of parameter @p holds a NUL", error.Message, StringComparison.Ordinal);
        Assert.Equal("2:7", Position(error));
    }

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void An_unpaired_surrogate_in_a_string_value_is_CWF6061(string dialect)
    {
        var workflow = Ok("workflow 'w'\nsource t = table 'x.t' { id: int64 }\nlet s = t | derive c = 'a\uD800b'\noutput s -> table 'o.t'\n");
        var result = SqlEmitter.Emit(workflow, Dialects.Find(dialect)!);
        Assert.Null(result.Sql);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.UnpairedSurrogateInText, error.Descriptor);
        Assert.Equal("A string value of step 's' holds an unpaired surrogate (U+D800), which no UTF-8 script can carry.", error.Message);
    }

    [Theory]
    [InlineData("bigquery", "SELECT 'it\\'s $a', x -- $a\nFROM $a", "SELECT 'it\\'s $a', x -- $a\nFROM r")]
    [InlineData("snowflake", "SELECT 'it\\'s $a' FROM $a // $a", "SELECT 'it\\'s $a' FROM r // $a")]
    [InlineData("databricks", "SELECT \"it\\\"s $a\" FROM $a", "SELECT \"it\\\"s $a\" FROM r")]
    [InlineData("redshift", "SELECT 'a\\' $a' FROM $a", "SELECT 'a\\' $a' FROM r")]
    [InlineData("postgres", "SELECT E'it\\'s $a' FROM $a", "SELECT E'it\\'s $a' FROM r")]
    [InlineData("duckdb", "SELECT 1 -- $a\rFROM $a", "SELECT 1 -- $a\rFROM r")]
    [InlineData("trino", "SELECT U&'\\0041 $a' FROM $a", "SELECT U&'\\0041 $a' FROM r")]
    public void Custom_SQL_placeholders_are_found_with_the_targets_lexical_rules(string dialect, string sql, string expected) =>
        Assert.Equal(expected, CustomSql.Substitute(sql, 1, _ => "r", Dialects.Find(dialect)!.LexicalRules));

    [Fact]
    public void The_compilers_lexer_ends_a_line_comment_at_a_carriage_return()
    {
        const string sql = "SELECT 1 -- c\rDROP TABLE t; SELECT 2";
        var segments = SqlLexer.Segment(sql, Dialects.Find("postgres")!.LexicalRules);
        var comment = Assert.Single(segments, s => s.Kind == SqlSegmentKind.Comment);
        Assert.Equal("-- c", sql.Substring(comment.Start, comment.Length));
    }

    [Fact]
    public void Redshift_statements_are_split_with_backslash_escapes_in_every_literal()
    {
        var rules = Dialects.Find("redshift")!.LexicalRules;
        const string sql = "SELECT 'a\\'; DROP' AS x";
        Assert.DoesNotContain(SqlLexer.Segment(sql, rules), s => s.Kind == SqlSegmentKind.Code && sql.Substring(s.Start, s.Length).Contains(';'));
    }

    // Pieces of SQL whose combinations reach every quoting rule: quotes, their escapes and doublings, prefixes, comment markers, line ends.
    private static readonly string[] SqlPieces =
    [
        "'", "''", "\\'", "\\\\", "\"", "\"\"", "\\\"", "`", "``", "\\`", "'''", "--", "/*", "*/", "#", "//", "$$", "$t$", ";", ";", ";",
        "\n", "\r", " ", "a", "E'", "r'", "R\"", "U&'", "b'", "\\0041",
    ];

    /// <summary>
    /// The compiler's lexer (which splits statements and finds custom SQL's placeholders) agrees with
    /// each dialect's independent lexer on every semicolon of random SQL that lexer reads without an
    /// error: a statement separator is code for both, a semicolon in a literal, identifier or comment
    /// for neither.
    /// </summary>
    [Fact]
    public void The_compilers_lexer_finds_code_where_the_independent_lexers_do()
    {
        int compared = 0;
        Gen.Int[0, SqlPieces.Length - 1].Select(i => SqlPieces[i]).Array[0, 12].Select(string.Concat).Check(sql =>
        {
            foreach (var dialect in WarehouseLexers.Checked)
            {
                var tokens = WarehouseLexers.For(dialect).Lex(sql);
                if (tokens.Any(t => t.Kind == TokenKind.Error)) continue;
                var segments = SqlLexer.Segment(sql, dialect.LexicalRules);
                for (int i = sql.IndexOf(';'); i >= 0; i = sql.IndexOf(';', i + 1))
                {
                    bool judge = tokens.Single(t => t.Start <= i && i < t.End).Kind == TokenKind.Semicolon;
                    bool ours = segments.Single(s => s.Start <= i && i < s.End).Kind == SqlSegmentKind.Code;
                    Assert.True(judge == ours, $"{dialect.Name}: the semicolon at {i} of «{IdentifierRules.Display(sql)}» is {(judge ? "" : "not ")}code to the warehouse");
                    compared++;
                }
            }
        }, iterations: 3000);
        Assert.True(compared > 2000, $"only {compared} semicolons compared");
    }
}
