using Cwf.Cli;
using Cwf.Cli.CommandLine;
using Cwf.Cli.Progress;
using Cwf.Interpretation;
using Cwf.Tests.Infrastructure;
using static Cwf.Tests.Cli.CliRunner;

namespace Cwf.Tests.Cli;

/// <summary>
/// <c>cwf run</c>'s progress: a plain line per step when standard error is not a terminal (each
/// with its rows and milliseconds), nothing with --quiet, a live display on a terminal.
/// </summary>
public class RunProgressCliTests
{
    private static readonly string[] Steps = ["scan 'schools'", "filter 'large'", "project 'zones'", "sink 'output_large_school_zones'"];

    private static string Data() => Path.GetDirectoryName(Example("data", "school_buffers", "src.schools.csv"))!;

    private static string Out() => Directory.CreateTempSubdirectory("cwf-progress").FullName;

    /// <summary>The progress lines of a run of school_buffers.cwf over its example data, in order.</summary>
    internal static void AssertPlainProgress(string error)
    {
        var lines = error.ReplaceLineEndings("\n").Split('\n').Where(l => l.StartsWith('[')).ToList();
        Assert.Equal(Steps.Length, lines.Count);
        int[] rows = [10, 6, 6, 6];
        for (int i = 0; i < Steps.Length; i++)
            Assert.Matches($@"^\[{i + 1}/4\] {System.Text.RegularExpressions.Regex.Escape(Steps[i])}: {rows[i]} rows, [\d,]+ ms$", lines[i]);
    }

    [Fact]
    public void A_run_writes_a_line_per_step_with_rows_and_time_before_the_summary()
    {
        var r = Run("run", Example("school_buffers.cwf"), "--data", Data(), "--out", Out());
        Assert.Equal(0, r.ExitCode);
        AssertPlainProgress(r.Error);
        Assert.True(r.Error.IndexOf("[4/4]", StringComparison.Ordinal) < r.Error.IndexOf("wrote out.large_school_zones: 6 rows", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--quiet")]
    [InlineData("-q")]
    public void Quiet_leaves_out_the_steps_but_not_the_summary(string option)
    {
        var r = Run("run", Example("school_buffers.cwf"), "--data", Data(), "--out", Out(), option);
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("[1/4]", r.Error);
        Assert.Contains("wrote out.large_school_zones: 6 rows", r.Error);
    }

    [Fact]
    public void A_failing_step_is_reported_failed_before_its_diagnostic()
    {
        var dir = Directory.CreateTempSubdirectory("cwf-progress").FullName;
        var program = Path.Combine(dir, "divide.cwf");
        File.WriteAllText(program, """
            source s = table "src.numbers" { n: int64 }
            let q = s | derive ratio = 10 / n
            output q -> table "out.ratios"
            """);
        File.WriteAllText(Path.Combine(dir, "src.numbers.csv"), "n\n0\n");
        var r = Run("run", program, "--data", dir);
        Assert.Equal(1, r.ExitCode);
        Assert.Matches(@"\[2/3\] project 'q': failed after [\d,]+ ms\n", r.Error.ReplaceLineEndings("\n"));
        Assert.True(r.Error.IndexOf("failed after", StringComparison.Ordinal) < r.Error.IndexOf("error CWF", StringComparison.Ordinal), r.Error);
    }

    [Fact]
    public void On_a_terminal_the_live_display_draws_a_bar_and_writes_the_same_lines_above_it()
    {
        var error = new StringWriter();
        var context = new CliContext(ArgumentParser.Parse(CommandCatalog.Run, ["x.cwf", "--data", "."]), new StringWriter(), error) { ErrorIsTerminal = true };
        var result = RunDisplay.Show(context, progress =>
        {
            var scan = new RunStep(1, 2, "scan 'schools'");
            progress.StepStarted(scan);
            progress.StepFinished(scan, 10, TimeSpan.FromMilliseconds(12));
            var filter = new RunStep(2, 2, "filter '[large]'");
            progress.StepStarted(filter);
            progress.StepFailed(filter, TimeSpan.FromMilliseconds(3));
            return 42;
        });
        Assert.Equal(42, result);
        var text = error.ToString();
        Assert.Contains("\u001b[", text);  // drawn with ANSI sequences
        Assert.Contains("[1/2] scan 'schools': 10 rows, 12 ms", text);
        Assert.Contains("[2/2] filter '[large]': failed after 3 ms", text);  // brackets of the name are text, not markup
    }
}

/// <summary>The plain progress lines from the built <c>./cwf</c>, whose standard error is a pipe here.</summary>
[EngineTest(Engine.Cli)]
public class RunProgressProcessTests
{
    [Fact]
    public async Task The_built_command_line_writes_plain_progress_lines_into_a_pipe()
    {
        var data = Path.GetDirectoryName(Example("data", "school_buffers", "src.schools.csv"))!;
        var r = await ProcessRunner.RunAsync(Engine.Cli, RepoPaths.Combine("cwf"),
            ["run", Example("school_buffers.cwf"), "--data", data, "--out", Directory.CreateTempSubdirectory("cwf-progress").FullName],
            timeout: TimeSpan.FromMinutes(8));
        Assert.True(r.ExitCode == 0, r.StandardError);
        RunProgressCliTests.AssertPlainProgress(r.StandardError);
        Assert.False(r.StandardError.Contains('✓'), $"the live display's marks in a pipe:\n{r.StandardError}");
    }
}
