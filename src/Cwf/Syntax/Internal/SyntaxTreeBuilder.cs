using System.Runtime.InteropServices;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Text;
using G = Cwf.Syntax.Generated;

namespace Cwf.Syntax.Internal;

/// <summary>
/// Turns ANTLR parse trees into the immutable syntax tree, with spans. Operator chains are
/// flat lists in the parse tree and are folded left to right here with loops. Checks what the
/// grammar cannot say (number ranges, date literals, output modes, table names, expression
/// depth) and reports each as a diagnostic; <see cref="Failed"/> then tells the driver to keep
/// the statement as erroneous.
/// </summary>
internal sealed class SyntaxTreeBuilder(SourceText source, ExpressionParseOptions options, StepVocabulary? steps = null)
{
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly StepVocabulary _steps = steps ?? StepVocabulary.Empty;

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;
    public bool Failed => _diagnostics.Exists(d => d.IsError);

    // ---------------------------------------------------------------------------------------
    // Statements

    public StatementSyntax Statement(G.CwfParser.StatementContext context)
    {
        StatementSyntax statement = context switch
        {
            G.CwfParser.WorkflowStatementContext c => new WorkflowStatementSyntax(Text(c.text())),
            G.CwfParser.ParameterStatementContext c => new ParameterStatementSyntax(
                c.kind.Type == G.CwfLexer.PARAM, Identifier(c.identifier()), c.typeName() is { } t ? Type(t) : null, TopExpression(c.expression())),
            G.CwfParser.SourceStatementContext c => new SourceStatementSyntax(
                Identifier(c.identifier()), TableName(c.text()), c.schemaBlock() is { } s ? Schema(s) : null),
            G.CwfParser.ValuesStatementContext c => new ValuesStatementSyntax(Identifier(c.identifier()), Schema(c.schemaBlock()),
                [.. c.valuesRow().Select(r => new ValuesRowSyntax([.. r.expression().Select(TopExpression)]) { Span = Span(r) })]),
            G.CwfParser.ImportStatementContext c => new ImportStatementSyntax(Identifier(c.identifier()), LiteralSyntax.String(Text(c.text())) with { Span = Span(c.text()) },
                StepOptions(c.stepOptions()), c.schemaBlock() is { } s ? Schema(s) : null),
            G.CwfParser.LetStatementContext c => new LetStatementSyntax(Identifiers(c), Pipeline(c.pipeline())),
            G.CwfParser.ComponentStatementContext c => new ComponentStatementSyntax(Identifier(c.identifier(0)), Text(c.text()),
                [.. c.identifier().Skip(1).Select(Identifier)],
                c.propertyBlock() is { } block ? [.. block.property().Select(p => new ComponentPropertySyntax(Identifier(p.identifier()), Text(p.text())) { Span = Span(p) })] : []),
            G.CwfParser.OutputStatementContext c => new OutputStatementSyntax(Pipeline(c.pipeline()), TableName(c.text()), Mode(c.identifier())),
            G.CwfParser.AssertStatementContext c => new AssertStatementSyntax(
                c.identifier() is { } name ? Identifier(name) : null, c.text() is { } table ? TableName(table) : null, Check(c.assertion())),
            G.CwfParser.UnknownStatementContext c => UnknownStatement(c),
            _ => throw new InvalidOperationException($"Unexpected statement {context.GetType().Name}."),
        };
        return SyntaxNode.Spanned(statement, Span(context));
    }

    private StatementSyntax UnknownStatement(G.CwfParser.UnknownStatementContext c)
    {
        var word = c.IDENTIFIER().GetText();
        Report(DiagnosticCodes.UnknownStatement, c.IDENTIFIER().Symbol, $"unknown statement '{word}'",
            NameSuggestions.DidYouMean(word, TokenFacts.StatementKeywords),
            "a statement starts with " + string.Join(", ", TokenFacts.StatementKeywords));
        return new ErroneousStatementSyntax(source.ToString(Span(c)), []);
    }

    private CheckSyntax Check(G.CwfParser.AssertionContext context)
    {
        CheckSyntax check = context switch
        {
            G.CwfParser.UniqueAssertionContext c => new UniqueCheckSyntax([.. c.columnRef().Select(ColumnRef)]),
            G.CwfParser.NotNullAssertionContext c => new NotNullCheckSyntax([.. c.columnRef().Select(ColumnRef)]),
            G.CwfParser.RowsAssertionContext c => new RowsCheckSyntax(RowCount(c.INTEGER(0).Symbol), RowCount(c.INTEGER(1).Symbol)),
            G.CwfParser.AcceptedValuesAssertionContext c => new AcceptedValuesCheckSyntax(ColumnRef(c.columnRef()), [.. c.expression().Select(TopExpression)]),
            G.CwfParser.ExpressionAssertionContext c => new ExpressionCheckSyntax(TopExpression(c.expression())),
            G.CwfParser.UnknownAssertionContext c => UnknownCheck(c),
            _ => throw new InvalidOperationException($"Unexpected check {context.GetType().Name}."),
        };
        return SyntaxNode.Spanned(check, Span(context));
    }

