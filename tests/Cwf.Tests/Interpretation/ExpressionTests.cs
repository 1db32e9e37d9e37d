using Cwf.Diagnostics;
using Cwf.Interpretation;
using Cwf.Interpretation.Evaluation;
using Cwf.Ir;
using NetTopologySuite.Geometries;
using static Cwf.Tests.Interpretation.Harness;

namespace Cwf.Tests.Interpretation;

/// <summary>Scalar semantics: three-valued logic, NULLs, arithmetic errors, casts and every function.</summary>
public class ExpressionTests
{
    private static Literal I(long v) => Literal.Int(v);
    private static Literal F(double v) => Literal.Float(v);
    private static Literal M(decimal v) => Literal.Decimal(v);
    private static Literal S(string v) => Literal.String(v);
    private static Literal B(bool v) => Literal.Bool(v);
    private static Literal NullOf(SqlType t) => Literal.Null(t);
    private static Expr Call(BuiltinFunction f, params Expr[] args) => ExprFactory.Call(f, args);
    private static Expr Bin(BinaryOp op, Expr a, Expr b) => ExprFactory.Binary(op, a, b);

    public static TheoryData<bool?, bool?, bool?, bool?> ThreeValued => new()
    {
        // a, b, a AND b, a OR b
        { true, true, true, true },
        { true, false, false, true },
        { true, null, null, true },
        { false, null, false, null },
        { null, null, null, null },
        { false, false, false, false },
    };

    [Theory]
    [MemberData(nameof(ThreeValued))]
    public void And_or_follow_three_valued_logic(bool? a, bool? b, bool? and, bool? or)
    {
        Expr L(bool? v) => v is { } x ? B(x) : NullOf(SqlType.Bool);
        Assert.Equal(and, Value(ExprFactory.And(L(a), L(b))));
        Assert.Equal(and, Value(ExprFactory.And(L(b), L(a))));
        Assert.Equal(or, Value(ExprFactory.Or(L(a), L(b))));
        Assert.Equal(or, Value(ExprFactory.Or(L(b), L(a))));
        Assert.Equal(a is null ? null : !a, Value(ExprFactory.Not(L(a))));
    }

    [Fact]
    public void Comparisons_with_null_are_null_and_is_null_is_not()
    {
        Assert.Null(Value(ExprFactory.Eq(NullOf(SqlType.Int64), I(1))));
        Assert.Null(Value(ExprFactory.Eq(NullOf(SqlType.Int64), NullOf(SqlType.Int64))));
        Assert.Equal(true, Value(ExprFactory.IsNull(NullOf(SqlType.Int64))));
        Assert.Equal(false, Value(ExprFactory.IsNull(I(1))));
        Assert.Equal(true, Value(ExprFactory.IsNull(I(1), negated: true)));
        Assert.Equal(true, Value(ExprFactory.Eq(I(1), F(1.0))));
        Assert.Equal(true, Value(Bin(BinaryOp.Less, I(2), M(2.5m))));
        Assert.Equal(true, Value(Bin(BinaryOp.Less, Literal.Date(new DateOnly(2024, 1, 1)), Literal.Timestamp(new DateTime(2024, 1, 1, 0, 0, 1)))));
    }

    [Fact]
    public void In_list_with_nulls()
    {
        Assert.Equal(true, Value(ExprFactory.InList(I(1), [I(1), NullOf(SqlType.Int64)])));
        Assert.Null(Value(ExprFactory.InList(I(1), [I(2), NullOf(SqlType.Int64)])));
        Assert.Equal(false, Value(ExprFactory.InList(I(1), [I(2), I(3)])));
        Assert.Null(Value(ExprFactory.InList(I(1), [I(2), NullOf(SqlType.Int64)], negated: true)));
        Assert.Equal(false, Value(ExprFactory.InList(I(1), [I(1), NullOf(SqlType.Int64)], negated: true)));
        Assert.Null(Value(ExprFactory.InList(NullOf(SqlType.Int64), [I(1)])));
    }

