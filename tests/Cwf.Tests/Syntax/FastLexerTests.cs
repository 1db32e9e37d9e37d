using System.Text;
using Antlr4.Runtime;
using Cwf.Syntax.Internal;
using Cwf.Text;
using Xunit.Abstractions;

namespace Cwf.Tests.Syntax;

/// <summary>
/// The hand-written lexer (<see cref="FastLexer"/>) gives the very tokens and comments the grammar's lexer
/// gives (type, channel, offsets, line, column, text, and the lines <see cref="TokenList"/> keeps), or
/// nothing: then the grammar's lexer lexes the text.
/// </summary>
public class FastLexerTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_sample_program_lexes_as_the_grammar_lexes_it()
    {
        var texts = SamplePrograms.Files().Select(File.ReadAllText).ToList();
        int fast = 0;
        foreach (var text in texts) fast += Compare(text) ? 1 : 0;
        output.WriteLine($"{texts.Count} programs, {fast} lexed by hand");
        // Only programs with names or spaces outside ASCII, or with error tokens, are left to the grammar.
        Assert.True(texts.Count >= 40 && fast >= texts.Count * 3 / 4, $"{fast} of {texts.Count} programs lexed by hand");
    }

    [Theory]
    [InlineData("let a = t | filter x > 1e5 and y < .5e-3 or z = 1. and w = 2E+7 | derive q = 1e + 1ex + 1.e2 + 3..4")]
    [InlineData("LET A = T | Filter X IS NOT NULL | derive `a``b` = \"c\"\"d\", e = 'f''g', h = ''''")]
    [InlineData("let a = t -- a comment\n// another\r\n/* a\r\nblock\n comment */ | derive m2x = m2 + km2 + years + Quarter + h3_boundary + not_null + a$b")]
    [InlineData("x\r\ny\r\n\r\nz\n\n w @p @_q1 @Z9 :: : || | -> - -- end")]
    [InlineData("a<>b<=c>=d!=e==f=g<h>i+j*k/l%m(n)[o]{p},q.r")]
    [InlineData("'straße' \"naïve\" /* ünïcode */ -- ünïcode")]
    [InlineData("")]
    [InlineData("   \n\t\f  ")]
    public void Listed_texts_lex_as_the_grammar_lexes_them(string text) => Assert.True(Compare(text), "left to the grammar:\n" + text);

    [Theory]
    [InlineData("let a = t | filter x ! 1")]
    [InlineData("let a = 'unterminated")]
    [InlineData("let a = \"unterminated\nb")]
    [InlineData("let a = `a")]
    [InlineData("let a = t /* unterminated")]
    [InlineData("let a = \"\"\"triple\"\"\"")]
    [InlineData("let straße = t")]
    [InlineData("let a\u00a0= t")]
    [InlineData("let a = t;")]
    [InlineData("let a = @")]
    [InlineData("let a = $t")]
    // A lone '\r' is a line break to SourceText but not to ANTLR: TokenList keeps both counts.
    [InlineData("let a = t\r| filter x")]
    [InlineData("let a = t /* \r */ | filter x")]
    public void Other_texts_are_left_to_the_grammar(string text) => Assert.False(Compare(text), "lexed by hand:\n" + text);

    [Fact]
    public void Random_texts_lex_as_the_grammar_lexes_them_or_are_left_to_it()
    {
        const int seed = 20261207;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        string[] pieces =
        [
            "let", "LET", "output", "filter", "derive", "and", "Or", "not", "is", "null", "m", "m2", "km2x", "ha", "day", "days", "Weeks",
            "secondsx", "h3", "h3_boundary", "not_null", "x", "_y", "a$", "$", "e", "E", "0", "12", "3.", ".4", "5e", "6e+", "7e-8",
            "9E2", "1.e3", ".", "..", "@", "@p", "@_1", "@A", "'", "''", "'s'", "\"", "\"\"", "\"\"\"", "\"q\"", "`", "``", "`b`",
            "/", "//", "/*", "*/", "*", "-", "--", "->", "|", "||", ":", "::", "=", "==", "<", "<=", "<>", ">", ">=", "!", "!=", "+",
            "%", ",", "(", ")", "{", "}", "[", "]", ";", "#", "é", "ß", "\u00a0", "\t", " ", "  ", "\n", "\r", "\r\n", "\f", "\v",
        ];
        int fast = 0;
        const int texts = 3000;
        for (int i = 0; i < texts; i++)
        {
            var text = new StringBuilder();
            for (int n = random.Next(1, 24); n > 0; n--) text.Append(pieces[random.Next(pieces.Length)]);
            fast += Compare(text.ToString()) ? 1 : 0;
        }
        output.WriteLine($"{fast} of {texts} random texts lexed by hand");
        Assert.True(fast > texts / 10, $"only {fast} of {texts} random texts lexed by hand");
    }

    // The hand-lexed text against the grammar's lexer, where the hand lexes it: whether it did.
    private static bool Compare(string text)
    {
        var source = SourceText.From(text);
        var grammar = TokenList.LexWithGrammar(source);
        if (FastLexer.TryLex(source) is not { } mine) return false;
        AssertSame(grammar.Tokens, mine.Tokens, text);
        AssertSame(grammar.Comments, mine.Comments, text);
        for (int i = 0; i < grammar.Count; i++)
        {
            Assert.Equal(grammar.StartLine(i), mine.StartLine(i));
            Assert.Equal(grammar.EndLine(i), mine.EndLine(i));
        }
        return true;
    }

    private static void AssertSame(List<IToken> expected, List<IToken> actual, string text)
    {
        static string Describe(IToken t) =>
            $"{t.Type} ch{t.Channel} {t.StartIndex}-{t.StopIndex} {t.Line}:{t.Column} [{t.Text}] index {t.TokenIndex} {t.TokenSource?.GetType().Name} {t.InputStream?.Size}";
        Assert.True(expected.Select(Describe).SequenceEqual(actual.Select(Describe)),
            $"for:\n{text}\ngrammar: {string.Join(" ", expected.Select(Describe))}\nby hand: {string.Join(" ", actual.Select(Describe))}");
    }
}
