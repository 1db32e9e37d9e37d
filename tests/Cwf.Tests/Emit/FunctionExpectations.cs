using Cwf.Ir;
using Cwf.Tests.Infrastructure;
using static Cwf.Ir.ExprFactory;
using F = Cwf.Ir.Functions;

namespace Cwf.Tests.Emit;

/// <summary>
/// The non-spatial functions applied to one input row (and a row of NULLs), with the values the
/// IR defines: executed on real engines, so that a wrong translation (argument order, rounding,
/// integer division, trimming) fails.
/// </summary>
public static class FunctionExpectations
{
    public sealed record Expectation(string Name, Expr Expr, object Expected, bool NullOnNullInput = true);

    private static readonly Schema InputSchema = new([
        new("s", SqlType.String), new("x", SqlType.Float64), new("n", SqlType.Int64), new("m", SqlType.Decimal), new("d", SqlType.Date)]);

    /// <summary>One row of values and one of NULLs.</summary>
    public static TestTable Inputs() => new(new TableName(["inputs"]), InputSchema,
        [["  Hello, World  ", -2.5, 7L, 2.345m, new DateOnly(2024, 2, 29)], [null, null, null, null, null]]);

    public static List<Expectation> All { get; } = Build(
        EmitSamples.Col(InputSchema, "s"), EmitSamples.Col(InputSchema, "x"), EmitSamples.Col(InputSchema, "n"),
        EmitSamples.Col(InputSchema, "m"), EmitSamples.Col(InputSchema, "d"));

    /// <summary>inputs → one projection computing every expectation → table <c>computed</c>.</summary>
    public static Workflow Workflow()
    {
        var b = new WorkflowBuilder("functions");
        var input = b.Scan(new TableName(["inputs"]), InputSchema, "inputs");
        var project = b.Project(input.Id, All.Select(e => new NamedExpr(e.Name, e.Expr)), "computed");
        b.Sink(project.Id, new TableName(["computed"]), WriteMode.Replace, "k");
        return b.ToWorkflow();
    }

    /// <summary>The computed row of values first, then the row of NULLs.</summary>
    public static string OutputQuery => $"SELECT {string.Join(", ", All.Select(e => e.Name))} FROM computed ORDER BY f_upper NULLS LAST";

    public static void AssertOutputs(RowSet rows)
    {
        Assert.Equal(2, rows.Count);
        for (int i = 0; i < All.Count; i++)
        {
            AssertValue(All[i], rows.Rows[0][i], rows.EngineTypes?[i] ?? "");
            if (All[i].NullOnNullInput) Assert.True(rows.Rows[1][i] is null, $"{All[i].Name} of NULL should be NULL, was {rows.Rows[1][i]}");
        }
    }