    [Fact]
    public void Between_is_inclusive_and_three_valued()
    {
        Assert.Equal(true, Value(ExprFactory.Between(I(1), I(1), I(3))));
        Assert.Equal(true, Value(ExprFactory.Between(I(3), I(1), I(3))));
        Assert.Equal(false, Value(ExprFactory.Between(I(4), I(1), I(3))));
        Assert.Equal(true, Value(ExprFactory.Between(I(4), I(1), I(3), negated: true)));
        Assert.Equal(false, Value(ExprFactory.Between(I(0), I(1), NullOf(SqlType.Int64))));
        Assert.Null(Value(ExprFactory.Between(I(2), I(1), NullOf(SqlType.Int64))));
    }

    [Theory]
    [InlineData("abc", "a%", true)]
    [InlineData("abc", "A%", false)]
    [InlineData("abc", "_b_", true)]
    [InlineData("abc", "__", false)]
    [InlineData("abc", "%", true)]
    [InlineData("", "%", true)]
    [InlineData("", "_", false)]
    [InlineData("a%c", "a\\%c", false)]
    [InlineData("xaaab", "%a%b", true)]
    [InlineData("mississippi", "%iss%ppi", true)]
    [InlineData("😀x", "_x", true)]
    public void Like_uses_percent_and_underscore_case_sensitively(string input, string pattern, bool expected) =>
        Assert.Equal(expected, Value(ExprFactory.Like(S(input), S(pattern))));

    [Fact]
    public void Case_takes_the_first_true_branch_and_widens()
    {
        var expr = ExprFactory.Case([new WhenClause(NullOf(SqlType.Bool), I(1)), new WhenClause(B(false), I(2)), new WhenClause(B(true), I(3))], F(0.5));
        Assert.Equal(3.0, Value(expr));
        Assert.Null(Value(ExprFactory.Case([new WhenClause(B(false), I(1))], null)));
    }

    [Fact]
    public void Integer_arithmetic_overflows_and_division_by_zero_are_errors()
    {
        Assert.Equal(DiagnosticCodes.RuntimeOverflow.Code, Error(Bin(BinaryOp.Add, I(long.MaxValue), I(1))).Code);
        Assert.Equal(DiagnosticCodes.RuntimeOverflow.Code, Error(Bin(BinaryOp.Multiply, I(long.MinValue), I(-1))).Code);
        Assert.Equal(DiagnosticCodes.RuntimeOverflow.Code, Error(ExprFactory.Unary(UnaryOp.Negate, I(long.MinValue))).Code);
        Assert.Equal(DiagnosticCodes.RuntimeOverflow.Code, Error(Call(Functions.Abs, I(long.MinValue))).Code);
        Assert.Equal(DiagnosticCodes.RuntimeOverflow.Code, Error(Bin(BinaryOp.Multiply, F(1e308), F(10))).Code);
        Assert.Equal(DiagnosticCodes.RuntimeDivisionByZero.Code, Error(Bin(BinaryOp.Divide, I(1), I(0))).Code);
        Assert.Equal(DiagnosticCodes.RuntimeDivisionByZero.Code, Error(Bin(BinaryOp.Divide, F(1), F(0))).Code);
        Assert.Equal(DiagnosticCodes.RuntimeDivisionByZero.Code, Error(Bin(BinaryOp.Modulo, I(1), I(0))).Code);
        // Strict operators evaluate both sides: the error surfaces even next to a NULL.
        Assert.Equal(DiagnosticCodes.RuntimeDivisionByZero.Code, Error(Bin(BinaryOp.Add, NullOf(SqlType.Float64), Bin(BinaryOp.Divide, I(1), I(0)))).Code);
    }

