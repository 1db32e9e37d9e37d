using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>
/// Writes IR expressions as SQL of one dialect, with parentheses only where precedence needs
/// them. Column references are written by the caller's scope (bare, or qualified by the join
/// alias of their input). Every expression is written into the emission's one <see cref="SqlBuffer"/>,
/// each node after its operands and parenthesised in place where its reader needs it, and taken from
/// it as one string (<see cref="Write"/>); the <c>Append</c> methods, which the dialects' expression
/// hooks use too, write at the buffer's end and return how tightly what they wrote binds
/// (<see cref="Precedence"/>). Recursion follows one expression's depth, which front ends bound.
/// </summary>
internal sealed class ExpressionWriter
{
    private readonly EmitContext _context;
    // The node whose expressions are written, for the diagnostics and notes they raise: a query writer's writer is reused node after node (For).
    private RelNode _node;
    private readonly Func<ColumnRef, string> _column;
    private readonly SqlBuffer _sql;
    // The last column reference written: an expression that is just that column is taken as this string, not a copy.
    private string? _lastColumn;

    public ExpressionWriter(EmitContext context, RelNode node, Func<ColumnRef, string> column)
    {
        _context = context;
        _node = node;
        _column = column;
        _sql = context.Sql;
    }

    private Dialect Dialect => _context.Dialect;

    /// <summary>This writer, now writing the expressions of <paramref name="node"/>: a query writer writes one node at a time.</summary>
    public ExpressionWriter For(RelNode node)
    {
        _node = node;
        _lastColumn = null;
        return this;
    }

    /// <summary>Columns written bare (a node with one input).</summary>
    public static Func<ColumnRef, string> Unqualified(Dialect dialect) => c => dialect.Identifier(c.Name);

    /// <summary>Columns qualified by the alias of their input (joins).</summary>
    public static Func<ColumnRef, string> Qualified(Dialect dialect, params string[] aliases) =>
        c => aliases[c.Input] + "." + dialect.Identifier(c.Name);

    /// <summary>Where the next character will be written: what is written from here on is the caller's.</summary>
    public int Position => _sql.Length;

    /// <summary>
    /// An expression that is a whole output column. An integer or string value the warehouse can
    /// only type from literals is cast to its type, so that a created table gets the IR's column
    /// type: <c>1</c>, <c>-1 * 2</c> or <c>CASE WHEN c THEN 5 END</c> would make an int4 column on
    /// PostgreSQL, <c>'a'</c> a VARCHAR(1) on Snowflake. Other literals are typed already.
    /// </summary>
    public SqlFragment WriteColumn(Expr expr)
    {
        int start = Position;
        return Take(start, AppendColumn(expr));
    }

    /// <summary>Writes an expression that is a whole output column (<see cref="WriteColumn"/>) and returns its precedence.</summary>
    public int AppendColumn(Expr expr)
    {
        int start = Position;
        int precedence = Append(expr);
        if (expr.Type is SqlType.Int64 or SqlType.String && TypedByLiterals(expr)) precedence = CastWritten(start, precedence, expr.Type);
        return precedence;
    }

    /// <summary>
    /// Whether every value the expression can produce comes from an integer or string literal (or
    /// an inlined parameter) through operators and functions that keep the literal's type, so that
    /// the warehouse types it from the literals (int4, VARCHAR(n)) rather than as the IR's type.
    /// NULL literals are written typed, and columns, casts and other functions have their types.
    /// </summary>
    public bool TypedByLiterals(Expr expr) => expr switch
    {
        Literal l => l.Value is not null,
        ParamRef p => !_context.IsProcedureArgument(p),
        Unary u => TypedByLiterals(u.Operand),
        Binary { Op: BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply or BinaryOp.Modulo or BinaryOp.Concat } b =>
            TypedByLiterals(b.Left) && TypedByLiterals(b.Right),
        Case c => c.Whens.All(w => TypedByLiterals(w.Result)) && (c.Else is null || TypedByLiterals(c.Else)),
        Call c when c.Function == Ir.Functions.Coalesce || c.Function == Ir.Functions.Concat => c.Args.All(TypedByLiterals),
        // NULLIF has its first argument's type; so do abs and the string functions (generate_uuid, without arguments, has its own).
        Call c when c.Function == Ir.Functions.NullIf || c.Function == Ir.Functions.Abs || c.Function.Category == FunctionCategory.String && c.Type == SqlType.String && c.Args.Count > 0 =>
            TypedByLiterals(c.Args[0]),
        _ => false,
    };

