using Cwf.Ir;
using Cwf.Tests.Infrastructure;
using static Cwf.Ir.ExprFactory;

namespace Cwf.Tests.Equivalence.Regressions;

/// <summary>Integer overflow and division by zero are errors in the IR, the interpreter and every engine: never a wrong or NULL value.</summary>
[EngineTest(Engine.PostgreSql), EngineTest(Engine.DuckDb)]
[Collection(PostgresCollection.Name)]
public sealed class ErrorRegressions(PostgresServer server)
{
    private static RegressionCase Computing(Func<Workflows, Expr> value, params object?[][] rows)
    {
        var w = new Workflows(TestTable.Create("t", "a int64, b int64, f float64", rows));
        return RegressionCase.Of(w.Sink(w.Project(("v", value(w))), "out").Build(), w.Input);
    }

    public static TheoryData<string> DivisionsByZero => ["int64", "float64", "modulo"];

    private static RegressionCase DivisionByZero(string kind) => Computing(w => kind switch
    {
        "int64" => Binary(BinaryOp.Divide, w.Col("a"), w.Col("b")),
        "float64" => Binary(BinaryOp.Divide, w.Col("f"), Cast(w.Col("b"), SqlType.Float64)),
        _ => Binary(BinaryOp.Modulo, w.Col("a"), w.Col("b")),
    }, [1L, 0L, 1.5]);

    [Theory]
    [MemberData(nameof(DivisionsByZero))]
    public async Task Division_by_zero_is_an_error(string kind)
    {
        var c = DivisionByZero(kind);
        c.AssertInterpreterFails("CWF7001");
        await c.AssertPostgresFailsAsync(server, "division by zero");
        await c.AssertDuckDbFailsAsync("division by zero");
    }

    [Fact]
    public async Task Integer_overflow_is_an_error()
    {
        var c = Computing(w => Binary(BinaryOp.Add, w.Col("a"), w.Col("b")), [long.MaxValue, 1L, 0.0]);
        c.AssertInterpreterFails("CWF7002");
        await c.AssertPostgresFailsAsync(server, "out of range");
        await c.AssertDuckDbFailsAsync("overflow");
    }
}