    [Fact]
    public void Division_is_true_division_and_modulo_keeps_the_dividend_sign()
    {
        Assert.Equal(3.5, Value(Bin(BinaryOp.Divide, I(7), I(2))));
        Assert.Equal(1m / 3m, Value(Bin(BinaryOp.Divide, M(1), I(3))));
        Assert.Equal(1L, Value(Bin(BinaryOp.Modulo, I(7), I(-3))));
        Assert.Equal(-1L, Value(Bin(BinaryOp.Modulo, I(-7), I(3))));
        Assert.Equal(0L, Value(Bin(BinaryOp.Modulo, I(long.MinValue), I(-1))));
        Assert.Equal(2.5m, Value(Bin(BinaryOp.Add, I(1), M(1.5m))));
        Assert.Equal(2.5, Value(Bin(BinaryOp.Add, M(1), F(1.5))));
        Assert.Equal("ab", Value(Bin(BinaryOp.Concat, S("a"), S("b"))));
        Assert.Null(Value(Bin(BinaryOp.Concat, S("a"), NullOf(SqlType.String))));
    }

    [Theory]
    [InlineData(2.5, 0, 3.0)]
    [InlineData(-2.5, 0, -3.0)]
    [InlineData(2.675, 2, 2.68)]
    [InlineData(1.005, 2, 1.01)]
    [InlineData(1234.5, -2, 1200.0)]
    [InlineData(1250.0, -2, 1300.0)]
    [InlineData(-0.5, 0, -1.0)]
    public void Round_is_half_away_from_zero(double x, long digits, double expected) =>
        Assert.Equal(expected, Value(Call(Functions.Round, F(x), I(digits))));

    [Fact]
    public void Round_of_integers_and_decimals()
    {
        Assert.Equal(1300L, Value(Call(Functions.Round, I(1250), I(-2))));
        Assert.Equal(-1300L, Value(Call(Functions.Round, I(-1250), I(-2))));
        Assert.Equal(1249L, Value(Call(Functions.Round, I(1249), I(0))));
        Assert.Equal(3m, Value(Call(Functions.Round, M(2.5m))));
        Assert.Equal(-2.35m, Value(Call(Functions.Round, M(-2.345m), I(2))));
        Assert.Equal(3.0, Value(Call(Functions.Floor, F(3.7))));
        Assert.Equal(-3m, Value(Call(Functions.Ceil, M(-3.7m))));
        Assert.Equal(7L, Value(Call(Functions.Ceil, I(7))));
    }

    [Fact]
    public void Math_domain_errors_are_diagnostics()
    {
        Assert.Equal(DiagnosticCodes.RuntimeInvalidArgument.Code, Error(Call(Functions.Sqrt, F(-1))).Code);
        Assert.Equal(DiagnosticCodes.RuntimeInvalidArgument.Code, Error(Call(Functions.Ln, I(0))).Code);
        Assert.Equal(DiagnosticCodes.RuntimeInvalidArgument.Code, Error(Call(Functions.Log10, F(-3))).Code);
        Assert.Equal(DiagnosticCodes.RuntimeInvalidArgument.Code, Error(Call(Functions.Power, F(-8), F(1.0 / 3))).Code);
        Assert.Equal(DiagnosticCodes.RuntimeInvalidArgument.Code, Error(Call(Functions.Power, I(0), I(-1))).Code);
        Assert.Equal(DiagnosticCodes.RuntimeOverflow.Code, Error(Call(Functions.Exp, F(1000))).Code);
        Assert.Equal(8.0, Value(Call(Functions.Power, I(2), I(3))));
        Assert.Equal(-8.0, Value(Call(Functions.Power, F(-2), I(3))));
        Assert.Equal(2.0, Value(Call(Functions.Log10, I(100))));
        Assert.Equal(3.0, Value(Call(Functions.Sqrt, M(9))));
    }