    /// <summary>An expression as SQL, with its IR type kept where the dialect would lose it (<see cref="Dialect.Typed"/>).</summary>
    public SqlFragment Write(Expr expr)
    {
        int start = Position;
        return Take(start, Append(expr));
    }

    /// <summary>An operand whose order matters (a sort key, a BETWEEN operand, a MIN/MAX argument): strings by code point.</summary>
    public SqlFragment Ordered(Expr expr)
    {
        int start = Position;
        return Take(start, AppendOrdered(expr));
    }

    /// <summary>
    /// A cast to the dialect's type for <paramref name="type"/>, unless the value is already such a cast
    /// (<see cref="CastWritten"/>).
    /// </summary>
    public SqlFragment CastTo(SqlFragment value, SqlType type)
    {
        int start = Position;
        _sql.Append(value.Text);
        return Take(start, CastWritten(start, value.Precedence, type));
    }

    /// <summary>What was written from <paramref name="start"/> on, taken from the buffer.</summary>
    public SqlFragment Take(int start, int precedence) => new(_sql.Take(start, _lastColumn), precedence);

    /// <summary>What was written from <paramref name="start"/> on, still in the buffer: the caller copies it, then <see cref="Forget"/>s it.</summary>
    public ReadOnlySpan<char> Written(int start) => _sql.From(start);

    /// <summary>Removes what was written from <paramref name="start"/> on, once copied where it goes (a query's line): it needs no string.</summary>
    public void Forget(int start) => _sql.Truncate(start);

    /// <summary>Writes the expression, with its IR type kept where the dialect would lose it (<see cref="Dialect.Typed"/>).</summary>
    public int Append(Expr expr)
    {
        int start = Position;
        int precedence = AppendExpr(expr);
        return Dialect.Typed(expr, start, precedence, this);
    }

    /// <summary>Writes SQL text as it is.</summary>
    public void Append(string text) => _sql.Append(text);

    /// <summary>Writes a rendered fragment (a literal, a parameter) and returns its precedence.</summary>
    public int Append(SqlFragment fragment)
    {
        _sql.Append(fragment.Text);
        return fragment.Precedence;
    }

    /// <summary>Writes the expression, parenthesised when it binds less tightly than <paramref name="minimum"/>.</summary>
    public void AppendOperand(Expr expr, int minimum)
    {
        int start = Position;
        Enclose(start, Append(expr), minimum);
    }

    /// <summary>Parenthesises what was written from <paramref name="start"/> when its <paramref name="precedence"/> is below <paramref name="minimum"/>.</summary>
    public void Enclose(int start, int precedence, int minimum)
    {
        if (precedence < minimum) _sql.Parenthesize(start);
    }

    /// <summary>Writes an operand whose order matters (<see cref="Ordered"/>).</summary>
    public int AppendOrdered(Expr expr)
    {
        int start = Position;
        int precedence = Append(expr);
        return expr.Type == SqlType.String ? Dialect.CodePointOrdered(start, precedence, this) : precedence;
    }

    /// <summary>
    /// Casts what was written from <paramref name="start"/> to the dialect's type for <paramref name="type"/>,
    /// unless it is already such a cast; returns the precedence. An operand that is an operator expression is
    /// parenthesised: <c>CAST((a AND b) AS TEXT)</c> reads unambiguously, and node-sql-parser rejects a bare AND/OR there.
    /// </summary>
    public int CastWritten(int start, int precedence, SqlType type)
    {
        if (Dialect.TypeName(type) is not { } name) return precedence;
        var text = _sql.From(start);
        bool already = text.StartsWith("CAST(") && text.EndsWith(")") && text[..^1].EndsWith(name) && text[..^(name.Length + 1)].EndsWith(" AS ") &&
                       SqlTemplate.MatchingParenthesis(text, 4) == text.Length - 1;
        if (already) return precedence;
        bool bare = precedence < Precedence.Atom && !(text.StartsWith("(") && SqlTemplate.MatchingParenthesis(text, 0) == text.Length - 1);
        _sql.Insert(start, bare ? "CAST((" : "CAST(");
        _sql.Append(bare ? ") AS " : " AS ");
        _sql.Append(name);
        _sql.Append(')');
        return Precedence.Atom;
    }

    /// <summary>Writes the template over these arguments (<see cref="SqlTemplate"/>); returns the precedence.</summary>
    public int AppendTemplate(SqlTemplate template, params ReadOnlySpan<Expr> arguments)
    {
        int first = _sql.ArgumentCount;
        foreach (var argument in arguments) AppendArgument(argument);
        return template.Render(_sql, first, null);
    }

