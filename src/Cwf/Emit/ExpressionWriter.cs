using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>
/// Writes IR expressions as SQL of one dialect, with parentheses only where precedence needs
/// them. Column references are written by the caller's scope (bare, or qualified by the join
/// alias of their input). Recursion follows one expression's depth, which front ends bound.
/// </summary>
internal sealed class ExpressionWriter
{
    private readonly EmitContext _context;
    private readonly RelNode _node;
    private readonly Func<ColumnRef, string> _column;

    public ExpressionWriter(EmitContext context, RelNode node, Func<ColumnRef, string> column)
    {
        _context = context;
        _node = node;
        _column = column;
    }

    private Dialect Dialect => _context.Dialect;

    /// <summary>Columns written bare (a node with one input).</summary>
    public static Func<ColumnRef, string> Unqualified(Dialect dialect) => c => dialect.Identifier(c.Name);

    /// <summary>Columns qualified by the alias of their input (joins).</summary>
    public static Func<ColumnRef, string> Qualified(Dialect dialect, params string[] aliases) =>
        c => aliases[c.Input] + "." + dialect.Identifier(c.Name);

    /// <summary>
    /// An expression that is a whole output column. An integer or string value the warehouse can
    /// only type from literals is cast to its type, so that a created table gets the IR's column
    /// type: <c>1</c>, <c>-1 * 2</c> or <c>CASE WHEN c THEN 5 END</c> would make an int4 column on
    /// PostgreSQL, <c>'a'</c> a VARCHAR(1) on Snowflake. Other literals are typed already.
    /// </summary>
    public SqlFragment WriteColumn(Expr expr)
    {
        var sql = Write(expr);
        return expr.Type is SqlType.Int64 or SqlType.String && TypedByLiterals(expr) ? CastTo(sql, expr.Type) : sql;
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
    public SqlFragment Write(Expr expr) => Dialect.Typed(expr, WriteExpr(expr), this);

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

    private SqlFragment WriteExpr(Expr expr) => expr switch
    {
        ColumnRef c => SqlFragment.Atom(_column(c)),
        Literal l => Dialect.Literal(l.Value, l.Type),
        ParamRef p => _context.Parameter(p),
        Unary { Op: UnaryOp.Not } u => new SqlFragment("NOT " + Write(u.Operand).Wrap(Precedence.Atom), Precedence.Not),
        Unary u => new SqlFragment("-" + Write(u.Operand).Wrap(Precedence.Unary + 1), Precedence.Unary),
        Binary b => WriteBinary(b),
        IsNull n => new SqlFragment(Write(n.Operand).Wrap(Precedence.Comparison + 1) + (n.Negated ? " IS NOT NULL" : " IS NULL"), Precedence.Comparison),
        InList i => WriteInList(i),
        Between b => new SqlFragment(
            $"{Ordered(b.Operand).Wrap(Precedence.Comparison + 1)}{(b.Negated ? " NOT" : "")} BETWEEN {Write(b.Low).Wrap(Precedence.Comparison + 1)} AND {Write(b.High).Wrap(Precedence.Comparison + 1)}",
            Precedence.Comparison),
        Like l => WriteLike(l),
        Case c => WriteCase(c),
        Cast c => WriteCast(c),
        Call c => WriteCall(c),
        RawSql r => new SqlFragment(r.Sql.Trim(), SqlTemplate.DetectPrecedence(r.Sql)),
        _ => throw new InvalidOperationException($"Unexpected expression {expr.GetType().Name}."),
    };

    /// <summary>An operand whose order matters (a sort key, a BETWEEN operand, a MIN/MAX argument): strings by code point.</summary>
    public SqlFragment Ordered(Expr expr) => expr.Type == SqlType.String ? Dialect.CodePointOrdered(Write(expr)) : Write(expr);

    /// <summary>
    /// A cast to the dialect's type for <paramref name="type"/>, unless the value is already such a cast. An
    /// operand that is an operator expression is parenthesised: <c>CAST((a AND b) AS TEXT)</c> reads unambiguously,
    /// and node-sql-parser rejects a bare AND/OR there.
    /// </summary>
    public SqlFragment CastTo(SqlFragment value, SqlType type)
    {
        if (Dialect.TypeName(type) is not { } name) return value;
        var text = value.Text;
        bool already = text.StartsWith("CAST(", StringComparison.Ordinal) && text.EndsWith($" AS {name})", StringComparison.Ordinal) &&
                       SqlTemplate.MatchingParenthesis(text, 4) == text.Length - 1;
        if (already) return value;
        bool enclosed = text.StartsWith('(') && SqlTemplate.MatchingParenthesis(text, 0) == text.Length - 1;
        return SqlFragment.Atom($"CAST({(enclosed ? text : value.Wrap(Precedence.Atom))} AS {name})");
    }

    private SqlFragment WriteBinary(Binary b)
    {
        switch (b.Op)
        {
            case BinaryOp.And or BinaryOp.Or:
            {
                int p = b.Op == BinaryOp.And ? Precedence.And : Precedence.Or;
                string keyword = b.Op == BinaryOp.And ? " AND " : " OR ";
                // A chain of the same operator is written flat, in one join: the optimizer builds
                // conjunctions of thousands of terms, which nested concatenation would copy
                // quadratically and recursion would follow to their full depth.
                var operands = new List<string>();
                var pending = new Stack<Expr>();
                pending.Push(b);
                while (pending.TryPop(out var next))
                {
                    if (next is Binary same && same.Op == b.Op)
                    {
                        pending.Push(same.Right);
                        pending.Push(same.Left);
                    }
                    else operands.Add(Logical(next, p));
                }
                return new SqlFragment(string.Join(keyword, operands), p);
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
                if (p == Precedence.Comparison)
                {
                    var left = Write(b.Left);
                    // Strings order by code point (the left operand's collation decides the comparison's).
                    // An operand of unknown type (a column of unchecked custom SQL) may be no string at all:
                    // the database then decides the comparison's type, and a collation could not apply.
                    if (b.Op is not (BinaryOp.Equal or BinaryOp.NotEqual) && (b.Left.Type == SqlType.String || b.Right.Type == SqlType.String)
                        && b.Left.Type != SqlType.Unknown && b.Right.Type != SqlType.Unknown)
                        left = Dialect.CodePointOrdered(left);
                    return new SqlFragment($"{left.Wrap(p + 1)} {op} {Write(b.Right).Wrap(p + 1)}", p);
                }
                return Arithmetic(Write(b.Left), op, Write(b.Right), p);
            }
        }
    }

    /// <summary>A multiplicative operator (<c>/</c>, <c>%</c>) written between its operands.</summary>
    public SqlFragment Multiplicative(Binary b, string op) => Arithmetic(Write(b.Left), op, Write(b.Right), Precedence.Multiplicative);

    // Left-associative: the right operand of a - (b - c) keeps its parentheses.
    public static SqlFragment Arithmetic(SqlFragment left, string op, SqlFragment right, int p) =>
        new($"{left.Wrap(p)} {op} {right.Wrap(p + 1)}", p);

    // AND inside OR is parenthesised for the reader, although precedence would not need it.
    private string Logical(Expr operand, int p)
    {
        var sql = Write(operand);
        return p == Precedence.Or && sql.Precedence == Precedence.And ? "(" + sql.Text + ")" : sql.Wrap(p);
    }

    private SqlFragment WriteInList(InList i)
    {
        if (i.Items.IsEmpty) return SqlFragment.Atom(i.Negated ? "TRUE" : "FALSE");
        var items = string.Join(", ", i.Items.Select(item => Write(item).ListItem));
        return new SqlFragment($"{Write(i.Operand).Wrap(Precedence.Comparison + 1)}{(i.Negated ? " NOT" : "")} IN ({items})", Precedence.Comparison);
    }

    private SqlFragment WriteLike(Like l)
    {
        var pattern = Dialect.LikePattern(l.Pattern, this);
        var operand = Write(l.Operand);
        return new SqlFragment(
            $"{operand.Wrap(Precedence.Comparison + 1)}{(l.Negated ? " NOT" : "")} LIKE {pattern.Wrap(Precedence.Comparison + 1)}",
            Precedence.Comparison);
    }

    private SqlFragment WriteCase(Case c)
    {
        var sb = new System.Text.StringBuilder("CASE");
        foreach (var w in c.Whens)
            sb.Append(" WHEN ").Append(Write(w.Condition).Text).Append(" THEN ").Append(Write(w.Result).Text);
        if (c.Else is not null) sb.Append(" ELSE ").Append(Write(c.Else).Text);
        return SqlFragment.Atom(sb.Append(" END").ToString());
    }

    private SqlFragment WriteCast(Cast c)
    {
        // Text <-> geography goes through the WKT functions of the dialect.
        if (c.Operand.Type == SqlType.Geography && c.Type == SqlType.String)
            return WriteCall(new Call(Ir.Functions.AsText, [c.Operand], SqlType.String, c.Nullable));
        if (c.Operand.Type == SqlType.String && c.Type == SqlType.Geography)
            return WriteCall(new Call(Ir.Functions.GeogFromText, [c.Operand], SqlType.Geography, c.Nullable));
        if (c.Operand.Type == SqlType.Float64 && c.Type == SqlType.Int64 && Dialect.FloatToInteger is { } rounded)
            return rounded.Render([Write(c.Operand)]);
        return CastTo(Write(c.Operand), c.Type);
    }

    private SqlFragment WriteCall(Call call)
    {
        if (Normalize(call) is { } normalized) return Write(normalized);

        var function = call.Function;
        var mapping = Dialect.Functions.Find(function)
            ?? throw new InvalidOperationException($"{Dialect.DisplayName} has no entry for function {function.Name}.");
        if (!mapping.IsAvailable)
        {
            _context.FunctionUnavailable(_node, function, mapping);
            return SqlFragment.Atom("NULL");
        }
        foreach (var note in mapping.Notes) _context.FunctionNote(_node, function, note);

        var args = (mapping.Arguments?.Invoke(call) ?? call.Args).Select(Write).ToList();
        SqlFragment result;
        if (mapping.Joined is var (prefix, separator, suffix))
        {
            int p = mapping.JoinedPrecedence;
            int minimum = p == Precedence.Atom ? Precedence.Lowest : p;
            result = new SqlFragment(prefix + string.Join(separator, args.Select(a => a.Wrap(minimum))) + suffix, p);
        }
        else
        {
            var template = mapping.TemplateFor(args.Count, function.MinArgs, call.Args.Count > 0 ? call.Args[0].Type : SqlType.Unknown);
            result = template.Render(args, template.CallsToolbox ? _context.Toolbox(_node, function.Name + "()") : null);
        }
        return mapping.CastResult ? CastTo(result, call.Type) : result;
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
