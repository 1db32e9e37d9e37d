using System.Collections.Frozen;
using System.Numerics;
using Antlr4.Runtime;
using Cwf.Text;
using G = Cwf.Syntax.Generated;

namespace Cwf.Syntax.Internal;

/// <summary>
/// The grammar's lexer rules for the text nearly every program is made of, by hand: ASCII names and
/// keywords, numbers, parameters, quoted strings and names, comments and the operators. ANTLR's lexer
/// simulates its automaton character by character and was about half of the parse. Anything else (a
/// name or a space outside ASCII, a triple-quoted string, an unterminated string or comment, a
/// character the grammar does not know, a lone carriage return) gives null, and <see cref="TokenList"/> lexes the whole text
/// with ANTLR's lexer as before: every error token and its diagnostic still come from the grammar.
/// The tokens are ANTLR's own type with the same fields (the tests compare the two lexers on every
/// sample program and on random text), so the grammar's parser reads them unchanged.
/// </summary>
internal sealed class FastLexer
{
    // Every word the grammar makes a keyword, case-insensitive: the word literals of the vocabulary and
    // the interval units (TIME_UNIT, one token for several words, so without a literal).
    private static readonly FrozenDictionary<string, int> Keywords = KeywordTable();
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> KeywordLookup =
        Keywords.GetAlternateLookup<ReadOnlySpan<char>>();

    // What a scanning method returns besides a token type.
    private const int Unknown = 0;
    private const int Comment = -1;
    // Spare tokens kept at most: more than a statement of nearly any program has, and no more of a long statement's
    // tokens than that (they would only be reused by the statements after it).
    private const int MaxSpare = 4096;

    private readonly string _text;
    private readonly Tuple<ITokenSource, ICharStream> _source;
    // The words read lately with their token types, by a hash of their text: a name read a thousand times is one string,
    // shared by every token and syntax node. A fixed table, in which a word may take the place of another of the same
    // hash (made again when that one is read again): a dictionary of every distinct word grew with a long program's
    // names, to large objects; at most 4,096 entries of 16 bytes stay under the large object heap, and a short text
    // (a statement lexed again for its names) has a table of its size.
    private const int MaxWordTable = 4096;
    private readonly (string? Word, int Type)[] _words;
    private readonly List<IToken> _tokens;
    private readonly List<IToken> _comments = [];
    // Tokens the reader let go (Release): each becomes a token read later, so that a program read statement by
    // statement allocates tokens for its longest statement only, not for every statement.
    private readonly Stack<CommonToken> _spare = new();
    private int _at;
    private string? _word;
    private int _line = 1;
    private int _lineStart;