    private static readonly string[] CheckKinds = ["unique", "not_null", "rows", "accepted_values", "expression"];

    private CheckSyntax UnknownCheck(G.CwfParser.UnknownAssertionContext c)
    {
        var word = c.IDENTIFIER().GetText();
        Report(DiagnosticCodes.UnknownCheck, c.IDENTIFIER().Symbol, $"unknown data check '{word}'",
            NameSuggestions.DidYouMean(word, CheckKinds),
            "the checks are unique(col, ...), not_null(col, ...), rows between a and b, accepted_values(col, [v, ...]) and expression <condition>");
        // A stand-in: the error makes the driver keep the whole statement as erroneous text.
        return new RowsCheckSyntax(0, 0);
    }

    private long RowCount(IToken token)
    {
        if (long.TryParse(token.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long value)) return value;
        Report(DiagnosticCodes.InvalidNumber, token, $"the number {token.Text} is too large", "a row count is at most 9223372036854775807");
        return 0;
    }

    private Seq<ColumnDeclarationSyntax> Schema(G.CwfParser.SchemaBlockContext context) =>
        [.. context.columnDecl().Select(c => new ColumnDeclarationSyntax(Identifier(c.identifier()), Type(c.typeName()), c.NOT() is not null) { Span = Span(c) })];

    private TableNameSyntax TableName(G.CwfParser.TextContext context)
    {
        var text = Text(context);
        if (Ir.TableName.TryParse(text) is null)
            Report(DiagnosticCodes.InvalidTableName, Span(context), $"'{text}' is not a table name",
                "write one to three dotted parts: \"table\", \"schema.table\" or \"catalog.schema.table\"");
        return new TableNameSyntax(text) { Span = Span(context) };
    }

    private WriteMode Mode(G.CwfParser.IdentifierContext? context)
    {
        if (context is null) return WriteMode.Replace;
        var word = Identifier(context).Name;
        switch (word.ToLowerInvariant())
        {
            case "replace":
                return WriteMode.Replace;
            case "append":
                return WriteMode.Append;
            default:
                Report(DiagnosticCodes.InvalidWriteMode, Span(context), $"unknown output mode '{word}'",
                    NameSuggestions.DidYouMean(word, ["replace", "append"]), "valid modes: replace, append");
                return WriteMode.Replace;
        }
    }

    private PipelineSyntax Pipeline(G.CwfParser.PipelineContext context) =>
        new(Identifier(First<G.CwfParser.IdentifierContext>(context)!), All<G.CwfParser.StepContext, StepSyntax>(context, static (b, c) => b.Step(c))) { Span = Span(context) };

    // ---------------------------------------------------------------------------------------
    // Steps