    private static List<Expectation> Build(Expr s, Expr x, Expr n, Expr m, Expr d)
    {
        Expr Str(string v) => Literal.String(v);
        Expr Int(long v) => Literal.Int(v);
        var trimmed = Call(F.Trim, s);
        return
        [
            new("f_upper", Call(F.Upper, s), "  HELLO, WORLD  "),
            new("f_lower", Call(F.Lower, s), "  hello, world  "),
            new("f_length", Call(F.Length, s), 16L),
            new("f_trim", trimmed, "Hello, World"),
            new("f_ltrim", Call(F.LTrim, s), "Hello, World  "),
            new("f_rtrim", Call(F.RTrim, s), "  Hello, World"),
            new("f_substr2", Call(F.Substr, trimmed, Int(8)), "World"),
            new("f_substr3", Call(F.Substr, trimmed, Int(1), Int(5)), "Hello"),
            new("f_replace", Call(F.Replace, trimmed, Str("World"), Str("there")), "Hello, there"),
            new("f_concat", Call(F.Concat, Str("<"), trimmed, Str(">")), "<Hello, World>"),
            new("f_starts", Call(F.StartsWith, trimmed, Str("Hell")), true),
            new("f_starts_not", Call(F.StartsWith, trimmed, Str("World")), false),
            new("f_ends", Call(F.EndsWith, trimmed, Str("World")), true),
            new("f_ends_not", Call(F.EndsWith, trimmed, Str("Hello")), false),
            new("f_strpos", Call(F.StrPos, trimmed, Str("World")), 8L),
            new("f_strpos_none", Call(F.StrPos, trimmed, Str("xyz")), 0L),
            new("f_abs", Call(F.Abs, x), 2.5),
            new("f_abs_int", Call(F.Abs, Unary(UnaryOp.Negate, n)), 7L),
            new("f_round", Call(F.Round, x), -3.0),
            new("f_round_digits", Call(F.Round, m, Int(2)), 2.35m),
            new("f_round_int", Call(F.Round, n, Int(-1)), 10L),
            new("f_floor", Call(F.Floor, x), -3.0),
            new("f_ceil", Call(F.Ceil, x), -2.0),
            new("f_sqrt", Call(F.Sqrt, n), Math.Sqrt(7)),
            new("f_power", Call(F.Power, n, Int(2)), 49.0),
            new("f_ln", Call(F.Ln, n), Math.Log(7)),
            new("f_log10", Call(F.Log10, Binary(BinaryOp.Multiply, n, Int(100))), Math.Log10(700)),
            new("f_exp", Call(F.Exp, Literal.Float(1)), Math.E, NullOnNullInput: false),
            new("f_coalesce", Call(F.Coalesce, x, Literal.Float(0)), -2.5, NullOnNullInput: false),
            new("f_nullif", Call(F.NullIf, n, Int(7)), DBNull.Value),
            new("f_year", Call(F.Year, d), 2024L),
            new("f_month", Call(F.Month, d), 2L),
            new("f_day", Call(F.Day, d), 29L),
            new("f_divide", Binary(BinaryOp.Divide, n, Int(2)), 3.5),
            new("f_modulo", Binary(BinaryOp.Modulo, Unary(UnaryOp.Negate, n), Int(3)), -1L),
            new("f_concat_op", Binary(BinaryOp.Concat, Str("a"), Call(F.Upper, Str("b"))), "aB", NullOnNullInput: false),
            new("f_precedence", Binary(BinaryOp.Subtract, n, Binary(BinaryOp.Subtract, Int(3), Int(1))), 5L),
            new("f_case", Case([new WhenClause(Binary(BinaryOp.Greater, n, Int(5)), Str("big"))], Str("small")), "big", NullOnNullInput: false),
            new("f_between", Between(n, Int(1), Int(7)), true),
            new("f_in", InList(n, [Int(1), Int(7)]), true),
            new("f_like", Like(trimmed, Str("Hello%")), true),
            new("f_is_null", IsNull(x, negated: true), true, NullOnNullInput: false),
            new("f_cast", Cast(n, SqlType.String), "7"),
        ];
    }

    /// <summary>Values are normalized (integers read back as decimals), so integer results are also checked by the engine's column type.</summary>
    private static void AssertValue(Expectation e, object? actual, string engineType)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        switch (e.Expected)
        {
            case DBNull:
                Assert.True(actual is null, $"{e.Name}: expected NULL, got {actual}");
                break;
            case double expected:
                Assert.True(actual is not null, $"{e.Name}: NULL");
                Assert.True(Math.Abs(expected - Convert.ToDouble(actual, inv)) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"{e.Name}: expected {expected}, got {actual}");
                Assert.True(engineType.Contains("double", StringComparison.OrdinalIgnoreCase) || engineType.Contains("float", StringComparison.OrdinalIgnoreCase),
                    $"{e.Name}: expected a float64 column, got {engineType}");
                break;
            case decimal expected:
                Assert.Equal(expected, Convert.ToDecimal(actual, inv));
                break;
            case long expected:
                Assert.True(actual is decimal, $"{e.Name}: expected an integer, got {actual?.GetType().Name} {actual}");
                Assert.Equal(expected, Convert.ToInt64(actual, inv));
                Assert.True(engineType.Contains("bigint", StringComparison.OrdinalIgnoreCase) || engineType.Equals("int8", StringComparison.OrdinalIgnoreCase),
                    $"{e.Name}: expected an int64 column, got {engineType}");
                break;
            default:
                Assert.True(Equals(e.Expected, actual), $"{e.Name}: expected {e.Expected}, got {actual}");
                break;
        }
    }
}
