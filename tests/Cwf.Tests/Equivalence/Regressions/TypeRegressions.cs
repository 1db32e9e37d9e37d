using Cwf.Ir;
using Cwf.Tests.Infrastructure;
using static Cwf.Ir.ExprFactory;

namespace Cwf.Tests.Equivalence.Regressions;

/// <summary>Counterexamples about result types: what a created table's columns are, on every engine.</summary>
[EngineTest(Engine.PostgreSql), EngineTest(Engine.DuckDb)]
[Collection(PostgresCollection.Name)]
public sealed class TypeRegressions(PostgresServer server)
{
    /// <summary>PostgreSQL has no MIN/MAX of boolean (found by the PostgreSQL property): BOOL_AND/BOOL_OR mean the same.</summary>
    private static RegressionCase MinAndMaxOfBooleans()
    {
        var w = new Workflows(TestTable.Create("t", "k int64, b bool", [1L, true], [1L, false], [2L, true], [2L, null], [3L, null]));
        var aggregate = w.Builder.Aggregate(w.Scan, [new("k", w.Col("k"))],
            [new("lowest", AggregateFunction.Min, w.Col("b")), new("highest", AggregateFunction.Max, w.Col("b"))], "aggregate").Id;
        return RegressionCase.Of(w.Sink(aggregate, "out").Build(), w.Input)
            .Expect("out", RowSet.Of(["k", "lowest", "highest"], [1L, false, true], [2L, true, true], [3L, null, null]));
    }

    [Fact]
    public Task Min_and_max_of_booleans() => MinAndMaxOfBooleans().AssertEverywhereAsync(server);

    /// <summary>
    /// A value built only from integer literals is an int4 on PostgreSQL (found by the PostgreSQL
    /// property: <c>CASE WHEN TRUE THEN -709 END</c>, <c>NULLIF(0, length(...))</c>, <c>MAX(5)</c>),
    /// so the created column was <c>integer</c>: such columns are cast to the IR's int64.
    /// </summary>
    private static RegressionCase ColumnsTypedByIntegerLiterals()
    {
        var w = new Workflows(TestTable.Create("t", "s string", ["ab"], ["abc"]));
        var project = w.Project(
            ("from_case", Case([new WhenClause(Literal.Bool(true), Literal.Int(-709))], null)),
            ("from_nullif", Call(Functions.NullIf, Literal.Int(0), Call(Functions.Length, w.Col("s")))),
            ("from_arithmetic", Binary(BinaryOp.Multiply, Literal.Int(-3), Literal.Int(7))),
            ("from_coalesce", Call(Functions.Coalesce, Literal.Null(SqlType.Int64), Literal.Int(4))));
        var aggregate = w.Builder.Aggregate(w.Scan, [], [new("largest", AggregateFunction.Max, Case([new WhenClause(Literal.Bool(true), Literal.Int(5))], null))], "aggregate").Id;
        return RegressionCase.Of(w.Sink(project, "computed").Sink(aggregate, "summary").Build(), w.Input)
            .Expect("computed", RowSet.Of(["from_case", "from_nullif", "from_arithmetic", "from_coalesce"], [-709L, 0L, -21L, 4L], [-709L, 0L, -21L, 4L]))
            .Expect("summary", RowSet.Of(["largest"], [5L]));
    }

    [Fact]
    public Task Columns_typed_by_integer_literals_are_int64() => ColumnsTypedByIntegerLiterals().AssertEverywhereAsync(server);

    /// <summary>DuckDB divides decimals and averages them as DOUBLE (found by the DuckDB property): the IR's result is decimal.</summary>
    private static RegressionCase DecimalDivisionAndAverage()
    {
        var w = new Workflows(TestTable.Create("t", "k int64, d decimal", [1L, 1.5m], [1L, 2.25m], [2L, 10m]));
        var project = w.Project(("k", w.Col("k")), ("half", Binary(BinaryOp.Divide, w.Col("d"), Literal.Decimal(2m))), ("per_k", Binary(BinaryOp.Divide, w.Col("d"), w.Col("k"))));
        var aggregate = w.Builder.Aggregate(w.Scan, [new("k", w.Col("k"))], [new("mean", AggregateFunction.Avg, w.Col("d"))], "aggregate").Id;
        return RegressionCase.Of(w.Sink(project, "divided").Sink(aggregate, "averaged").Build(), w.Input)
            .Expect("divided", RowSet.Of(["k", "half", "per_k"], [1L, 0.75m, 1.5m], [1L, 1.125m, 2.25m], [2L, 5m, 5m]))
            .Expect("averaged", RowSet.Of(["k", "mean"], [1L, 1.875m], [2L, 10m]));
    }

