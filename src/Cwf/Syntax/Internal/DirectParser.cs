using System.Runtime.InteropServices;
using Antlr4.Runtime;
using Cwf.Collections;
using Cwf.Ir;
using Cwf.Text;
using G = Cwf.Syntax.Generated;

namespace Cwf.Syntax.Internal;

/// <summary>
/// The statements most programs are made of, parsed straight from the tokens into the syntax tree:
/// <c>let name = ...</c> and <c>output ... -> table "t"</c> pipelines of filter, derive, select, drop,
/// join, union, group, point and buffer steps over names, numbers, strings, calls, comparisons and the
/// value operators. ANTLR's parse tree (a context and a child list per rule, a node per token) was
/// most of the parse's cost. Anything else, and anything the syntax builder would report on, gives
/// null, and <see cref="RangeParser"/> parses the statement as before: so every diagnostic still comes
/// from there, and a tree from here is the one <see cref="SyntaxTreeBuilder"/> builds from ANTLR's
/// (the tests compare the two on every statement of the sample programs).
/// </summary>
internal sealed class DirectParser(TokenList tokens)
{
    // Deeper parentheses are left to RangeParser, which guards the stack; this bounds the recursion here.
    private const int MaxNesting = 16;

    private readonly List<IToken> _tokens = tokens.Tokens;
    private readonly string _text = tokens.Source.Text;
    // The lists of the forms that never nest (a pipeline's steps, a step's items), each filled here and copied out at its
    // size (Items): one list each for every statement, rather than a list and its growth for every step. Those as long
    // as a program (a pipeline's steps, a union's inputs) in segments, so that only the copy out is one array.
    private readonly SegmentedList<StepSyntax> _steps = [];
    private readonly SegmentedList<IdentifierSyntax> _unionInputs = [];
    private readonly List<DerivationSyntax> _derivations = [];
    private readonly List<SelectItemSyntax> _selectItems = [];
    private readonly List<NameSyntax> _columns = [];
    private readonly List<GroupKeySyntax> _groupKeys = [];
    private readonly List<AggregateItemSyntax> _aggregates = [];
    private int _at;
    // Tokens [.., _end) are known to be the statement's; with a feed, more may be (it finds the end as the parse reads on).
    private int _end;
    private int _nesting;
    private IStatementFeed? _feed;
    // How many tokens the feed let go: token i is the list's item i - _offset.
    private int _offset;

    /// <summary>The statement of tokens [first, last], or null when it is not one of the forms read here.</summary>
    public StatementSyntax? TryStatement(int first, int last) => TryStatement(first, last + 1, null);

    /// <summary>
    /// The statement that starts at token <paramref name="first"/>, its end found by <paramref name="feed"/> as the
    /// parse reads on, or null when it is not one of the forms read here.
    /// </summary>
    public StatementSyntax? TryStatement(int first, IStatementFeed feed) => TryStatement(first, first + 1, feed);

    private StatementSyntax? TryStatement(int first, int end, IStatementFeed? feed)
    {
        _at = first;
        _end = end;
        _feed = feed;
        _offset = 0;
        _nesting = 0;
        int start = Tok(first).StartIndex;
        StatementSyntax? statement = Type() switch
        {
            G.CwfLexer.LET => Let(),
            G.CwfLexer.OUTPUT => Output(),
            _ => null,
        };
        // Read to its end: no token of the statement is left.
        return statement is not null && Type() == TokenConstants.EOF
            ? SyntaxNode.Spanned(statement, TextSpan.FromBounds(start, Tok(_at - 1).StopIndex + 1))
            : null;
    }

    // ---------------------------------------------------------------------------------------
    // Statements and steps

    private LetStatementSyntax? Let()
    {
        _at++;
        if (Identifier() is not { } name || !Accept(G.CwfLexer.EQ) || Pipeline() is not { } pipeline) return null;
        return new LetStatementSyntax([name], pipeline);
    }

