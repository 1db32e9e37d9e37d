using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Antlr4.Runtime;
using G = Cwf.Syntax.Generated;

namespace Cwf.Syntax.Internal;

/// <summary>Facts about token types, derived from the generated vocabulary so they follow the grammar.</summary>
internal static partial class TokenFacts
{
    private static readonly IVocabulary Vocabulary = G.CwfLexer.DefaultVocabulary;

    /// <summary>Words that can never be names: SQL operators and literals.</summary>
    public static readonly FrozenSet<int> Reserved = new[]
    {
        G.CwfLexer.AND, G.CwfLexer.OR, G.CwfLexer.NOT, G.CwfLexer.IS, G.CwfLexer.NULL, G.CwfLexer.IN,
        G.CwfLexer.BETWEEN, G.CwfLexer.LIKE, G.CwfLexer.CASE, G.CwfLexer.WHEN, G.CwfLexer.THEN,
        G.CwfLexer.ELSE, G.CwfLexer.END, G.CwfLexer.CAST, G.CwfLexer.AS, G.CwfLexer.TRUE, G.CwfLexer.FALSE,
    }.ToFrozenSet();

    /// <summary>Keyword token types that also serve as names (every word literal that is not reserved, and the interval units, one token of several words).</summary>
    public static readonly FrozenSet<int> SoftKeywords =
        Enumerable.Range(1, ((Vocabulary)Vocabulary).getMaxTokenType())
            .Where(t => KeywordText(t) is not null && !Reserved.Contains(t))
            .Append(G.CwfLexer.TIME_UNIT)
            .ToFrozenSet();

    /// <summary>Every keyword, lower case (for deciding when a name must be quoted).</summary>
    public static readonly FrozenSet<string> ReservedWords =
        Reserved.Select(t => KeywordText(t)!).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The pipeline step keywords, for "did you mean" on a misspelled step.</summary>
    public static readonly IReadOnlyList<string> StepKeywords =
    [
        "filter", "split", "select", "derive", "rename", "drop", "sort", "take", "limit", "distinct",
        "group", "summarize", "join", "inner", "left", "right", "full", "spatial_join", "spatial_filter",
        "union", "buffer", "centroid", "area", "distance", "point", "h3", "h3_boundary", "sql", "call",
    ];

    public static readonly IReadOnlyList<string> StatementKeywords = ["workflow", "param", "const", "source", "let", "output", "assert"];

    /// <summary>Whether a word is a keyword token of the grammar (reserved or soft), so never an IDENTIFIER.</summary>
    public static bool IsGrammarKeyword(string word) => KeywordTokens.Contains(word);

    private static readonly FrozenSet<string> KeywordTokens =
        Enumerable.Range(1, ((Vocabulary)Vocabulary).getMaxTokenType()).Select(KeywordText).OfType<string>().ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The word of a keyword token type (<c>filter</c>), or null for other tokens.</summary>
    public static string? KeywordText(int type)
    {
        var literal = Vocabulary.GetLiteralName(type);
        if (literal is null || literal.Length < 3) return null;
        var word = literal[1..^1];
        return WordPattern().IsMatch(word) ? word : null;
    }

    public static bool IsNameToken(int type) =>
        type is G.CwfLexer.IDENTIFIER or G.CwfLexer.DQ_STRING or G.CwfLexer.BQ_IDENTIFIER || SoftKeywords.Contains(type);

    public static bool IsStringToken(int type) =>
        type is G.CwfLexer.DQ_STRING or G.CwfLexer.SQ_STRING or G.CwfLexer.TRIPLE_STRING;

    public static bool IsErrorToken(int type) =>
        type is G.CwfLexer.UNTERMINATED_BLOCK_COMMENT or G.CwfLexer.UNTERMINATED_TRIPLE_STRING
            or G.CwfLexer.UNTERMINATED_STRING or G.CwfLexer.ERROR_CHARACTER;

    public static bool IsComment(int type) => type is G.CwfLexer.LINE_COMMENT or G.CwfLexer.BLOCK_COMMENT;

    /// <summary>Tokens after which an expression or list obviously continues on the next line.</summary>
    public static bool EndsValue(int type) =>
        type is G.CwfLexer.IDENTIFIER or G.CwfLexer.DQ_STRING or G.CwfLexer.BQ_IDENTIFIER or G.CwfLexer.SQ_STRING
            or G.CwfLexer.TRIPLE_STRING or G.CwfLexer.INTEGER or G.CwfLexer.FLOAT or G.CwfLexer.PARAMETER
            or G.CwfLexer.RPAREN or G.CwfLexer.RBRACE or G.CwfLexer.TRUE or G.CwfLexer.FALSE or G.CwfLexer.NULL
            or G.CwfLexer.END
        || (SoftKeywords.Contains(type) && type is not (G.CwfLexer.BY or G.CwfLexer.ON or G.CwfLexer.JOIN or G.CwfLexer.WITH));

    /// <summary>A readable name of a token type for "expected ..." messages.</summary>
    public static string Display(int type) => type switch
    {
        TokenConstants.EOF => "end of input",
        G.CwfLexer.IDENTIFIER => "a name",
        G.CwfLexer.INTEGER => "an integer",
        G.CwfLexer.FLOAT => "a number",
        G.CwfLexer.SQ_STRING => "a 'string'",
        G.CwfLexer.DQ_STRING => "a \"quoted\" string or name",
        G.CwfLexer.TRIPLE_STRING => "a \"\"\"string\"\"\"",
        G.CwfLexer.BQ_IDENTIFIER => "a `quoted` name",
        G.CwfLexer.PARAMETER => "a @parameter",
        _ => Vocabulary.GetLiteralName(type) ?? Vocabulary.GetSymbolicName(type) ?? type.ToString(),
    };

    [GeneratedRegex("^[a-z_][a-z_0-9]*$")]
    private static partial Regex WordPattern();
}