    [Fact]
    public void String_functions_count_characters_not_utf16_units()
    {
        Assert.Equal(1L, Value(Call(Functions.Length, S("😀"))));
        Assert.Equal("ell", Value(Call(Functions.Substr, S("hello"), I(2), I(3))));
        Assert.Equal("h", Value(Call(Functions.Substr, S("hello"), I(0), I(2))));
        Assert.Equal("", Value(Call(Functions.Substr, S("hello"), I(-5), I(2))));
        Assert.Equal("lo", Value(Call(Functions.Substr, S("hello"), I(4))));
        Assert.Equal("😀b", Value(Call(Functions.Substr, S("a😀b"), I(2), I(long.MaxValue))));
        Assert.Equal(DiagnosticCodes.RuntimeInvalidArgument.Code, Error(Call(Functions.Substr, S("hello"), I(1), I(-1))).Code);
        Assert.Equal(3L, Value(Call(Functions.StrPos, S("a😀b"), S("b"))));
        Assert.Equal(0L, Value(Call(Functions.StrPos, S("abc"), S("x"))));
        Assert.Equal(1L, Value(Call(Functions.StrPos, S("abc"), S(""))));
        Assert.Equal("abc", Value(Call(Functions.Replace, S("abc"), S(""), S("x"))));
        Assert.Equal("axxc", Value(Call(Functions.Replace, S("abbc"), S("b"), S("x"))));
        Assert.Equal("\tx", Value(Call(Functions.Trim, S("  \tx  "))));
        Assert.Equal("x  ", Value(Call(Functions.LTrim, S("  x  "))));
        Assert.Equal("ÉTÉ", Value(Call(Functions.Upper, S("été"))));
        Assert.Equal("abc", Value(Call(Functions.Concat, S("a"), S("b"), S("c"))));
        Assert.Null(Value(Call(Functions.Concat, S("a"), NullOf(SqlType.String))));
        Assert.Equal(true, Value(Call(Functions.StartsWith, S("abc"), S("ab"))));
        Assert.Equal(false, Value(Call(Functions.EndsWith, S("abc"), S("B"))));
    }

    [Fact]
    public void Coalesce_is_lazy_and_nullif_compares()
    {
        Assert.Equal(1.0, Value(Call(Functions.Coalesce, NullOf(SqlType.Int64), I(1), F(2))));
        Assert.Equal(1L, Value(Call(Functions.Coalesce, I(1), Bin(BinaryOp.Modulo, I(1), I(0)))));
        Assert.Null(Value(Call(Functions.Coalesce, NullOf(SqlType.Int64), NullOf(SqlType.Int64))));
        Assert.Null(Value(Call(Functions.NullIf, I(0), I(0))));
        Assert.Equal(5L, Value(Call(Functions.NullIf, I(5), I(0))));
        Assert.Equal(5L, Value(Call(Functions.NullIf, I(5), NullOf(SqlType.Int64))));
    }

    [Fact]
    public void Date_parts()
    {
        Assert.Equal(2024L, Value(Call(Functions.Year, Literal.Date(new DateOnly(2024, 2, 29)))));
        Assert.Equal(2L, Value(Call(Functions.Month, Literal.Date(new DateOnly(2024, 2, 29)))));
        Assert.Equal(29L, Value(Call(Functions.Day, Literal.Timestamp(new DateTime(2024, 2, 29, 23, 59, 59)))));
    }

    [Theory]
    [InlineData(" 12 ", SqlType.Int64, 12L)]
    [InlineData("-7", SqlType.Int64, -7L)]
    [InlineData("1e3", SqlType.Float64, 1000.0)]
    [InlineData("NaN", SqlType.Float64, double.NaN)]
    [InlineData("yes", SqlType.Bool, true)]
    [InlineData("F", SqlType.Bool, false)]
    [InlineData("2024-02-29", SqlType.Date, "2024-02-29")]
    [InlineData("2024-02-29 10:20:30.5", SqlType.Timestamp, "2024-02-29 10:20:30.5")]
    [InlineData("2024-02-29T10:20", SqlType.Timestamp, "2024-02-29 10:20:00")]
    [InlineData("POINT(1 2)", SqlType.Geography, "POINT(1 2)")]
    [InlineData("1.50", SqlType.Decimal, "1.50")]
    public void Strings_cast_to_every_type(string text, SqlType type, object expected)
    {
        var value = Value(ExprFactory.Cast(S(text), type));
        Assert.Equal(expected is string s && type is not SqlType.String ? s : SqlValues.ToText(expected), SqlValues.ToText(value!));
    }