    private OutputStatementSyntax? Output()
    {
        _at++;
        if (Pipeline() is not { } pipeline || !Accept(G.CwfLexer.ARROW) || !Accept(G.CwfLexer.TABLE) || !TokenFacts.IsStringToken(Type())) return null;
        var token = Tok(_at++);
        var text = SyntaxTreeBuilder.TextOf(token);
        if (TableName.TryParse(text) is null) return null;
        var mode = WriteMode.Replace;
        if (Accept(G.CwfLexer.MODE))
        {
            switch (Identifier()?.Name.ToLowerInvariant())
            {
                case "replace":
                    break;
                case "append":
                    mode = WriteMode.Append;
                    break;
                default:
                    return null;
            }
        }
        return new OutputStatementSyntax(pipeline, new TableNameSyntax(text) { Span = TokenList.SpanOf(token) }, mode);
    }

    private PipelineSyntax? Pipeline()
    {
        if (Identifier() is not { } input) return null;
        var steps = Empty(_steps);
        while (Accept(G.CwfLexer.PIPE))
        {
            if (Step() is not { } step) return null;
            steps.Add(step);
            DropRead();
        }
        // From the input's name, the pipeline's first token.
        return new PipelineSyntax(input, Items(steps)) { Span = TextSpan.FromBounds(input.Span.Start, Tok(_at - 1).StopIndex + 1) };
    }

    private StepSyntax? Step()
    {
        if (Type() == TokenConstants.EOF) return null;
        // Where the step starts in the text: a union lets its tokens go as it reads them (DropRead).
        int start = Tok(_at).StartIndex;
        StepSyntax? step = Type() switch
        {
            G.CwfLexer.FILTER => Filter(),
            G.CwfLexer.DERIVE => Derive(),
            G.CwfLexer.SELECT => Select(),
            G.CwfLexer.DROP => Drop(),
            G.CwfLexer.JOIN or G.CwfLexer.INNER or G.CwfLexer.LEFT or G.CwfLexer.RIGHT or G.CwfLexer.FULL => Join(),
            G.CwfLexer.UNION => Union(),
            G.CwfLexer.GROUP => Group(),
            G.CwfLexer.POINT => Point(),
            G.CwfLexer.BUFFER => Buffer(),
            _ => null,
        };
        return step is null ? null : SyntaxNode.Spanned(step, TextSpan.FromBounds(start, Tok(_at - 1).StopIndex + 1));
    }

    // Nothing after this reads the tokens before the last one read (which may end a span): a long pipeline's or union's go.
    private void DropRead()
    {
        if (_feed is not null) _offset += _feed.Drop(_at - 1 - _offset);
    }

    private FilterStepSyntax? Filter()
    {
        _at++;
        return TopExpression() is { } predicate ? new FilterStepSyntax(predicate) : null;
    }

    private DeriveStepSyntax? Derive()
    {
        var columns = Empty(_derivations);
        do
        {
            _at++;
            int start = _at;
            if (Identifier(soft: true) is not { } name || !Accept(G.CwfLexer.EQ) || TopExpression() is not { } expression) return null;
            columns.Add(new DerivationSyntax(name, expression) { Span = SpanFrom(start) });
        }
        while (Type() == G.CwfLexer.COMMA);
        return new DeriveStepSyntax(Items(columns));
    }

    private SelectStepSyntax? Select()
    {
        var items = Empty(_selectItems);
        do
        {
            _at++;
            int start = _at;
            // `*` and `name.*` are items of their own in the grammar.
            if (Type() == G.CwfLexer.STAR || (Type(1) == G.CwfLexer.DOT && Type(2) == G.CwfLexer.STAR)) return null;
            if (TopExpression() is not { } expression) return null;
            IdentifierSyntax? alias = null;
            // After `as` any name; without it only a plain one (`select x m` may be a quantity).
            if (Accept(G.CwfLexer.AS) ? (alias = Identifier(soft: true)) is null : IsIdentifier(Type()) && (alias = Identifier()) is null) return null;
            items.Add(new SelectItemSyntax(expression, alias) { Span = SpanFrom(start) });
        }
        while (Type() == G.CwfLexer.COMMA);
        return new SelectStepSyntax(Items(items));
    }