    private FastLexer(SourceText source, int capacity)
    {
        _text = source.Text;
        var input = new StringCharStream(_text);
        // The pair ANTLR's lexer gives its tokens: their text is read from this input, and an error strategy asks the lexer for its factory.
        _source = Tuple.Create<ITokenSource, ICharStream>(new G.CwfLexer(input), input);
        _tokens = new List<IToken>(capacity);
        // About one word in eight characters of text, in a power of two from 16 to MaxWordTable entries.
        _words = new (string?, int)[Math.Clamp((int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, _text.Length / 8)), 16, MaxWordTable)];
    }

    /// <summary>The tokens and comments of <paramref name="source"/>, or null when the text needs ANTLR's lexer.</summary>
    public static TokenList? TryLex(SourceText source)
    {
        // A token is three to five characters in most programs: room for all of them, rather than growing the list by copies.
        var lexer = new FastLexer(source, source.Text.Length / 3 + 1);
        if (!lexer.Fill(int.MaxValue)) return null;
        // No token read here spans lines, and without a lone '\r' (a line break to SourceText, not to ANTLR) both count
        // lines alike: each token ends on the line it starts on, by either count.
        return new TokenList(source, lexer._tokens, lexer._comments);
    }

    /// <summary>A lexer that reads <paramref name="source"/> as its tokens are asked for (<see cref="Fill"/>).</summary>
    public static FastLexer Open(SourceText source) => new(source, 64);

    /// <summary>The tokens read and not yet removed by the reader (it removes those it is done with).</summary>
    public List<IToken> Tokens => _tokens;

    /// <summary>The comments read and not yet removed by the reader.</summary>
    public List<IToken> Comments => _comments;

    /// <summary>
    /// Removes the first <paramref name="count"/> tokens and every comment, which the reader will not read again (nor
    /// keep: no syntax node holds a token), and reuses their objects for the tokens read next.
    /// </summary>
    public void Release(int count)
    {
        for (int i = 0; i < count && _spare.Count < MaxSpare; i++) _spare.Push((CommonToken)_tokens[i]);
        _tokens.RemoveRange(0, count);
        foreach (var comment in _comments)
            if (_spare.Count < MaxSpare) _spare.Push((CommonToken)comment);
        _comments.Clear();
    }

    /// <summary>
    /// Lets every token and comment go, and reads on from <paramref name="at"/>: the start of a token read before, on
    /// line <paramref name="line"/>, which starts at offset <paramref name="lineStart"/>.
    /// </summary>
    public void Rewind(int at, int line, int lineStart)
    {
        Release(_tokens.Count);
        _at = at;
        _line = line;
        _lineStart = lineStart;
    }

    /// <summary>
    /// Reads on until <see cref="Tokens"/> holds <paramref name="count"/> tokens or the text ends (then every comment
    /// is read too); false at text this lexer leaves to ANTLR's.
    /// </summary>
    public bool Fill(int count)
    {
        string text = _text;
        while (_at < text.Length && _tokens.Count < count)
        {
            char c = text[_at];
            switch (c)
            {
                case ' ' or '\t' or '\f':
                    _at++;
                    continue;
                case '\n' or '\r':
                    if (!NewLine()) return false;
                    continue;
            }
            int start = _at;
            int type = c switch
            {
                >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '_' => Word(),
                >= '0' and <= '9' => Number(),
                '.' => Next(1) is >= '0' and <= '9' ? Fraction() : Punctuation(1, G.CwfLexer.DOT),
                '@' => Parameter(),
                '\'' => Quoted('\'', G.CwfLexer.SQ_STRING),
                '"' => Next(1) == '"' && Next(2) == '"' ? 0 : Quoted('"', G.CwfLexer.DQ_STRING),
                '`' => Quoted('`', G.CwfLexer.BQ_IDENTIFIER),
                '/' when Next(1) == '/' => LineComment(),
                '/' when Next(1) == '*' => BlockComment(start),
                '-' when Next(1) == '-' => LineComment(),
                '-' => Next(1) == '>' ? Punctuation(2, G.CwfLexer.ARROW) : Punctuation(1, G.CwfLexer.MINUS),
                '|' => Next(1) == '|' ? Punctuation(2, G.CwfLexer.CONCAT) : Punctuation(1, G.CwfLexer.PIPE),
                ':' => Next(1) == ':' ? Punctuation(2, G.CwfLexer.DOUBLE_COLON) : Punctuation(1, G.CwfLexer.COLON),
                '=' => Next(1) == '=' ? Punctuation(2, G.CwfLexer.EQ2) : Punctuation(1, G.CwfLexer.EQ),
                '<' => Next(1) switch
                {
                    '>' => Punctuation(2, G.CwfLexer.NEQ),
                    '=' => Punctuation(2, G.CwfLexer.LE),
                    _ => Punctuation(1, G.CwfLexer.LT),
                },
                '>' => Next(1) == '=' ? Punctuation(2, G.CwfLexer.GE) : Punctuation(1, G.CwfLexer.GT),
                '!' => Next(1) == '=' ? Punctuation(2, G.CwfLexer.NEQ2) : 0,
                ',' => Punctuation(1, G.CwfLexer.COMMA),
                '(' => Punctuation(1, G.CwfLexer.LPAREN),
                ')' => Punctuation(1, G.CwfLexer.RPAREN),
                '{' => Punctuation(1, G.CwfLexer.LBRACE),
                '}' => Punctuation(1, G.CwfLexer.RBRACE),
                '[' => Punctuation(1, G.CwfLexer.LBRACKET),
                ']' => Punctuation(1, G.CwfLexer.RBRACKET),
                '+' => Punctuation(1, G.CwfLexer.PLUS),
                '*' => Punctuation(1, G.CwfLexer.STAR),
                '/' => Punctuation(1, G.CwfLexer.SLASH),
                '%' => Punctuation(1, G.CwfLexer.PERCENT),
                // Anything else is one of the grammar's error tokens, or text outside ASCII: ANTLR's lexer decides.
                _ => 0,
            };
            // Comments are added where they are read (they may span lines).
            if (type == Comment) continue;
            if (type == Unknown) return false;
            // A word's text is set from the pool (ANTLR's token would make a new string at every read); others read theirs from the input.
            _tokens.Add(Token(type, _word, TokenConstants.DefaultChannel, start, _line, start - _lineStart));
            _word = null;
        }
        return true;
    }

    private char Next(int ahead) => _at + ahead < _text.Length ? _text[_at + ahead] : '\0';

    // '\n' starts a line, '\r' before it nothing; false at a lone '\r', which SourceText counts as a line break and ANTLR does not.
    private bool NewLine()
    {
        char c = _text[_at++];
        if (c == '\r') return Next(0) == '\n';
        _line++;
        _lineStart = _at;
        return true;
    }

    private int Punctuation(int length, int type)
    {
        _at += length;
        return type;
    }

    // IDENTIFIER: [\p{L}_] [\p{L}\p{N}_$]*, or the keyword it spells (a keyword wins a tie, being the earlier rule).
    private int Word()
    {
        int start = _at;
        while (++_at < _text.Length && IsWordPart(_text[_at]))
        {
        }
        // A letter outside ASCII would continue the name.
        if (_at < _text.Length && _text[_at] > '\x7f') return Unknown;
        var span = _text.AsSpan(start, _at - start);
        ref var entry = ref _words[WordHash(span) & (_words.Length - 1)];
        if (entry.Word is { } word && span.SequenceEqual(word))
        {
            _word = word;
            return entry.Type;
        }
        _word = new string(span);
        int type = KeywordLookup.TryGetValue(span, out int keyword) ? keyword : G.CwfLexer.IDENTIFIER;
        entry = (_word, type);
        return type;
    }

    // FNV-1a over the characters: the same table on every run (string hashes are randomized per process).
    private static int WordHash(ReadOnlySpan<char> word)
    {
        uint hash = 2166136261;
        foreach (char c in word) hash = (hash ^ c) * 16777619;
        return (int)(hash ^ (hash >> 15));
    }

    private static bool IsWordPart(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '$';

    // INTEGER: DIGIT+; FLOAT: DIGIT+ '.' DIGIT* EXPONENT? | DIGIT+ EXPONENT.
    private int Number()
    {
        Digits();
        if (Next(0) == '.')
        {
            _at++;
            Digits();
            Exponent();
            return G.CwfLexer.FLOAT;
        }
        return Exponent() ? G.CwfLexer.FLOAT : G.CwfLexer.INTEGER;
    }

    // FLOAT: '.' DIGIT+ EXPONENT?
    private int Fraction()
    {
        _at++;
        Digits();
        Exponent();
        return G.CwfLexer.FLOAT;
    }

    private void Digits()
    {
        while (Next(0) is >= '0' and <= '9') _at++;
    }

    // EXPONENT: 'e' [+-]? DIGIT+, taken only when complete (`1e` is an integer and a name).
    private bool Exponent()
    {
        if (Next(0) is not ('e' or 'E')) return false;
        int digits = Next(1) is '+' or '-' ? 2 : 1;
        if (Next(digits) is not (>= '0' and <= '9')) return false;
        _at += digits;
        Digits();
        return true;
    }

    // PARAMETER: '@' [a-z_] [a-z_0-9]*; a lone '@' is an error token.
    private int Parameter()
    {
        if (!(Next(1) is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '_')) return Unknown;
        _at += 2;
        while (Next(0) is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_') _at++;
        return G.CwfLexer.PARAMETER;
    }

    // q (~[q\r\n] | q q)* q. The longest match decides against UNTERMINATED_STRING: a lone quote closes
    // the string; a line break or the end of the text first makes it unterminated, an error token.
    private int Quoted(char quote, int type)
    {
        int at = _at + 1;
        while (at < _text.Length)
        {
            char c = _text[at];
            if (c is '\r' or '\n') return Unknown;
            if (c == quote)
            {
                if (at + 1 < _text.Length && _text[at + 1] == quote)
                {
                    at += 2;
                    continue;
                }
                _at = at + 1;
                return type;
            }
            at++;
        }
        return Unknown;
    }

    // LINE_COMMENT: ('//' | '--') ~[\r\n]*, on the hidden channel.
    private int LineComment()
    {
        int start = _at;
        int end = _text.AsSpan(start).IndexOfAny('\r', '\n');
        _at = end < 0 ? _text.Length : start + end;
        AddComment(G.CwfLexer.LINE_COMMENT, start, _line, start - _lineStart);
        return Comment;
    }

    // BLOCK_COMMENT: '/*' .*? '*/'; without its end it is an error token.
    private int BlockComment(int start)
    {
        int end = _text.IndexOf("*/", start + 2, StringComparison.Ordinal);
        if (end < 0) return Unknown;
        int line = _line, column = start - _lineStart;
        _at = start + 2;
        while (_at < end + 2)
        {
            if (_text[_at] is not ('\n' or '\r')) _at++;
            else if (!NewLine()) return Unknown;
        }
        AddComment(G.CwfLexer.BLOCK_COMMENT, start, line, column);
        return Comment;
    }

    private void AddComment(int type, int start, int line, int column) =>
        _comments.Add(Token(type, null, TokenConstants.HiddenChannel, start, line, column));

    // The token of the text [start, _at), as ANTLR's factory makes it: a spare one when there is one, every field set anew.
    private CommonToken Token(int type, string? text, int channel, int start, int line, int column)
    {
        if (!_spare.TryPop(out var token)) return (CommonToken)CommonTokenFactory.Default.Create(_source, type, text, channel, start, _at - 1, line, column);
        token.Type = type;
        // Null: the text is read from the input at each read, as for a new token.
        token.Text = text;
        token.Channel = channel;
        token.StartIndex = start;
        token.StopIndex = _at - 1;
        token.Line = line;
        token.Column = column;
        token.TokenIndex = -1;
        return token;
    }

    private static FrozenDictionary<string, int> KeywordTable()
    {
        var table = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int type = 1; type <= ((Vocabulary)G.CwfLexer.DefaultVocabulary).getMaxTokenType(); type++)
            if (TokenFacts.KeywordText(type) is { } word) table[word] = type;
        foreach (var unit in (string[])["year", "quarter", "month", "week", "day", "hour", "minute", "second"])
        {
            table[unit] = G.CwfLexer.TIME_UNIT;
            table[unit + "s"] = G.CwfLexer.TIME_UNIT;
        }
        return table.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