    [Theory]
    [InlineData("1.5", SqlType.Int64)]
    [InlineData("abc", SqlType.Float64)]
    [InlineData("", SqlType.Int64)]
    [InlineData("2024-02-30", SqlType.Date)]
    [InlineData("maybe", SqlType.Bool)]
    [InlineData("POINT(1", SqlType.Geography)]
    public void Failed_casts_are_diagnostics(string text, SqlType type) =>
        Assert.Equal(DiagnosticCodes.RuntimeCastFailed.Code, Error(ExprFactory.Cast(S(text), type)).Code);

    [Fact]
    public void Numbers_cast_to_int64_round_half_away_from_zero()
    {
        Assert.Equal(3L, Value(ExprFactory.Cast(F(2.5), SqlType.Int64)));
        Assert.Equal(-3L, Value(ExprFactory.Cast(F(-2.5), SqlType.Int64)));
        Assert.Equal(2L, Value(ExprFactory.Cast(M(2.49m), SqlType.Int64)));
        Assert.Equal(DiagnosticCodes.RuntimeOverflow.Code, Error(ExprFactory.Cast(F(1e19), SqlType.Int64)).Code);
        Assert.Equal(DiagnosticCodes.RuntimeCastFailed.Code, Error(ExprFactory.Cast(F(double.NaN), SqlType.Int64)).Code);
        Assert.Equal(DiagnosticCodes.RuntimeOverflow.Code, Error(ExprFactory.Cast(S("99999999999999999999"), SqlType.Int64)).Code);
    }

    [Fact]
    public void Values_cast_to_string_as_PostgreSQL_prints_them()
    {
        Assert.Equal("0.1", Value(ExprFactory.Cast(F(0.1), SqlType.String)));
        Assert.Equal("1e+20", Value(ExprFactory.Cast(F(1e20), SqlType.String)));
        Assert.Equal("true", Value(ExprFactory.Cast(B(true), SqlType.String)));
        Assert.Equal("1.50", Value(ExprFactory.Cast(M(1.50m), SqlType.String)));
        Assert.Equal("2024-01-02 03:04:05", Value(ExprFactory.Cast(Literal.Timestamp(new DateTime(2024, 1, 2, 3, 4, 5)), SqlType.String)));
        Assert.Equal("2024-01-02", Value(ExprFactory.Cast(Literal.Timestamp(new DateTime(2024, 1, 2, 3, 4, 5)), SqlType.Date)) is DateOnly d ? d.ToString("yyyy-MM-dd") : null);
    }