    private DropStepSyntax? Drop()
    {
        var columns = Empty(_columns);
        do
        {
            _at++;
            if (ColumnRef() is not { } column) return null;
            columns.Add(column);
        }
        while (Type() == G.CwfLexer.COMMA);
        return new DropStepSyntax(Items(columns));
    }

    private JoinStepSyntax? Join()
    {
        var kind = Type() switch
        {
            G.CwfLexer.LEFT => JoinKind.Left,
            G.CwfLexer.RIGHT => JoinKind.Right,
            G.CwfLexer.FULL => JoinKind.Full,
            _ => JoinKind.Inner,
        };
        if (Type() != G.CwfLexer.JOIN)
        {
            _at++;
            if (kind != JoinKind.Inner) Accept(G.CwfLexer.OUTER);
        }
        if (!Accept(G.CwfLexer.JOIN) || Identifier() is not { } other || !Accept(G.CwfLexer.ON) || TopExpression() is not { } condition) return null;
        return new JoinStepSyntax(kind, other, condition);
    }

    private UnionStepSyntax? Union()
    {
        _at++;
        bool byName = Type() == G.CwfLexer.BY && Type(1) == G.CwfLexer.NAME;
        if (byName) _at += 2;
        var others = Empty(_unionInputs);
        do
        {
            if (others.Count > 0) _at++;
            if (Identifier() is not { } other) return null;
            others.Add(other);
            DropRead();
        }
        while (Type() == G.CwfLexer.COMMA);
        return new UnionStepSyntax(Items(others), byName);
    }

    // group by key, ... { name: aggregate, ... }: a key is `name = expression` or a column; the block may end with a comma.
    private GroupStepSyntax? Group()
    {
        _at++;
        if (!Accept(G.CwfLexer.BY)) return null;
        var keys = Empty(_groupKeys);
        do
        {
            if (keys.Count > 0) _at++;
            if (GroupKey() is not { } key) return null;
            keys.Add(key);
        }
        while (Type() == G.CwfLexer.COMMA);
        if (!Accept(G.CwfLexer.LBRACE)) return null;
        var aggregates = Empty(_aggregates);
        while (Type() != G.CwfLexer.RBRACE)
        {
            int start = _at;
            IdentifierSyntax? name = null;
            if (TokenFacts.IsNameToken(Type()) && Type(1) == G.CwfLexer.COLON)
            {
                name = Identifier(soft: true)!;
                _at++;
            }
            if (TopExpression() is not { } expression) return null;
            aggregates.Add(new AggregateItemSyntax(name, expression) { Span = SpanFrom(start) });
            if (!Accept(G.CwfLexer.COMMA)) break;
        }
        return Accept(G.CwfLexer.RBRACE) ? new GroupStepSyntax(Items(keys), Items(aggregates)) : null;
    }

    private GroupKeySyntax? GroupKey()
    {
        int start = _at;
        if (!TokenFacts.IsNameToken(Type()) || Type(1) != G.CwfLexer.EQ)
            return ColumnRef() is { } column ? new GroupKeySyntax(null, column) { Span = SpanFrom(start) } : null;
        var name = Identifier(soft: true)!;
        _at++;
        return TopExpression() is { } expression ? new GroupKeySyntax(name, expression) { Span = SpanFrom(start) } : null;
    }

    private PointStepSyntax? Point()
    {
        _at++;
        if (Identifier() is not { } first || !Accept(G.CwfLexer.EQ) || ColumnRef() is not { } firstColumn || !Accept(G.CwfLexer.COMMA)
            || Identifier() is not { } second || !Accept(G.CwfLexer.EQ) || ColumnRef() is not { } secondColumn
            || !Alias(out var alias))
            return null;
        string a = first.Name.ToLowerInvariant(), b = second.Name.ToLowerInvariant();
        if (SyntaxTreeBuilder.IsLatitude(a) && SyntaxTreeBuilder.IsLongitude(b)) return new PointStepSyntax(firstColumn, secondColumn, alias);
        if (SyntaxTreeBuilder.IsLongitude(a) && SyntaxTreeBuilder.IsLatitude(b)) return new PointStepSyntax(secondColumn, firstColumn, alias);
        return null;
    }

