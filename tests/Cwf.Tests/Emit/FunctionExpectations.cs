using Cwf.Ir;
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

    /// <summary>s = '  Hello, World  ', x = -2.5, n = 7, m = 2.345, d = 2024-02-29.</summary>
    public const string InputRow = "('  Hello, World  ', -2.5, 7, 2.345, DATE '2024-02-29')";

    public static List<Expectation> Build(Expr s, Expr x, Expr n, Expr m, Expr d)
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

    public static void AssertValue(Expectation e, object? actual)
    {
        switch (e.Expected)
        {
            case DBNull:
                Assert.True(actual is null, $"{e.Name}: expected NULL, got {actual}");
                break;
            case double expected:
                Assert.True(actual is not null, $"{e.Name}: NULL");
                Assert.Equal(expected, Convert.ToDouble(actual, System.Globalization.CultureInfo.InvariantCulture), 9);
                break;
            case decimal expected:
                Assert.Equal(expected, Convert.ToDecimal(actual, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case long expected:
                Assert.True(actual is long or int, $"{e.Name}: expected an integer, got {actual?.GetType().Name} {actual}");
                Assert.Equal(expected, Convert.ToInt64(actual, System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                Assert.True(Equals(e.Expected, actual), $"{e.Name}: expected {e.Expected}, got {actual}");
                break;
        }
    }
}
