using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Interpretation.Evaluation;

/// <summary>Evaluates a compiled expression over the current row (and, in a join condition, the right row).</summary>
internal delegate object? Evaluator(object?[] left, object?[]? right);

/// <summary>
/// Turns an IR expression into a tree of closures, resolving column names to positions once.
/// SQL semantics: three-valued logic (AND/OR short-circuit left to right, NULL unknown), NULL
/// propagation, IN with NULLs, inclusive BETWEEN, LIKE without escape, CASE taking the first
/// true branch, lazy COALESCE. Recursion follows the expression's depth only.
/// <para>
/// A <paramref name="replacement"/> evaluates one subexpression (that very instance) another way
/// with the same result: a join condition's spatial conjunct through the prepared right side.
/// </para>
/// </summary>
internal sealed class ExprCompiler(Schema left, Schema? right, IReadOnlyDictionary<string, object?> parameters,
    Func<Expr, Evaluator, Evaluator?>? replacement = null)
{
    public Evaluator Compile(Expr expr)
    {
        var evaluator = CompileNode(expr);
        return replacement?.Invoke(expr, evaluator) ?? evaluator;
    }

    private Evaluator CompileNode(Expr expr)
    {
        switch (expr)
        {
            case ColumnRef c:
                return CompileColumn(c);
            case Literal l:
            {
                object? value = SqlValues.TryNormalize(l.Value, l.Type, out var normalized) ? normalized : l.Value;
                return (_, _) => value;
            }
            case ParamRef p:
            {
                if (!parameters.TryGetValue(p.Name, out var value))
                    throw new InterpretationException(DiagnosticCodes.RunParameterInvalid, $"no value for parameter @{p.Name}");
                return (_, _) => value;
            }
            case Unary u:
                return CompileUnary(u);
            case Binary b:
                return CompileBinary(b);
            case IsNull n:
            {
                var operand = Compile(n.Operand);
                bool negated = n.Negated;
                return (l, r) => SqlValues.Bool((operand(l, r) is null) != negated);
            }
            case InList i:
                return CompileInList(i);
            case Between bt:
                return CompileBetween(bt);
            case Like lk:
            {
                var operand = Compile(lk.Operand);
                var pattern = Compile(lk.Pattern);
                bool negated = lk.Negated;
                return (l, r) =>
                {
                    if (operand(l, r) is not string s || pattern(l, r) is not string p) return null;
                    return SqlValues.Bool(LikePattern.Matches(s, p) != negated);
                };
            }
            case Case cs:
                return CompileCase(cs);
            case Cast ct:
            {
                var operand = Compile(ct.Operand);
                var type = ct.Type;
                return (l, r) => operand(l, r) is { } v ? Casts.Cast(v, type) : null;
            }
            case Call call:
                return CompileCall(call);
            case RawSql raw:
                throw new InterpretationException(DiagnosticCodes.RawSqlNotInterpretable,
                    $"the SQL fragment '{raw.Sql}' is warehouse-specific and cannot be interpreted",
                    "rewrite it with the portable functions of the IR so that cwf can check and run it");
            default:
                throw new InvalidOperationException($"Unexpected expression {expr.GetType().Name}.");
        }
    }

    private Evaluator CompileColumn(ColumnRef c)
    {
        var schema = c.Input == 0 ? left : right;
        int index = schema?.IndexOf(c.Name) ?? -1;
        if (index < 0)
            throw new InterpretationException(DiagnosticCodes.InternalError, $"column '{c.Name}' of input {c.Input} is not in {schema}");
        if (c.Input == 0) return (l, _) => l[index];
        return (_, r) => r![index];
    }

    private Evaluator CompileUnary(Unary u)
    {
        var operand = Compile(u.Operand);
        return u.Op switch
        {
            UnaryOp.Not => (l, r) => operand(l, r) is bool b ? SqlValues.Bool(!b) : null,
            UnaryOp.Negate => (l, r) => operand(l, r) is { } v ? Arithmetic.Negate(v) : null,
            _ => throw new InvalidOperationException($"Unexpected operator {u.Op}."),
        };
    }

    /// <summary>
    /// AND (<paramref name="dominant"/> false) or OR (true) in three-valued logic: a side equal to the
    /// dominant value decides (the right side is then not evaluated), else NULL if either side is NULL.
    /// </summary>
    private static Evaluator Connective(Evaluator lhs, Evaluator rhs, bool dominant)
    {
        var decided = SqlValues.Bool(dominant);
        var otherwise = SqlValues.Bool(!dominant);
        return (l, r) =>
        {
            var x = lhs(l, r);
            if (x is bool bx && bx == dominant) return decided;
            var y = rhs(l, r);
            if (y is bool by && by == dominant) return decided;
            return x is null || y is null ? null : otherwise;
        };
    }

    private Evaluator CompileBinary(Binary b)
    {
        var lhs = Compile(b.Left);
        var rhs = Compile(b.Right);
        switch (b.Op)
        {
            case BinaryOp.And:
                return Connective(lhs, rhs, dominant: false);
            case BinaryOp.Or:
                return Connective(lhs, rhs, dominant: true);
        }

        Func<object, object, object?> op = b.Op switch
        {
            BinaryOp.Add => Arithmetic.Add,
            BinaryOp.Subtract => Arithmetic.Subtract,
            BinaryOp.Multiply => Arithmetic.Multiply,
            BinaryOp.Divide => Arithmetic.Divide,
            BinaryOp.Modulo => Arithmetic.Modulo,
            BinaryOp.Concat => (x, y) => string.Concat((string)x, (string)y),
            BinaryOp.Equal => (x, y) => SqlValues.Bool(SqlValues.Compare(x, y) == 0),
            BinaryOp.NotEqual => (x, y) => SqlValues.Bool(SqlValues.Compare(x, y) != 0),
            BinaryOp.Less => (x, y) => SqlValues.Bool(SqlValues.Compare(x, y) < 0),
            BinaryOp.LessOrEqual => (x, y) => SqlValues.Bool(SqlValues.Compare(x, y) <= 0),
            BinaryOp.Greater => (x, y) => SqlValues.Bool(SqlValues.Compare(x, y) > 0),
            BinaryOp.GreaterOrEqual => (x, y) => SqlValues.Bool(SqlValues.Compare(x, y) >= 0),
            _ => throw new InvalidOperationException($"Unexpected operator {b.Op}."),
        };
        var type = b.Type;
        // Operators are strict: both sides are evaluated (an error on either side surfaces), then NULL wins.
        return (l, r) =>
        {
            var x = lhs(l, r);
            var y = rhs(l, r);
            return x is null || y is null ? null : SqlValues.Widen(op(x, y), type);
        };
    }

    private Evaluator CompileInList(InList i)
    {
        var operand = Compile(i.Operand);
        var items = i.Items.Select(Compile).ToArray();
        bool negated = i.Negated;
        return (l, r) =>
        {
            var x = operand(l, r);
            if (x is null) return null;
            bool sawNull = false;
            foreach (var item in items)
            {
                var y = item(l, r);
                if (y is null) sawNull = true;
                else if (SqlValues.Compare(x, y) == 0) return SqlValues.Bool(!negated);
            }
            return sawNull ? null : SqlValues.Bool(negated);
        };
    }

    private Evaluator CompileBetween(Between bt)
    {
        var operand = Compile(bt.Operand);
        var low = Compile(bt.Low);
        var high = Compile(bt.High);
        bool negated = bt.Negated;
        return (l, r) =>
        {
            var x = operand(l, r);
            var lo = low(l, r);
            var hi = high(l, r);
            // x >= low AND x <= high, in three-valued logic.
            bool? above = x is null || lo is null ? null : SqlValues.Compare(x, lo) >= 0;
            bool? below = x is null || hi is null ? null : SqlValues.Compare(x, hi) <= 0;
            bool? result = above == false || below == false ? false : above is null || below is null ? null : true;
            return result is { } v ? SqlValues.Bool(v != negated) : null;
        };
    }

    private Evaluator CompileCase(Case cs)
    {
        var whens = cs.Whens.Select(w => (Condition: Compile(w.Condition), Result: Compile(w.Result))).ToArray();
        var otherwise = cs.Else is null ? null : Compile(cs.Else);
        var type = cs.Type;
        return (l, r) =>
        {
            foreach (var (condition, result) in whens)
                if (condition(l, r) is true) return SqlValues.Widen(result(l, r), type);
            return otherwise is null ? null : SqlValues.Widen(otherwise(l, r), type);
        };
    }

    private Evaluator CompileCall(Call call)
    {
        var implementation = FunctionLibrary.Find(call.Function)
            ?? throw new InterpretationException(DiagnosticCodes.InternalError, $"the interpreter has no implementation of {call.Function.Name}");
        var args = call.Args.Select(Compile).ToArray();
        var type = call.Type;
        if (call.Function == Functions.Coalesce)
        {
            // Lazy, as in SQL: arguments after the first non-NULL one are not evaluated.
            return (l, r) =>
            {
                foreach (var arg in args)
                    if (arg(l, r) is { } v) return SqlValues.Widen(v, type);
                return null;
            };
        }
        bool nullInNullOut = call.Function.Nulls == NullRule.AnyArg;
        return (l, r) =>
        {
            var values = new object?[args.Length];
            bool anyNull = false;
            for (int i = 0; i < args.Length; i++)
            {
                values[i] = args[i](l, r);
                anyNull |= values[i] is null;
            }
            return anyNull && nullInNullOut ? null : implementation(values, type);
        };
    }
}