    private BufferStepSyntax? Buffer()
    {
        _at++;
        if (ColumnRef() is not { } column || !Accept(G.CwfLexer.BY) || TopExpression() is not { } distance) return null;
        string? unit = IsUnit(Type()) ? Tok(_at++).Text.ToLowerInvariant() : null;
        return Alias(out var alias) ? new BufferStepSyntax(column, distance, unit, alias) : null;
    }

    // `as name`, or nothing; false when `as` is not followed by a name.
    private bool Alias(out IdentifierSyntax? alias)
    {
        alias = null;
        if (!Accept(G.CwfLexer.AS)) return true;
        alias = Identifier();
        return alias is not null;
    }

    // ---------------------------------------------------------------------------------------
    // Expressions, built as SyntaxTreeBuilder builds them from the grammar's flat lists.

    private ExpressionSyntax? TopExpression()
    {
        var expression = Expression();
        // Too deep for the builder: it reports that.
        if (expression is null || (expression.Span.Length > SyntaxLimits.MaxExpressionDepth && expression.Depth() > SyntaxLimits.MaxExpressionDepth))
            return null;
        return expression;
    }

    private ExpressionSyntax? Expression()
    {
        var term = Term();
        if (term is null || Type() is not (G.CwfLexer.AND or G.CwfLexer.OR)) return term;
        var disjuncts = new List<ExpressionSyntax>();
        var conjuncts = new List<ExpressionSyntax> { term };
        while (true)
        {
            int type = Type();
            bool end = type is not (G.CwfLexer.AND or G.CwfLexer.OR);
            if (end || type == G.CwfLexer.OR)
            {
                disjuncts.Add(SyntaxTreeBuilder.Chain(conjuncts, BinaryOperator.And));
                conjuncts.Clear();
            }
            if (end) return SyntaxTreeBuilder.Chain(disjuncts, BinaryOperator.Or);
            _at++;
            if (Term() is not { } next) return null;
            conjuncts.Add(next);
        }
    }

    // NOT* value (comparison | IS NOT? NULL)*; the other predicate tails are left to the grammar.
    private ExpressionSyntax? Term()
    {
        int nots = _at;
        while (Type() == G.CwfLexer.NOT) _at++;
        int valueAt = _at;
        var result = Value();
        while (result is not null)
        {
            int type = Type();
            if (type is G.CwfLexer.EQ or G.CwfLexer.EQ2 or G.CwfLexer.NEQ or G.CwfLexer.NEQ2 or G.CwfLexer.LT or G.CwfLexer.LE or G.CwfLexer.GT or G.CwfLexer.GE)
            {
                _at++;
                if (Value() is not { } right) return null;
                result = new BinarySyntax(SyntaxTreeBuilder.Comparison(type), result, right) { Span = TextSpan.FromBounds(result.Span.Start, right.Span.End) };
            }
            else if (type == G.CwfLexer.IS)
            {
                _at++;
                bool negated = Accept(G.CwfLexer.NOT);
                if (!Accept(G.CwfLexer.NULL)) return null;
                result = new IsNullSyntax(result, negated) { Span = TextSpan.FromBounds(result.Span.Start, Tok(_at - 1).StopIndex + 1) };
            }
            else if (type is G.CwfLexer.NOT or G.CwfLexer.IN or G.CwfLexer.BETWEEN or G.CwfLexer.LIKE) return null;
            else break;
        }
        for (int k = valueAt - 1; k >= nots && result is not null; k--)
            result = new UnarySyntax(UnaryOperator.Not, result) { Span = TextSpan.FromBounds(Tok(k).StartIndex, result.Span.End) };
        return result;
    }

    private ExpressionSyntax? Value()
    {
        var first = Operand();
        if (first is null || !IsValueOperator(Type())) return first;
        var operands = new List<ExpressionSyntax> { first };
        var operators = new List<int>();
        while (IsValueOperator(Type()))
        {
            operators.Add(Tok(_at++).Type);
            if (Operand() is not { } next) return null;
            operands.Add(next);
        }
        return ValueOperators.Fold(operands, operators);
    }

