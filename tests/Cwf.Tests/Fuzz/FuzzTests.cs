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

    [Fact]
    public void An_input_that_misses_its_deadline_once_is_run_again_and_only_a_second_miss_is_a_finding()
    {
        var output = Path.Combine(Path.GetTempPath(), "cwf-fuzz-retry-" + Guid.NewGuid().ToString("N"));
        try
        {
            var settings = new FuzzSettings(FuzzSettings.DefaultSeed, 0, 3, TimeSpan.FromMilliseconds(200), output);
            var calls = new Dictionary<long, int>();
            using var release = new ManualResetEventSlim();
            // Input 1 is slow the first time only (a loaded machine); input 2 is slow every time (a hang).
            FuzzTarget.Outcome Target(long index, FuzzInput input)
            {
                int call;
                lock (calls) call = calls[index] = calls.GetValueOrDefault(index) + 1;
                if ((index == 1 && call == 1) || index == 2)
                    release.Wait(TimeSpan.FromMinutes(1));
                return new FuzzTarget.Outcome([], 1, 0);
            }

            var report = FuzzRunner.Run(settings, Target);
            release.Set();

            Assert.Equal([1L], report.SlowOnlyUnderLoad);
            var finding = Assert.Single(report.Findings);
            Assert.Equal((2L, "timeout"), (finding.Index, finding.Kind));
            Assert.Contains("missed the deadline once but not when run again: 1", report.Summary);
            Assert.Equal(2, report.Compiled);
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }
}
