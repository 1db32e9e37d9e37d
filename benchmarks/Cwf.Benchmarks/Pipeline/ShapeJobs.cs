using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Cwf.Benchmarks.Pipeline;

/// <summary>
/// The shape benchmarks' jobs: one compile per iteration (a compile takes from a tenth of a second to seconds, so
/// BenchmarkDotNet's pilot stage and its default iteration time add nothing but minutes), a fixed number of
/// iterations, in this process with a timeout long enough for 100,000 steps (the in-process toolchain's default
/// gives up on them, and the out-of-process one cannot build src/Cwf). On 2 cores, 10,000 steps take about a
/// minute for the six shapes and 100,000 steps a few minutes. Run them without <c>--job</c> or <c>--inProcess</c>,
/// which would replace these jobs.
/// </summary>
internal static class ShapeJobs
{
    internal sealed class TenThousand : ManualConfig
    {
        public TenThousand() => AddJob(Compiles(warmup: 3, measured: 9));
    }

    internal sealed class HundredThousand : ManualConfig
    {
        public HundredThousand() => AddJob(Compiles(warmup: 1, measured: 3));
    }

    private static Job Compiles(int warmup, int measured) => Job.Default
        .WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(warmup).WithIterationCount(measured)
        .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: true));
}