    // ('-' | '+')* primary; a `::` cast is left to the grammar.
    private ExpressionSyntax? Operand()
    {
        int signs = _at;
        while (Type() is G.CwfLexer.MINUS or G.CwfLexer.PLUS) _at++;
        int primaryAt = _at;
        var result = Primary();
        if (result is null || Type() == G.CwfLexer.DOUBLE_COLON) return null;
        for (int k = primaryAt - 1; k >= signs; k--)
        {
            var sign = Tok(k);
            result = new UnarySyntax(sign.Type == G.CwfLexer.MINUS ? UnaryOperator.Minus : UnaryOperator.Plus, result)
            {
                Span = TextSpan.FromBounds(sign.StartIndex, result.Span.End),
            };
        }
        return result;
    }

    private ExpressionSyntax? Primary()
    {
        int start = _at;
        ExpressionSyntax? result;
        switch (Type())
        {
            case G.CwfLexer.INTEGER or G.CwfLexer.FLOAT:
                var number = Tok(_at++);
                var digits = Spelling(number, 0);
                if (!SyntaxTreeBuilder.IsValidNumber(number.Type, digits)) return null;
                result = WithUnit(new LiteralSyntax(number.Type == G.CwfLexer.INTEGER ? LiteralKind.Integer : LiteralKind.Float, digits) { Span = TokenList.SpanOf(number) });
                break;
            case G.CwfLexer.PARAMETER:
                var parameter = Tok(_at++);
                result = WithUnit(new ParameterSyntax(Spelling(parameter, 1)) { Span = TokenList.SpanOf(parameter) });
                break;
            case G.CwfLexer.SQ_STRING:
                result = new LiteralSyntax(LiteralKind.String, SyntaxTreeBuilder.UnquoteSingle(Spelling(Tok(_at++), 0)));
                break;
            case G.CwfLexer.TRUE or G.CwfLexer.FALSE:
                result = LiteralSyntax.Bool(Tok(_at++).Type == G.CwfLexer.TRUE);
                break;
            case G.CwfLexer.NULL:
                _at++;
                result = LiteralSyntax.Null();
                break;
            case G.CwfLexer.LPAREN:
                _at++;
                result = Nested() is { } inner && Accept(G.CwfLexer.RPAREN) ? new ParenthesizedSyntax(inner) : null;
                break;
            default:
                result = NameOrCall();
                break;
        }
        return result is null ? null : SyntaxNode.Spanned(result, SpanFrom(start));
    }

    private ExpressionSyntax WithUnit(ExpressionSyntax value) =>
        IsUnit(Type()) ? new QuantitySyntax(value, Tok(_at++).Text.ToLowerInvariant()) : value;

    // qualifiedName, or qualifiedName ( arguments ) without DISTINCT, `*`, ORDER BY or OVER.
    private ExpressionSyntax? NameOrCall()
    {
        // The keywords that start other primaries: date '...', timestamp '...', decimal '...', extract(...).
        if (Type() is G.CwfLexer.DATE or G.CwfLexer.TIMESTAMP or G.CwfLexer.DECIMAL && Type(1) == G.CwfLexer.SQ_STRING) return null;
        if (Type() == G.CwfLexer.EXTRACT && Type(1) == G.CwfLexer.LPAREN) return null;
        if (QualifiedName() is not { } parts) return null;
        if (Type() != G.CwfLexer.LPAREN) return parts.Count > 3 ? null : new NameSyntax(parts);
        _at++;
        List<ExpressionSyntax>? arguments = null;
        if (Type() != G.CwfLexer.RPAREN)
        {
            if (Type() is G.CwfLexer.DISTINCT or G.CwfLexer.STAR) return null;
            do
            {
                if (arguments is not null) _at++;
                if (Nested() is not { } argument) return null;
                (arguments ??= []).Add(argument);
            }
            while (Type() == G.CwfLexer.COMMA);
        }
        if (!Accept(G.CwfLexer.RPAREN) || Type() == G.CwfLexer.OVER) return null;
        return new CallSyntax(parts, arguments is null ? [] : arguments.ToSeq(), false, []);
    }