    /// <summary>Writes a one-argument template over an operand whose order matters (<see cref="Ordered"/>: MIN/MAX of strings).</summary>
    public int AppendTemplateOrdered(SqlTemplate template, Expr argument)
    {
        int first = _sql.ArgumentCount;
        int start = Position;
        _sql.PushArgument(start, AppendOrdered(argument));
        return template.Render(_sql, first, null);
    }

    private void AppendArgument(Expr argument)
    {
        int start = Position;
        int precedence = Append(argument);
        _sql.PushArgument(start, precedence);
    }

    /// <summary>
    /// Whether an operator's value is NULL whatever the rows hold: an operator or a function that is
    /// NULL on NULL input (not AND/OR, CASE or NULLIF) over a NULL literal operand, directly or
    /// through other such operators and casts. Some warehouses type that NULL on their own.
    /// </summary>
    public static bool IsFoldedNull(Expr expr) => IsOperator(expr) && FoldsToNull(expr);

    private static bool IsOperator(Expr expr) =>
        expr is Unary or Binary { Op: not (BinaryOp.And or BinaryOp.Or) } || expr is Call { Function.Nulls: NullRule.AnyArg or NullRule.AllArgs };

    private static bool FoldsToNull(Expr expr) => expr switch
    {
        Literal l => l.Value is null,
        Unary u => FoldsToNull(u.Operand),
        Binary { Op: not (BinaryOp.And or BinaryOp.Or) } b => FoldsToNull(b.Left) || FoldsToNull(b.Right),
        Cast c => FoldsToNull(c.Operand),
        Call { Function.Nulls: NullRule.AnyArg } c => c.Args.Any(FoldsToNull),
        Call { Function.Nulls: NullRule.AllArgs } c => c.Args.All(FoldsToNull),
        _ => false,
    };

    private int AppendExpr(Expr expr)
    {
        switch (expr)
        {
            case ColumnRef c:
                _lastColumn = _column(c);
                _sql.Append(_lastColumn);
                return Precedence.Atom;
            case Literal l:
                return Append(Dialect.Literal(l.Value, l.Type));
            case ParamRef p:
                return Append(_context.Parameter(p));
            case Unary { Op: UnaryOp.Not } u:
                _sql.Append("NOT ");
                AppendOperand(u.Operand, Precedence.Atom);
                return Precedence.Not;
            case Unary u:
                _sql.Append('-');
                AppendOperand(u.Operand, Precedence.Unary + 1);
                return Precedence.Unary;
            case Binary b:
                return AppendBinary(b);
            case IsNull n:
                AppendOperand(n.Operand, Precedence.Comparison + 1);
                _sql.Append(n.Negated ? " IS NOT NULL" : " IS NULL");
                return Precedence.Comparison;
            case InList i:
                return AppendInList(i);
            case Between b:
            {
                int start = Position;
                Enclose(start, AppendOrdered(b.Operand), Precedence.Comparison + 1);
                _sql.Append(b.Negated ? " NOT BETWEEN " : " BETWEEN ");
                AppendOperand(b.Low, Precedence.Comparison + 1);
                _sql.Append(" AND ");
                AppendOperand(b.High, Precedence.Comparison + 1);
                return Precedence.Comparison;
            }
            case Like l:
                return AppendLike(l);
            case Case c:
                return AppendCase(c);
            case Cast c:
                return AppendCast(c);
            case Call c:
                return AppendCall(c);
            case RawSql r:
                _sql.Append(r.Sql.AsSpan().Trim());
                return SqlTemplate.DetectPrecedence(r.Sql);
            default:
                throw new InvalidOperationException($"Unexpected expression {expr.GetType().Name}.");
        }
    }

