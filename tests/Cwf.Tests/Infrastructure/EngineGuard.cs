using Xunit.Abstractions;
using Xunit.Sdk;

namespace Cwf.Tests.Infrastructure;

/// <summary>
/// Makes an unmarked engine test impossible: every helper that starts an engine calls
/// <see cref="Require"/>, which fails unless each test the code runs for carries that engine's
/// <see cref="EngineTestAttribute"/>. Which tests those are, <see cref="ScopedTestFramework"/> says:
/// the one test while it runs (constructor and <c>InitializeAsync</c> included), every test of a
/// class while its class fixtures are made, every test of a collection while its collection
/// fixtures are made.
/// </summary>
public static class EngineGuard
{
    private static readonly AsyncLocal<RunningTests?> Running = new();

    /// <summary>The tests that code started from here runs for, and what they are (a test, a class, a collection).</summary>
    private sealed record RunningTests(string Scope, IReadOnlyList<ITestCase> Tests);

    /// <summary>Declares the tests that the calling async flow runs for, until that flow's async method returns.</summary>
    internal static void Enter(string scope, IReadOnlyList<ITestCase> tests) => Running.Value = new RunningTests(scope, tests);

    /// <summary>Fails unless every running test is marked <c>[EngineTest(engine)]</c>.</summary>
    public static void Require(Engine engine)
    {
        var running = Running.Value ?? throw new XunitException(
            $"{engine.TraitValue()} was started outside any test (during discovery, or on a thread that does not flow the test's context).");
        var unmarked = running.Tests.Where(t => !IsMarked(t, engine)).Select(t => t.DisplayName).ToList();
        if (unmarked.Count == 0) return;
        var who = running.Tests.Count == 1 ? "is" : $"these of its tests are";
        var list = running.Tests.Count == 1 ? "" : $"\n  {string.Join("\n  ", unmarked.Take(20))}";
        throw new XunitException(
            $"{running.Scope} uses {engine.TraitValue()} but {who} not marked [EngineTest(Engine.{engine})] (on the test class or method){list}\n" +
            "Engine tests carry that trait so that `dotnet test --filter \"Category!=Engine\"` runs the fast tests alone (README, \"What the test command does\").");
    }

    private static bool IsMarked(ITestCase test, Engine engine) =>
        test.Traits.TryGetValue(EngineTraits.EngineName, out var engines) && engines.Contains(engine.TraitValue());
}