    // identifier ('.' identifier)*: nearly always one name, made without a list.
    private Seq<IdentifierSyntax>? QualifiedName()
    {
        if (Identifier(soft: true) is not { } first) return null;
        if (Type() != G.CwfLexer.DOT)
        {
            Seq<IdentifierSyntax> one = [first];
            return one;
        }
        var parts = new List<IdentifierSyntax>(3) { first };
        while (Accept(G.CwfLexer.DOT))
        {
            if (Identifier(soft: true) is not { } part) return null;
            parts.Add(part);
        }
        return parts.ToSeq();
    }

    // An expression inside parentheses or a call's arguments.
    private ExpressionSyntax? Nested()
    {
        if (++_nesting > MaxNesting) return null;
        var expression = Expression();
        _nesting--;
        return expression;
    }

    // ---------------------------------------------------------------------------------------
    // Names and tokens

    // soft: a keyword that is also a name (`name`, `date`, `left`) is one here, where nothing else can stand.
    private IdentifierSyntax? Identifier(bool soft = false)
    {
        int type = Type();
        if (!IsIdentifier(type) && !(soft && TokenFacts.SoftKeywords.Contains(type))) return null;
        var token = Tok(_at++);
        return new IdentifierSyntax(SyntaxTreeBuilder.IdentifierName(token)) { Span = TokenList.SpanOf(token) };
    }

    // identifier ('.' identifier)?
    private NameSyntax? ColumnRef()
    {
        int start = _at;
        if (Identifier(soft: true) is not { } first) return null;
        if (!Accept(G.CwfLexer.DOT)) return new NameSyntax([first]) { Span = SpanFrom(start) };
        return Identifier(soft: true) is { } second ? new NameSyntax([first, second]) { Span = SpanFrom(start) } : null;
    }

    // The text of a token that has none of its own (a number, a parameter, a string) without its first `skip` characters,
    // read from the source: the token would make the string through a new Interval at every read of its text.
    private string Spelling(IToken token, int skip) => _text.Substring(token.StartIndex + skip, token.StopIndex + 1 - token.StartIndex - skip);

    private static bool IsIdentifier(int type) => type is G.CwfLexer.IDENTIFIER or G.CwfLexer.DQ_STRING or G.CwfLexer.BQ_IDENTIFIER;

    private static bool IsValueOperator(int type) =>
        type is G.CwfLexer.CONCAT or G.CwfLexer.PLUS or G.CwfLexer.MINUS or G.CwfLexer.STAR or G.CwfLexer.SLASH or G.CwfLexer.PERCENT;

    private static bool IsUnit(int type) =>
        type is G.CwfLexer.M or G.CwfLexer.KM or G.CwfLexer.MI or G.CwfLexer.FT or G.CwfLexer.M2 or G.CwfLexer.KM2
            or G.CwfLexer.MI2 or G.CwfLexer.HA or G.CwfLexer.TIME_UNIT;

    private int Type(int ahead = 0)
    {
        int i = _at + ahead;
        return i < _end || (_feed is not null && _feed.Reaches(i, ref _end)) ? Tok(i).Type : TokenConstants.EOF;
    }

    private IToken Tok(int index) => _tokens[index - _offset];

    private bool Accept(int type)
    {
        if (Type() != type) return false;
        _at++;
        return true;
    }

    // A scratch list, emptied (a form that failed may have left items in it).
    private static List<T> Empty<T>(List<T> scratch)
    {
        scratch.Clear();
        return scratch;
    }

    private static SegmentedList<T> Empty<T>(SegmentedList<T> scratch)
    {
        scratch.Clear();
        return scratch;
    }

    private static Seq<T> Items<T>(List<T> scratch) => scratch.Count == 0 ? [] : new(ImmutableCollectionsMarshal.AsImmutableArray(scratch.ToArray()));

    private static Seq<T> Items<T>(SegmentedList<T> scratch) => scratch.Count == 0 ? [] : new(scratch.ToImmutableArray());

    // From token `start` to the last one read.
    private TextSpan SpanFrom(int start) => TextSpan.FromBounds(Tok(start).StartIndex, Tok(_at - 1).StopIndex + 1);
}
