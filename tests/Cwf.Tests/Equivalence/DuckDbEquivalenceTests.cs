using CsCheck;
using Cwf.Ir;
using Cwf.Tests.Generators;
using Cwf.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Cwf.Tests.Equivalence;

/// <summary>
/// Property: for random workflows without geography (DuckDB's spatial extension cannot be
/// installed here) over every IR operator and random data, the DuckDB script run in process
/// writes exactly the tables the reference interpreter computes. Decimals cast to strings are
/// left out: a decimal's text has its type's scale in DuckDB (DECIMAL(38, 9): '1.500000000') and
/// its value's in the interpreter and PostgreSQL ('1.50'), which the IR does not pin down, as
/// for floats (spec/equivalence.md).
/// </summary>
[EngineTest(Engine.DuckDb)]
public sealed class DuckDbEquivalenceTests(ITestOutputHelper output)
{
    private static bool DecimalText(EquivalenceCase c) =>
        EquivalenceCases.Expressions(c.Workflow).Any(e => e is Cast { Operand.Type: SqlType.Decimal, Type: SqlType.String });

    [Fact]
    public Task DuckDB_writes_what_the_interpreter_computes() =>
        new EquivalenceCheck(
                () => Task.FromResult<IEquivalenceEngine>(new DuckDbEngine()),
                EquivalenceCases.Gen(GeneratorOptions.NonSpatial).Where(c => !DecimalText(c)),
                output)
            .RunAsync(4 * TestSettings.PropertyIterations, stream: 3);
}