    private StepSyntax Step(G.CwfParser.StepContext context)
    {
        StepSyntax step = context switch
        {
            G.CwfParser.FilterStepContext c => new FilterStepSyntax(TopExpression(First<G.CwfParser.ExpressionContext>(c)!)),
            G.CwfParser.SplitStepContext c => new SplitStepSyntax(TopExpression(c.expression())),
            G.CwfParser.SelectStepContext c => new SelectStepSyntax(All<G.CwfParser.SelectItemContext, SelectItemSyntax>(c, static (b, i) => b.SelectItem(i))),
            G.CwfParser.DeriveStepContext c => new DeriveStepSyntax(All<G.CwfParser.DerivationContext, DerivationSyntax>(c, static (b, d) =>
                new DerivationSyntax(b.Identifier(First<G.CwfParser.IdentifierContext>(d)!), b.TopExpression(First<G.CwfParser.ExpressionContext>(d)!)) { Span = Span(d) })),
            G.CwfParser.RenameStepContext c => new RenameStepSyntax(All<G.CwfParser.RenamingContext, RenamingSyntax>(c, static (b, r) =>
                new RenamingSyntax(b.ColumnRef(r.columnRef()), b.Identifier(r.identifier())) { Span = Span(r) })),
            G.CwfParser.DropStepContext c => new DropStepSyntax(All<G.CwfParser.ColumnRefContext, NameSyntax>(c, static (b, r) => b.ColumnRef(r))),
            G.CwfParser.SortStepContext c => new SortStepSyntax([.. c.sortKey().Select(SortKey)]),
            G.CwfParser.TakeStepContext c when c.PER() is null => new TakeStepSyntax(TopExpression(c.expression(0))),
            G.CwfParser.TakeStepContext c => new TakePerStepSyntax(TopExpression(c.expression(0)), [.. c.expression().Skip(1).Select(TopExpression)], WindowKeys(c.keyOrder().sortKey())),
            G.CwfParser.DistinctStepContext c when c.ON() is null => new DistinctStepSyntax(),
            G.CwfParser.DistinctStepContext c => new DistinctOnStepSyntax([.. c.expression().Select(TopExpression)], c.keyOrder() is { } order ? WindowKeys(order.sortKey()) : []),
            G.CwfParser.GroupStepContext c => new GroupStepSyntax(All<G.CwfParser.GroupKeyContext, GroupKeySyntax>(c, static (b, k) => b.GroupKey(k)), Aggregates(c.aggregateBlock())),
            G.CwfParser.SummarizeStepContext c => new SummarizeStepSyntax(Aggregates(c.aggregateBlock())),
            G.CwfParser.JoinStepContext c => new JoinStepSyntax(JoinKind(c.joinKind()), Identifier(c.identifier()), TopExpression(c.expression())),
            G.CwfParser.NearestStepContext c => new NearestStepSyntax(TopExpression(c.expression(0)), Identifier(c.identifier(0)),
                c.columnRef().Length > 0 ? ColumnRef(c.columnRef(0)) : null, c.columnRef().Length > 1 ? ColumnRef(c.columnRef(1)) : null,
                c.WITHIN() is null ? null : TopExpression(c.expression(1)), Unit(c.unit()), c.AS() is null ? null : Identifier(c.identifier(1))),
            G.CwfParser.SpatialJoinStepContext c => new SpatialJoinStepSyntax(Identifier(c.identifier()), TopExpression(c.expression()), JoinKind(c.joinKind())),
            G.CwfParser.SpatialFilterStepContext c => new SpatialFilterStepSyntax(Identifier(c.identifier()), TopExpression(c.expression())),
            G.CwfParser.UnionStepContext c => new UnionStepSyntax(Identifiers(c), c.NAME() is not null),
            G.CwfParser.BufferStepContext c => new BufferStepSyntax(ColumnRef(c.columnRef()), TopExpression(c.expression()), Unit(c.unit()), Alias(c.identifier())),
            G.CwfParser.CentroidStepContext c => new CentroidStepSyntax(ColumnRef(c.columnRef()), Alias(c.identifier())),
            G.CwfParser.AreaStepContext c => new AreaStepSyntax(ColumnRef(c.columnRef()), Unit(c.unit()), Alias(c.identifier())),
            G.CwfParser.DistanceStepContext c => new DistanceStepSyntax(ColumnRef(c.columnRef(0)), ColumnRef(c.columnRef(1)), Unit(c.unit()), Alias(c.identifier())),
            G.CwfParser.PointStepContext c => PointStep(c),
            G.CwfParser.H3StepContext c => new H3StepSyntax(ColumnRef(c.columnRef()), TopExpression(c.expression()), Alias(c.identifier())),
            G.CwfParser.H3BoundaryStepContext c => new H3BoundaryStepSyntax(ColumnRef(c.columnRef()), Alias(c.identifier())),
            G.CwfParser.SqlStepContext c => new SqlStepSyntax([.. c.identifier().Select(Identifier)], Text(c.text()), c.schemaBlock() is { } s ? Schema(s) : null),
            G.CwfParser.CallStepContext c => new CallStepSyntax([.. c.identifier().Select(Identifier)], Text(c.text()), c.schemaBlock() is { } s ? Schema(s) : null),
            G.CwfParser.GenericStepContext c => GenericStep(c),
            G.CwfParser.UnknownStepContext c => UnknownStep(c),
            _ => throw new InvalidOperationException($"Unexpected step {context.GetType().Name}."),
        };
        return SyntaxNode.Spanned(step, Span(context));
    }

    private StepSyntax GenericStep(G.CwfParser.GenericStepContext c)
    {
        var keyword = c.IDENTIFIER();
        if (!_steps.Contains(keyword.GetText())) return UnknownKeyword(keyword.Symbol);
        return new GenericStepSyntax(new IdentifierSyntax(keyword.GetText()) { Span = Span(keyword.Symbol) },
            [.. c.expression().Select(TopExpression)], StepOptions(c.stepOptions()), Alias(c.identifier()));
    }

    /// <summary><c>{ name: value, ... }</c> of a generic step or an import source; none when left out.</summary>
    private Seq<StepOptionSyntax> StepOptions(G.CwfParser.StepOptionsContext? context) =>
        [.. (context?.stepOption() ?? []).Select(o => new StepOptionSyntax(Identifier(o.identifier()), TopExpression(o.expression())) { Span = Span(o) })];