    [Fact]
    public void Every_ir_function_has_an_implementation()
    {
        // The clock's functions are fixed to literals before a run starts (RunClock), never evaluated per row.
        var missing = Functions.All.Where(f => FunctionLibrary.Find(f) is null && f != Functions.CurrentDate && f != Functions.CurrentTimestamp).Select(f => f.Name).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Spatial_functions_through_expressions()
    {
        var point = Call(Functions.Point, F(2.35), F(48.85));
        Assert.Equal("POINT(2.35 48.85)", Value(Call(Functions.AsText, point)));
        Assert.Equal(2.35, Value(Call(Functions.X, point)));
        Assert.Null(Value(Call(Functions.X, Call(Functions.GeogFromText, S("POINT EMPTY")))));
        Assert.Equal(DiagnosticCodes.RuntimeGeographyFailed.Code, Error(Call(Functions.X, Call(Functions.GeogFromText, S("LINESTRING(0 0,1 1)")))).Code);
        Assert.Equal(DiagnosticCodes.RuntimeGeographyFailed.Code, Error(Call(Functions.GeogFromText, S("POLYGON((0 0"))).Code);
        Assert.Null(Value(Call(Functions.Distance, point, Call(Functions.GeogFromText, S("POINT EMPTY")))));
        Assert.Equal(true, Value(Call(Functions.DWithin, point, Call(Functions.Point, F(2.35), F(48.851)), I(200))));
        var area = (double)Value(Call(Functions.Area, Call(Functions.Buffer, point, I(300))))!;
        Assert.InRange(area, Math.PI * 90000 * 0.995, Math.PI * 90000 * 1.005);
    }

    [Fact]
    public void H3_functions()
    {
        var point = Call(Functions.Point, F(-122.0553238), F(37.3615593));
        Assert.Equal("85283473fffffff", Value(Call(Functions.H3FromPoint, point, I(5))));
        Assert.Null(Value(Call(Functions.H3FromPoint, Call(Functions.GeogFromText, S("POINT EMPTY")), I(5))));
        Assert.Equal(DiagnosticCodes.RuntimeInvalidArgument.Code, Error(Call(Functions.H3FromPoint, point, I(16))).Code);
        Assert.Null(Value(Call(Functions.H3Boundary, S("not a cell"))));
        var boundary = (Geometry)Value(Call(Functions.H3Boundary, S("85283473fffffff")))!;
        Assert.Equal("Polygon", boundary.GeometryType);
        Assert.Equal(7, boundary.NumPoints);
        // The cell contains the point it was computed from.
        Assert.Equal(true, Value(Call(Functions.Within, point, Call(Functions.H3Boundary, S("85283473fffffff")))));
    }

    [Fact]
    public void H3_cells_across_the_antimeridian_split_into_a_multipolygon()
    {
        var cell = Value(Call(Functions.H3FromPoint, Call(Functions.Point, F(179.99), F(0)), I(2)));
        var boundary = (Geometry)Value(Call(Functions.H3Boundary, S((string)cell!)))!;
        Assert.Equal("MultiPolygon", boundary.GeometryType);
        Assert.True(boundary.EnvelopeInternal.MinX >= -180 && boundary.EnvelopeInternal.MaxX <= 180);
        Assert.Equal(true, Value(Call(Functions.Intersects, Call(Functions.Point, F(179.99), F(0)), Call(Functions.H3Boundary, S((string)cell!)))));
    }

    [Fact]
    public void Raw_sql_cannot_be_interpreted() =>
        Assert.Equal(DiagnosticCodes.RawSqlNotInterpretable.Code, Error(new RawSql("SAFE_DIVIDE(a, b)", SqlType.Float64)).Code);

    [Fact]
    public void Parameters_take_defaults_and_overrides()
    {
        var b = new WorkflowBuilder("params");
        b.AddParameter(new Parameter("n", SqlType.Int64, 2L, IsPublic: true));
        var schema = Schema(("x", SqlType.Int64));
        var scan = b.Scan(Source, schema, "src");
        var limit = b.Limit(scan.Id, new ParamRef("n", SqlType.Int64), "limit");
        b.Sink(limit.Id, Output, WriteMode.Replace, "out");
        var db = Database.Empty.With(Source, Table(schema, [1L], [2L], [3L]));
        Assert.Equal(2, Run(b.ToWorkflow(), db).Outputs.Find(Output)!.Count);
        var options = new InterpreterOptions { Parameters = System.Collections.Immutable.ImmutableDictionary<string, object?>.Empty.Add("N", "1") };
        Assert.Equal(1, Run(b.ToWorkflow(), db, options).Outputs.Find(Output)!.Count);
        var bad = new InterpreterOptions { Parameters = System.Collections.Immutable.ImmutableDictionary<string, object?>.Empty.Add("n", "x").Add("other", 1) };
        var result = Interpreter.Run(b.ToWorkflow(), db, bad);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.RunParameterInvalid.Code && d.Message.Contains("invalid input for int64: 'x'"));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.RunParameterInvalid.Code && d.Message.Contains("no parameter @other"));
    }
}