    private int AppendBinary(Binary b)
    {
        switch (b.Op)
        {
            case BinaryOp.And or BinaryOp.Or:
            {
                int p = b.Op == BinaryOp.And ? Precedence.And : Precedence.Or;
                string keyword = b.Op == BinaryOp.And ? " AND " : " OR ";
                // A chain of the same operator is written flat: the optimizer builds conjunctions of
                // thousands of terms, which recursion would follow to their full depth.
                if (!(b.Left is Binary l && l.Op == b.Op || b.Right is Binary r && r.Op == b.Op))
                {
                    AppendLogical(b.Left, p);
                    _sql.Append(keyword);
                    AppendLogical(b.Right, p);
                    return p;
                }
                var pending = new Stack<Expr>();
                pending.Push(b);
                bool first = true;
                while (pending.TryPop(out var next))
                {
                    if (next is Binary same && same.Op == b.Op)
                    {
                        pending.Push(same.Right);
                        pending.Push(same.Left);
                        continue;
                    }
                    if (!first) _sql.Append(keyword);
                    first = false;
                    AppendLogical(next, p);
                }
                return p;
            }
            case BinaryOp.Modulo:
                return Dialect.Modulo(b, this);
            case BinaryOp.Divide:
                return Dialect.Divide(b, this);
            default:
            {
                var (op, p) = b.Op switch
                {
                    BinaryOp.Add => ("+", Precedence.Additive),
                    BinaryOp.Subtract => ("-", Precedence.Additive),
                    BinaryOp.Multiply => ("*", Precedence.Multiplicative),
                    BinaryOp.Concat => ("||", Precedence.Concat),
                    BinaryOp.Equal => ("=", Precedence.Comparison),
                    BinaryOp.NotEqual => ("<>", Precedence.Comparison),
                    BinaryOp.Less => ("<", Precedence.Comparison),
                    BinaryOp.LessOrEqual => ("<=", Precedence.Comparison),
                    BinaryOp.Greater => (">", Precedence.Comparison),
                    BinaryOp.GreaterOrEqual => (">=", Precedence.Comparison),
                    _ => throw new InvalidOperationException($"Unexpected operator {b.Op}."),
                };
                if (p != Precedence.Comparison) return Arithmetic(b.Left, op, b.Right, p);
                int start = Position;
                int left = Append(b.Left);
                // Strings order by code point (the left operand's collation decides the comparison's).
                // An operand of unknown type (a column of unchecked custom SQL) may be no string at all:
                // the database then decides the comparison's type, and a collation could not apply.
                if (b.Op is not (BinaryOp.Equal or BinaryOp.NotEqual) && (b.Left.Type == SqlType.String || b.Right.Type == SqlType.String)
                    && b.Left.Type != SqlType.Unknown && b.Right.Type != SqlType.Unknown)
                    left = Dialect.CodePointOrdered(start, left, this);
                Enclose(start, left, p + 1);
                Operator(op);
                AppendOperand(b.Right, p + 1);
                return p;
            }
        }
    }

    /// <summary>A multiplicative operator (<c>/</c>, <c>%</c>) written between its operands.</summary>
    public int Multiplicative(Binary b, string op) => Arithmetic(b.Left, op, b.Right, Precedence.Multiplicative);

    // Left-associative: the right operand of a - (b - c) keeps its parentheses.
    private int Arithmetic(Expr left, string op, Expr right, int p)
    {
        int start = Position;
        return Arithmetic(start, Append(left), op, right, p);
    }

    /// <summary>
    /// A left-associative operator of precedence <paramref name="p"/> and its right operand, after the left
    /// operand written from <paramref name="start"/> with precedence <paramref name="left"/>.
    /// </summary>
    public int Arithmetic(int start, int left, string op, Expr right, int p)
    {
        Enclose(start, left, p);
        Operator(op);
        AppendOperand(right, p + 1);
        return p;
    }

    private void Operator(string op)
    {
        _sql.Append(' ');
        _sql.Append(op);
        _sql.Append(' ');
    }

    // AND inside OR is parenthesised for the reader, although precedence would not need it.
    private void AppendLogical(Expr operand, int p)
    {
        int start = Position;
        int precedence = Append(operand);
        if (p == Precedence.Or && precedence == Precedence.And) _sql.Parenthesize(start);
        else Enclose(start, precedence, p);
    }

    // The items are written before the operand, as before the writer wrote in place (the order the
    // diagnostics of their calls are reported in), and moved after it.
    private int AppendInList(InList i)
    {
        if (i.Items.IsEmpty)
        {
            _sql.Append(i.Negated ? "TRUE" : "FALSE");
            return Precedence.Atom;
        }
        int start = Position;
        bool first = true;
        foreach (var item in i.Items)
        {
            if (!first) _sql.Append(", ");
            first = false;
            int itemStart = Position;
            int precedence = Append(item);
            if (SqlFragment.IsLogical(precedence)) _sql.Parenthesize(itemStart);
        }
        Infix(start, i.Operand, i.Negated ? " NOT IN (" : " IN (");
        _sql.Append(')');
        return Precedence.Comparison;
    }

    private int AppendLike(Like l)
    {
        int start = Position;
        Enclose(start, Dialect.LikePattern(l.Pattern, this), Precedence.Comparison + 1);
        Infix(start, l.Operand, l.Negated ? " NOT LIKE " : " LIKE ");
        return Precedence.Comparison;
    }