    private StepSyntax UnknownStep(G.CwfParser.UnknownStepContext c)
    {
        var keyword = c.IDENTIFIER();
        if (!_steps.Contains(keyword.GetText())) return UnknownKeyword(keyword.Symbol);
        var word = keyword.GetText().ToLowerInvariant();
        Report(DiagnosticCodes.UnexpectedToken, Span(c), $"'{word}' is written in the generic step form",
            $"write: {word} argument, ... {{ option: value, ... }} [as name]");
        return new DistinctStepSyntax();
    }

    private StepSyntax UnknownKeyword(IToken keyword)
    {
        _diagnostics.Add(_steps.UnknownStep(keyword.Text, new SourceLocation(source, Span(keyword))));
        // A stand-in: the error makes the driver keep the whole statement as erroneous text.
        return new DistinctStepSyntax();
    }

    private StepSyntax PointStep(G.CwfParser.PointStepContext c)
    {
        var first = Identifier(c.identifier(0)).Name.ToLowerInvariant();
        var second = Identifier(c.identifier(1)).Name.ToLowerInvariant();
        var alias = c.identifier().Length > 2 ? Identifier(c.identifier(2)) : null;
        if (IsLatitude(first) && IsLongitude(second)) return new PointStepSyntax(ColumnRef(c.columnRef(0)), ColumnRef(c.columnRef(1)), alias);
        if (IsLongitude(first) && IsLatitude(second)) return new PointStepSyntax(ColumnRef(c.columnRef(1)), ColumnRef(c.columnRef(0)), alias);
        Report(DiagnosticCodes.InvalidPointArguments, Span(c), "point needs a latitude and a longitude column",
            "write: point lat = latitude_column, lon = longitude_column");
        return new PointStepSyntax(ColumnRef(c.columnRef(0)), ColumnRef(c.columnRef(1)), alias);
    }

    /// <summary>The words a point step takes its latitude and longitude columns by (lower case).</summary>
    internal static bool IsLatitude(string word) => word is "lat" or "latitude";

    internal static bool IsLongitude(string word) => word is "lon" or "lng" or "longitude";

    private static JoinKind JoinKind(G.CwfParser.JoinKindContext? context) => context switch
    {
        null => Ir.JoinKind.Inner,
        _ when context.LEFT() is not null => Ir.JoinKind.Left,
        _ when context.RIGHT() is not null => Ir.JoinKind.Right,
        _ when context.FULL() is not null => Ir.JoinKind.Full,
        _ => Ir.JoinKind.Inner,
    };

    private SortKeySyntax SortKey(G.CwfParser.SortKeyContext context)
    {
        if (context.FIRST() is { } first)
            Report(DiagnosticCodes.NullsFirst, first.Symbol, "NULLs always sort last in cwf",
                "remove 'nulls first'; to put NULLs first, sort by (x is null) desc, then by x");
        return new SortKeySyntax(TopExpression(context.expression()), context.DESC() is not null) { Span = Span(context) };
    }

    /// <summary>Order keys of a window or a per-group step: NULLS FIRST is allowed there.</summary>
    private Seq<WindowKeySyntax> WindowKeys(G.CwfParser.SortKeyContext[] keys) =>
        [.. keys.Select(k => new WindowKeySyntax(TopExpression(k.expression()), k.DESC() is not null, k.FIRST() is not null) { Span = Span(k) })];

    private WindowSyntax Window(G.CwfParser.OverClauseContext c)
    {
        var frame = c.windowFrame() is { } f ? new WindowFrame(Bound(f.frameBound(0)), Bound(f.frameBound(1))) : null;
        return new WindowSyntax([.. c.expression().Select(Expression)], c.windowOrder() is { } order ? WindowKeys(order.sortKey()) : [], frame) { Span = Span(c) };
    }

