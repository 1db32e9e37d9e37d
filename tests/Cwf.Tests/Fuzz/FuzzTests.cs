using Xunit.Abstractions;

namespace Cwf.Tests.Fuzz;

/// <summary>
/// The fuzz run of the test command: 1,000 mutated and generated inputs of a fixed seed through
/// check, fmt or import, and compile for every dialect and emit mode; no input may cause an
/// internal error or miss its deadline. The environment makes it a long run (spec/fuzzing.md).
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Mutated_and_generated_inputs_never_cause_an_internal_error_or_a_timeout()
    {
        var report = FuzzRunner.Run(FuzzSettings.FromEnvironment());
        output.WriteLine(report.Summary);
        Assert.True(report.Findings.Count == 0, report.Summary + "\n" + string.Join("\n\n", report.Findings.Select(f =>
            $"input {f.Index} ({f.Kind}), made by {string.Join(" -> ", f.Input.Steps)}:\n{f.Detail}")));
    }

    [Fact]
    public void Every_input_is_made_again_from_its_seed_and_index()
    {
        for (long i = 0; i < 50; i++)
        {
            var first = FuzzInputs.Make(FuzzSettings.DefaultSeed, i);
            var again = FuzzInputs.Make(FuzzSettings.DefaultSeed, i);
            Assert.Equal(first.Text, again.Text);
            Assert.Equal(first.Catalog, again.Catalog);
            Assert.Equal(first.Steps, again.Steps);
        }
    }

    [Fact]
    public void A_deadline_abandons_the_input_and_the_next_one_runs()
    {
        var worker = new DeadlineWorker();
        using var release = new ManualResetEventSlim();
        Assert.False(worker.TryRun(() => release.Wait(TimeSpan.FromMinutes(1)), TimeSpan.FromMilliseconds(50), out _, out _));
        Assert.True(worker.TryRun(() => 42, TimeSpan.FromSeconds(30), out var value, out var failure));
        Assert.Equal(42, value);
        Assert.Null(failure);
        Assert.True(worker.TryRun<int>(() => throw new InvalidOperationException("boom"), TimeSpan.FromSeconds(30), out _, out failure));
        Assert.IsType<InvalidOperationException>(failure);
        Assert.Equal(1, worker.Abandoned);
        release.Set();
    }
}
