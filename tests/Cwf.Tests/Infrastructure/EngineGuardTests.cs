using System.Reflection;
using Xunit.Sdk;

namespace Cwf.Tests.Infrastructure;

/// <summary>This class is not marked: every helper that starts an engine must refuse to run for it.</summary>
public sealed class EngineGuardTests
{
    [Fact]
    public void An_unmarked_test_cannot_start_an_engine()
    {
        var error = Assert.Throws<XunitException>(() => EngineGuard.Require(Engine.DuckDb));
        Assert.Contains($"{nameof(EngineGuardTests)}.{nameof(An_unmarked_test_cannot_start_an_engine)}", error.Message);
        Assert.Contains("[EngineTest(Engine.DuckDb)]", error.Message);

        Assert.Throws<XunitException>(() => new DuckDbRunner());
        Assert.Throws<XunitException>(() => SqlParsers.ParseRaw([]));
    }

    [Fact]
    public async Task An_unmarked_test_cannot_start_a_process_or_reach_PostgreSQL()
    {
        await Assert.ThrowsAsync<XunitException>(() => ProcessRunner.RunAsync(Engine.Cli, "true", []));
        await Assert.ThrowsAsync<XunitException>(() => new PostgresServer().InitializeAsync());
    }

    [EngineTest(Engine.PostgreSql)]
    private sealed class Marked;

    [Fact]
    public void The_attribute_gives_the_category_and_the_engine()
    {
        var attribute = CustomAttributeData.GetCustomAttributes(typeof(Marked)).Single(a => a.AttributeType == typeof(EngineTestAttribute));
        var traits = new EngineTestDiscoverer().GetTraits(Reflector.Wrap(attribute)).ToList();
        Assert.Equal([new("Category", "Engine"), new("Engine", "PostgreSQL")], traits);
    }
}