    private FrameBound Bound(G.CwfParser.FrameBoundContext c)
    {
        if (c.CURRENT() is not null) return new FrameBound(FrameBoundKind.CurrentRow);
        bool preceding = c.PRECEDING() is not null;
        if (c.UNBOUNDED() is not null) return new FrameBound(preceding ? FrameBoundKind.UnboundedPreceding : FrameBoundKind.UnboundedFollowing);
        if (!long.TryParse(c.INTEGER().GetText(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long offset))
        {
            Report(DiagnosticCodes.InvalidWindowFrame, Span(c), "a frame offset must be a whole number below 2^63", "write a smaller number of rows");
            offset = 0;
        }
        return new FrameBound(preceding ? FrameBoundKind.Preceding : FrameBoundKind.Following, offset);
    }

    private GroupKeySyntax GroupKey(G.CwfParser.GroupKeyContext context) =>
        context.columnRef() is { } column
            ? new GroupKeySyntax(null, ColumnRef(column)) { Span = Span(context) }
            : new GroupKeySyntax(Identifier(context.identifier()), TopExpression(context.expression())) { Span = Span(context) };

    private Seq<AggregateItemSyntax> Aggregates(G.CwfParser.AggregateBlockContext context) =>
        All<G.CwfParser.AggregateItemContext, AggregateItemSyntax>(context, static (b, a) => new AggregateItemSyntax(
            a.identifier() is { } name ? b.Identifier(name) : null, b.TopExpression(a.expression())) { Span = Span(a) });

    private static string? Unit(G.CwfParser.UnitContext? context) => context?.GetText().ToLowerInvariant();

    private IdentifierSyntax? Alias(G.CwfParser.IdentifierContext? context) => context is null ? null : Identifier(context);

    private NameSyntax ColumnRef(G.CwfParser.ColumnRefContext context) =>
        new(Identifiers(context)) { Span = Span(context) };

    /// <summary>The names among a rule's children (the parts of a dotted name, the names a let declares).</summary>
    private Seq<IdentifierSyntax> Identifiers(ParserRuleContext context) =>
        All<G.CwfParser.IdentifierContext, IdentifierSyntax>(context, static (b, c) => b.Identifier(c));

    /// <summary>
    /// The children of a rule that are of one rule, each built, in order: what the generated accessor and
    /// a query give, without their list, arrays and delegates (a step allocates its syntax and little else).
    /// </summary>
    private Seq<T> All<TContext, T>(ParserRuleContext context, Func<SyntaxTreeBuilder, TContext, T> build) where TContext : ParserRuleContext
    {
        var children = context.children;
        if (children is null) return [];
        int count = 0;
        for (int i = 0; i < children.Count; i++)
            if (children[i] is TContext) count++;
        if (count == 0) return [];
        var built = new T[count];
        for (int i = 0, k = 0; k < count; i++)
            if (children[i] is TContext child) built[k++] = build(this, child);
        return new(ImmutableCollectionsMarshal.AsImmutableArray(built));
    }

    /// <summary>
    /// The first child of a rule that is of one rule, or null: what the generated accessor gives,
    /// without the enumerator it allocates (several run for every step).
    /// </summary>
    private static TContext? First<TContext>(ParserRuleContext context) where TContext : ParserRuleContext
    {
        var children = context.children;
        if (children is null) return null;
        for (int i = 0; i < children.Count; i++)
            if (children[i] is TContext child) return child;
        return null;
    }

    // ---------------------------------------------------------------------------------------
    // Select lists

    public SelectListSyntax SelectList(IEnumerable<G.CwfParser.SelectItemContext> items, TextSpan span) =>
        new([.. items.Select(SelectItem)]) { Span = span };

    private SelectItemSyntax SelectItem(G.CwfParser.SelectItemContext context) => context switch
    {
        G.CwfParser.StarItemContext c => new SelectItemSyntax(new StarSyntax { Span = Span(c) }) { Span = Span(c) },
        G.CwfParser.QualifiedStarItemContext c => new SelectItemSyntax(new StarSyntax(Identifier(c.identifier())) { Span = Span(c) }) { Span = Span(c) },
        G.CwfParser.ExpressionItemContext c => new SelectItemSyntax(TopExpression(First<G.CwfParser.ExpressionContext>(c)!),
            First<G.CwfParser.IdentifierContext>(c) is { } a ? Identifier(a) : null) { Span = Span(c) },
        _ => throw new InvalidOperationException($"Unexpected select item {context.GetType().Name}."),
    };

    // ---------------------------------------------------------------------------------------
    // Expressions

    /// <summary>An expression that stands on its own (in a step, a parameter, a select item): its depth is checked.</summary>
    public ExpressionSyntax TopExpression(G.CwfParser.ExpressionContext context)
    {
        var expression = Expression(context);
        // Every level of nesting has a token, so a character, of its own: an expression no longer than
        // the limit cannot be deeper, and is not walked.
        if (expression.Span.Length <= SyntaxLimits.MaxExpressionDepth) return expression;
        int depth = expression.Depth();
        if (depth > SyntaxLimits.MaxExpressionDepth)
            Report(DiagnosticCodes.TooComplex, expression.Span,
                $"this expression is nested {depth} levels deep; the limit is {SyntaxLimits.MaxExpressionDepth}",
                "split it into several derive steps (a long chain of 'and', 'or' or '||' is fine; one of arithmetic operators nests)");
        return expression;
    }

    // An expression is a flat list in the parse tree (grammar/Cwf.g4): terms (a value with its prefix
    // nots and predicate tails) separated by and / or. And binds tighter than or; a chain of either
    // is shaped by OperatorChain (shallow). Nearly every expression is one term: built directly.
    private ExpressionSyntax Expression(G.CwfParser.ExpressionContext context)
    {
        var children = context.children;
        int i = 0;
        var term = Term(children, ref i);
        if (i == children.Count) return term;
        var disjuncts = new List<ExpressionSyntax>();
        var conjuncts = new List<ExpressionSyntax> { term };
        while (true)
        {
            bool end = i == children.Count;
            if (end || ((ITerminalNode)children[i]).Symbol.Type == G.CwfLexer.OR)
            {
                disjuncts.Add(Chain(conjuncts, BinaryOperator.And));
                conjuncts.Clear();
            }
            if (end) return Chain(disjuncts, BinaryOperator.Or);
            i++;
            conjuncts.Add(Term(children, ref i));
        }
    }

    // NOT* value predicateTail*, from children[i] on; leaves i after its last child.
    private ExpressionSyntax Term(IList<IParseTree> children, ref int i)
    {
        int nots = i;
        while (children[i] is ITerminalNode) i++;
        int valueAt = i;
        var result = Value((G.CwfParser.ValueContext)children[i++]);
        while (i < children.Count && children[i] is G.CwfParser.PredicateTailContext tail)
        {
            result = Tail(result, tail);
            i++;
        }
        for (int k = valueAt - 1; k >= nots; k--)
            result = new UnarySyntax(UnaryOperator.Not, result) { Span = TextSpan.FromBounds(((ITerminalNode)children[k]).Symbol.StartIndex, result.Span.End) };
        return result;
    }

    // A chain of one associative operator: a long one is not nesting, so it is shaped by OperatorChain (shallow).
    internal static ExpressionSyntax Chain(List<ExpressionSyntax> operands, BinaryOperator op) =>
        operands.Count == 1 ? operands[0]
            : OperatorChain.Build(operands, (left, right) => new BinarySyntax(op, left, right) { Span = left.Span.Union(right.Span) });

    private ExpressionSyntax Tail(ExpressionSyntax left, G.CwfParser.PredicateTailContext tail)
    {
        var span = TextSpan.FromBounds(left.Span.Start, Span(tail).End);
        ExpressionSyntax result = tail switch
        {
            G.CwfParser.ComparisonTailContext c => new BinarySyntax(Comparison(c.op.Type), left, Value(First<G.CwfParser.ValueContext>(c)!)),
            G.CwfParser.IsNullTailContext c => new IsNullSyntax(left, c.NOT() is not null),
            G.CwfParser.InTailContext c => new InListSyntax(left, All<G.CwfParser.ExpressionContext, ExpressionSyntax>(c, static (b, e) => b.Expression(e)), c.NOT() is not null),
            G.CwfParser.BetweenTailContext c => new BetweenSyntax(left, Value(c.value(0)), Value(c.value(1)), c.NOT() is not null),
            G.CwfParser.LikeTailContext c => new LikeSyntax(left, Value(c.value()), c.NOT() is not null),
            _ => throw new InvalidOperationException($"Unexpected predicate {tail.GetType().Name}."),
        };
        return SyntaxNode.Spanned(result, span);
    }

    internal static BinaryOperator Comparison(int type) => type switch
    {
        G.CwfLexer.EQ or G.CwfLexer.EQ2 => BinaryOperator.Equal,
        G.CwfLexer.NEQ or G.CwfLexer.NEQ2 => BinaryOperator.NotEqual,
        G.CwfLexer.LT => BinaryOperator.Less,
        G.CwfLexer.LE => BinaryOperator.LessOrEqual,
        G.CwfLexer.GT => BinaryOperator.Greater,
        _ => BinaryOperator.GreaterOrEqual,
    };

    // A value is a flat list in the parse tree: operands (a primary with prefix signs and :: casts)
    // and the binary operators between them. Nearly every value is one operand: built directly.
    private ExpressionSyntax Value(G.CwfParser.ValueContext context)
    {
        var children = context.children;
        int i = 0;
        var first = Operand(children, ref i);
        if (i == children.Count) return first;
        var operands = new List<ExpressionSyntax> { first };
        var operators = new List<int>();
        while (i < children.Count)
        {
            operators.Add(((ITerminalNode)children[i++]).Symbol.Type);
            operands.Add(Operand(children, ref i));
        }
        return ValueOperators.Fold(operands, operators);
    }

    // ('-' | '+')* primary ('::' typeName)*, from children[i] on; the casts bind tighter than the signs.
    private ExpressionSyntax Operand(IList<IParseTree> children, ref int i)
    {
        int signs = i;
        while (children[i] is ITerminalNode) i++;
        int primaryAt = i;
        var result = Primary((G.CwfParser.PrimaryContext)children[i++]);
        while (i < children.Count && children[i] is ITerminalNode { Symbol.Type: G.CwfLexer.DOUBLE_COLON })
        {
            var type = (G.CwfParser.TypeNameContext)children[i + 1];
            result = new CastSyntax(result, Type(type), Shorthand: true) { Span = TextSpan.FromBounds(result.Span.Start, Span(type).End) };
            i += 2;
        }
        for (int k = primaryAt - 1; k >= signs; k--)
        {
            var sign = ((ITerminalNode)children[k]).Symbol;
            var op = sign.Type == G.CwfLexer.MINUS ? UnaryOperator.Minus : UnaryOperator.Plus;
            result = new UnarySyntax(op, result) { Span = TextSpan.FromBounds(sign.StartIndex, result.Span.End) };
        }
        return result;
    }

    private ExpressionSyntax Primary(G.CwfParser.PrimaryContext context)
    {
        ExpressionSyntax result = context switch
        {
            G.CwfParser.NumberLiteralContext c => WithUnit(Number(c.number), First<G.CwfParser.UnitContext>(c)),
            G.CwfParser.ParameterRefContext c => WithUnit(new ParameterSyntax(c.PARAMETER().GetText()[1..]) { Span = Span(c.PARAMETER().Symbol) }, c.unit()),
            G.CwfParser.StringLiteralContext c => new LiteralSyntax(LiteralKind.String, UnquoteSingle(c.SQ_STRING().GetText())),
            G.CwfParser.BooleanLiteralContext c => LiteralSyntax.Bool(c.TRUE() is not null),
            G.CwfParser.NullLiteralContext => LiteralSyntax.Null(),
            G.CwfParser.TypedLiteralContext c => TypedLiteral(c),
            G.CwfParser.CaseExpressionContext c => new CaseSyntax(
                c.operand is null ? null : Expression(c.operand),
                [.. c.whenClause().Select(w => new WhenClauseSyntax(Expression(w.expression(0)), Expression(w.expression(1))) { Span = Span(w) })],
                c.otherwise is null ? null : Expression(c.otherwise)),
            G.CwfParser.CastExpressionContext c => new CastSyntax(Expression(c.expression()), Type(c.typeName()), Shorthand: false),
            G.CwfParser.CallExpressionContext c => Call(c),
            // SQL's extract(year from d) is the function year(d) (unknown parts stay unknown functions).
            G.CwfParser.ExtractExpressionContext c => new CallSyntax([Identifier(c.identifier())], [Expression(c.expression())]),
            G.CwfParser.NameReferenceContext c => NameReference(First<G.CwfParser.QualifiedNameContext>(c)!),
            G.CwfParser.ParenthesizedContext c => new ParenthesizedSyntax(Expression(c.expression())),
            _ => throw new InvalidOperationException($"Unexpected expression {context.GetType().Name}."),
        };
        return SyntaxNode.Spanned(result, Span(context));
    }

    private ExpressionSyntax Call(G.CwfParser.CallExpressionContext c)
    {
        var name = Identifiers(c.qualifiedName());
        Seq<ExpressionSyntax> arguments = c.STAR() is { } star
            ? [new StarSyntax { Span = Span(star.Symbol) }]
            : All<G.CwfParser.ExpressionContext, ExpressionSyntax>(c, static (b, e) => b.Expression(e));
        var call = new CallSyntax(name, arguments, c.DISTINCT() is not null, c.windowOrder() is { } order ? WindowKeys(order.sortKey()) : []);
        return c.overClause() is { } over ? new WindowCallSyntax(call with { Span = Span(c) }, Window(over)) : call;
    }

    private ExpressionSyntax NameReference(G.CwfParser.QualifiedNameContext context)
    {
        // identifier ('.' identifier)*: one child is one name.
        if (options.DoubleQuotedStrings && context.ChildCount == 1 && ((G.CwfParser.IdentifierContext)context.GetChild(0)).DQ_STRING() is { } dq)
            return new LiteralSyntax(LiteralKind.String, UnquoteDouble(dq.GetText()));
        var parts = Identifiers(context);
        if (parts.Count > 3)
            Report(DiagnosticCodes.TooManyNameParts, Span(context), $"'{context.GetText()}' has {parts.Count} parts",
                "a column is 'name' or 'relation.name'");
        return new NameSyntax(parts);
    }

    private LiteralSyntax Number(IToken token)
    {
        var text = token.Text;
        if (!IsValidNumber(token.Type, text))
            Report(DiagnosticCodes.InvalidNumber, token, $"the number {text} is too large",
                token.Type == G.CwfLexer.INTEGER ? "integers go up to 79228162514264337593543950335 (as decimal)" : "floats go up to about 1.8e308");
        return new LiteralSyntax(token.Type == G.CwfLexer.INTEGER ? LiteralKind.Integer : LiteralKind.Float, text) { Span = Span(token) };
    }

    /// <summary>Whether an INTEGER or FLOAT token's number is in range.</summary>
    internal static bool IsValidNumber(int type, string text) =>
        type == G.CwfLexer.INTEGER ? LiteralValues.Integer(text) is not null : LiteralValues.Float(text) is not null;

    private static ExpressionSyntax WithUnit(ExpressionSyntax value, G.CwfParser.UnitContext? unit) =>
        Unit(unit) is { } u ? new QuantitySyntax(value, u) : value;

    private ExpressionSyntax TypedLiteral(G.CwfParser.TypedLiteralContext c)
    {
        var value = UnquoteSingle(c.SQ_STRING().GetText());
        var (kind, valid, example) = c.kind.Type switch
        {
            G.CwfLexer.DATE => (TypedLiteralKind.Date, LiteralValues.Date(value) is not null, "date '2024-01-31'"),
            G.CwfLexer.TIMESTAMP => (TypedLiteralKind.Timestamp, LiteralValues.Timestamp(value) is not null, "timestamp '2024-01-31 13:45:00'"),
            _ => (TypedLiteralKind.Decimal, LiteralValues.Decimal(value) is not null, "decimal '12.50'"),
        };
        if (!valid)
            Report(DiagnosticCodes.InvalidTypedLiteral, Span(c), $"'{value}' is not a valid {kind.ToString().ToLowerInvariant()}", $"write it like {example}");
        return new TypedLiteralSyntax(kind, value);
    }

    // ---------------------------------------------------------------------------------------
    // Names, types, text

    public IdentifierSyntax Identifier(G.CwfParser.IdentifierContext context)
    {
        return new IdentifierSyntax(IdentifierName(context.Start)) { Span = Span(context) };
    }

    /// <summary>The name an identifier token spells: a quoted one without its quotes.</summary>
    internal static string IdentifierName(IToken token) => token.Type switch
    {
        G.CwfLexer.DQ_STRING => UnquoteDouble(token.Text),
        G.CwfLexer.BQ_IDENTIFIER => token.Text[1..^1].Replace("``", "`"),
        _ => token.Text,
    };

    private TypeSyntax Type(G.CwfParser.TypeNameContext context)
    {
        var words = new List<string> { Identifier(context.identifier()).Name.ToLowerInvariant() };
        var arguments = new List<string>();
        for (int i = 1; i < context.ChildCount; i++)
        {
            if (context.GetChild(i) is not Antlr4.Runtime.Tree.ITerminalNode terminal) continue;
            switch (terminal.Symbol.Type)
            {
                case G.CwfLexer.INTEGER:
                    arguments.Add(terminal.GetText());
                    break;
                case G.CwfLexer.LPAREN or G.CwfLexer.RPAREN or G.CwfLexer.COMMA:
                    break;
                default:
                    words.Add(terminal.GetText().ToLowerInvariant());
                    break;
            }
        }
        var text = string.Join(" ", words) + (arguments.Count > 0 ? "(" + string.Join(",", arguments) + ")" : "");
        return new TypeSyntax(text) { Span = Span(context) };
    }

    private static string Text(G.CwfParser.TextContext context) => TextOf(context.Start);

    /// <summary>The text a string token holds, without its quotes.</summary>
    internal static string TextOf(IToken token)
    {
        var text = token.Text;
        return token.Type switch
        {
            G.CwfLexer.TRIPLE_STRING => text[3..^3],
            G.CwfLexer.SQ_STRING => UnquoteSingle(text),
            _ => UnquoteDouble(text),
        };
    }

    internal static string UnquoteSingle(string text) => text[1..^1].Replace("''", "'");
    private static string UnquoteDouble(string text) => text[1..^1].Replace("\"\"", "\"");

    // ---------------------------------------------------------------------------------------
    // Spans and diagnostics

    public static TextSpan Span(ParserRuleContext context)
    {
        int start = context.Start.StartIndex;
        var stop = context.Stop;
        if (stop is null || stop.Type == TokenConstants.EOF || stop.StopIndex < start) return new TextSpan(Math.Max(0, start), 0);
        return TextSpan.FromBounds(start, stop.StopIndex + 1);
    }

    private static TextSpan Span(IToken token) => TextSpan.FromBounds(token.StartIndex, token.StopIndex + 1);

    private void Report(DiagnosticDescriptor descriptor, IToken token, string message, params string[] hints) =>
        Report(descriptor, Span(token), message, hints);

    private void Report(DiagnosticDescriptor descriptor, TextSpan span, string message, params string[] hints) =>
        _diagnostics.Add(Diagnostic.Create(descriptor, new SourceLocation(source, span), message, hints));
}