    /// <summary>A comparison's operand and keyword, put before its right side, which was written first from <paramref name="start"/>.</summary>
    private void Infix(int start, Expr operand, string keyword)
    {
        int right = Position;
        AppendOperand(operand, Precedence.Comparison + 1);
        int length = Position - right;
        _sql.Rotate(start, right);
        _sql.Insert(start + length, keyword);
    }

    private int AppendCase(Case c)
    {
        _sql.Append("CASE");
        foreach (var w in c.Whens)
        {
            _sql.Append(" WHEN ");
            Append(w.Condition);
            _sql.Append(" THEN ");
            Append(w.Result);
        }
        if (c.Else is not null)
        {
            _sql.Append(" ELSE ");
            Append(c.Else);
        }
        _sql.Append(" END");
        return Precedence.Atom;
    }

    private int AppendCast(Cast c)
    {
        // Text <-> geography goes through the WKT functions of the dialect.
        if (c.Operand.Type == SqlType.Geography && c.Type == SqlType.String)
            return AppendCall(new Call(Ir.Functions.AsText, [c.Operand], SqlType.String, c.Nullable));
        if (c.Operand.Type == SqlType.String && c.Type == SqlType.Geography)
            return AppendCall(new Call(Ir.Functions.GeogFromText, [c.Operand], SqlType.Geography, c.Nullable));
        if (c.Operand.Type == SqlType.Float64 && c.Type == SqlType.Int64 && Dialect.FloatToInteger is { } rounded)
            return AppendTemplate(rounded, c.Operand);
        int start = Position;
        return CastWritten(start, Append(c.Operand), c.Type);
    }

    private int AppendCall(Call call)
    {
        if (Normalize(call) is { } normalized) return Append(normalized);

        var function = call.Function;
        var mapping = Dialect.Functions.Find(function)
            ?? throw new InvalidOperationException($"{Dialect.DisplayName} has no entry for function {function.Name}.");
        if (!mapping.IsAvailable)
        {
            _context.FunctionUnavailable(_node, function, mapping);
            _sql.Append("NULL");
            return Precedence.Atom;
        }
        foreach (var note in mapping.Notes) _context.FunctionNote(_node, function, note);

        var args = mapping.Arguments?.Invoke(call) ?? call.Args;
        int start = Position;
        int precedence;
        if (mapping.Joined is var (prefix, separator, suffix))
        {
            precedence = mapping.JoinedPrecedence;
            int minimum = precedence == Precedence.Atom ? Precedence.Lowest : precedence;
            _sql.Append(prefix);
            for (int i = 0; i < args.Count; i++)
            {
                if (i > 0) _sql.Append(separator);
                AppendOperand(args[i], minimum);
            }
            _sql.Append(suffix);
        }
        else
        {
            int first = _sql.ArgumentCount;
            foreach (var arg in args) AppendArgument(arg);
            var template = mapping.TemplateFor(args.Count, function.MinArgs, call.Args.Count > 0 ? call.Args[0].Type : SqlType.Unknown);
            precedence = template.Render(_sql, first, template.CallsToolbox ? _context.Toolbox(_node, function.Name + "()") : null);
        }
        return mapping.CastResult ? CastWritten(start, precedence, call.Type) : precedence;
    }

    /// <summary>
    /// Dialect-independent rewrites before translation: rounding an int64 to a whole number is
    /// the number itself (BigQuery would return FLOAT64), rounding it to digits goes through
    /// decimal, and float-valued math functions get a
    /// float argument (PostgreSQL's sqrt of numeric is numeric).
    /// </summary>
    private static Expr? Normalize(Call call)
    {
        var f = call.Function;
        if ((f == Ir.Functions.Floor || f == Ir.Functions.Ceil || f == Ir.Functions.Round) && call.Args.Count == 1 && call.Args[0].Type == SqlType.Int64)
            return call.Args[0];
        // round(int64, digits) rounds exactly as a decimal and comes back as int64.
        if (f == Ir.Functions.Round && call.Args.Count == 2 && call.Args[0].Type == SqlType.Int64)
            return new Cast(call with { Args = [new Cast(call.Args[0], SqlType.Decimal), call.Args[1]], Type = SqlType.Decimal }, SqlType.Int64);
        if (f.Result == ResultRule.Fixed && f.FixedType == SqlType.Float64 && f.Category == FunctionCategory.Math &&
            call.Args.Any(a => a.Type == SqlType.Decimal))
            return call with { Args = call.Args.Map(a => a.Type == SqlType.Decimal ? (Expr)new Cast(a, SqlType.Float64) : a) };
        return null;
    }
}