    [Fact]
    public Task Decimal_division_and_average_stay_decimal() => DecimalDivisionAndAverage().AssertEverywhereAsync(server);

    /// <summary>
    /// DuckDB folds an operator or function over a constant NULL to a NULL of type INTEGER, also
    /// when the NULL comes through COALESCE or a function (found by the long DuckDB run:
    /// <c>coalesce(null::decimal) * 0.5</c>, <c>'a' || null::string</c>, <c>round(null::decimal, 0) + 4</c>),
    /// so the created column was INTEGER: the result is cast back to the IR's type.
    /// </summary>
    private static RegressionCase NullsFoldedThroughFunctions()
    {
        var w = new Workflows(TestTable.Create("t", "k int64", [1L], [2L]));
        var project = w.Project(
            ("k", w.Col("k")),
            ("product", Binary(BinaryOp.Multiply, Call(Functions.Coalesce, Literal.Null(SqlType.Decimal)), Literal.Decimal(0.5m))),
            ("text", Call(Functions.Concat, Literal.String("a"), Literal.Null(SqlType.String), Literal.String(" "))),
            ("rounded", Binary(BinaryOp.Add, Call(Functions.Round, Literal.Null(SqlType.Decimal), Literal.Int(0)), Literal.Decimal(4m))),
            ("alone", Call(Functions.Round, Literal.Null(SqlType.Decimal), Literal.Int(1))));
        return RegressionCase.Of(w.Sink(project, "out").Build(), w.Input)
            .Expect("out", RowSet.Of(["k", "product", "text", "rounded", "alone"], [1L, null, null, null, null], [2L, null, null, null, null]));
    }

    [Fact]
    public Task Nulls_folded_through_functions_keep_their_type() => NullsFoldedThroughFunctions().AssertEverywhereAsync(server);

    /// <summary>
    /// DuckDB gives a decimal product the sum of its operands' scales and <c>round(d, 1)</c> scale 1,
    /// and a COALESCE over them then cut every value to one digit (found by the long DuckDB run:
    /// <c>coalesce(e1, 721520.359 * -1.25, round(39893.601, 1))</c> gave -2.4 for -2.444491467):
    /// products and rounded decimals are cast back to the decimal type.
    /// </summary>
    private static RegressionCase DecimalScalesInCoalesce()
    {
        var w = new Workflows(TestTable.Create("t", "d decimal", [-2.444491467m], [null]));
        var project = w.Project(("picked", Call(Functions.Coalesce, w.Col("d"),
            Binary(BinaryOp.Multiply, Literal.Decimal(721520.359m), Literal.Decimal(-1.25m)),
            Call(Functions.Round, Literal.Decimal(39893.601m), Literal.Int(1)))));
        return RegressionCase.Of(w.Sink(project, "out").Build(), w.Input)
            .Expect("out", RowSet.Of(["picked"], [-2.444491467m], [-901900.44875m]));
    }

    [Fact]
    public Task Decimal_scales_survive_a_coalesce_of_products_and_rounded_values() => DecimalScalesInCoalesce().AssertEverywhereAsync(server);

    /// <summary>
    /// DuckDB's FLOOR and CEIL of a DECIMAL have scale 0, and a CASE over it and a decimal column
    /// took that scale (517431.95 became 517432): cast back. Found by the DuckDB equivalence
    /// property (seed da1BglvM03W3), once window steps changed what the generator draws.
    /// </summary>
    private static RegressionCase DecimalScaleInCaseWithFloor()
    {
        var w = new Workflows(TestTable.Create("t", "d decimal", [517431.95m], [-1.5m]));
        var project = w.Project(
            ("floored", ExprFactory.Case([new WhenClause(Literal.Bool(false), Call(Functions.Floor, w.Col("d")))], w.Col("d"))),
            ("ceiled", ExprFactory.Case([new WhenClause(Literal.Bool(false), Call(Functions.Ceil, w.Col("d")))], w.Col("d"))));
        return RegressionCase.Of(w.Sink(project, "out").Build(), w.Input)
            .Expect("out", RowSet.Of(["floored", "ceiled"], [517431.95m, 517431.95m], [-1.5m, -1.5m]));
    }

    [Fact]
    public Task Decimal_scales_survive_a_case_over_a_floored_or_ceiled_value() => DecimalScaleInCaseWithFloor().AssertEverywhereAsync(server);
}
