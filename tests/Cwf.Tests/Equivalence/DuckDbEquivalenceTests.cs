using Cwf.Tests.Generators;
using Cwf.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Cwf.Tests.Equivalence;

/// <summary>
/// Property: for random workflows without geography (DuckDB's spatial extension cannot be
/// installed here) over every IR operator and random data, the DuckDB script run in process
/// writes exactly the tables the reference interpreter computes.
/// </summary>
public sealed class DuckDbEquivalenceTests(ITestOutputHelper output)
{
    [Fact]
    public Task DuckDB_writes_what_the_interpreter_computes() =>
        new EquivalenceCheck(
                () => Task.FromResult<IEquivalenceEngine>(new DuckDbEngine()),
                EquivalenceCases.Gen(GeneratorOptions.NonSpatial),
                output)
            .RunAsync(4 * TestSettings.PropertyIterations, stream: 3);
}
