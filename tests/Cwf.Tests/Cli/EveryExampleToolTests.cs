using Cwf.Tests.Infrastructure;
using static Cwf.Tests.Cli.CliRunner;

namespace Cwf.Tests.Cli;

/// <summary>
/// `cwf explain` and `cwf graph` work on every example, .cwf program and canvas export alike
/// (issue 6): exit code 0, nothing on standard error but warnings, and output that names the
/// workflow's steps.
/// </summary>
public class EveryExampleToolTests
{
    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var program in Directory.GetFiles(RepoPaths.Combine(["examples"]), "*.cwf").Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(RepoPaths.Combine(["examples"]), program));
        foreach (var folder in Directory.GetDirectories(RepoPaths.Combine(["examples", "canvas"])).Order(StringComparer.Ordinal))
            foreach (var file in Directory.GetFiles(folder).Where(f => Path.GetFileName(f) is not ("catalog.json" or "README.md")).Order(StringComparer.Ordinal))
                data.Add(Path.GetRelativePath(RepoPaths.Combine(["examples"]), file));
        return data;
    }

    [Fact]
    public void Every_example_is_listed()
    {
        int count = Inputs().Count;
        Assert.True(count >= 6 + 13, $"{count} example inputs");
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Explain_works(string input)
    {
        var r = Run("explain", Example(input), "--dialect", "postgres");
        Assert.Contains("== optimizer", r.Output);
        Assert.Contains("== plan", r.Output);
        // The isolines example keeps two components cwf does not know as opaque steps: explain
        // still shows the optimizer and the plan, and says why no backend can emit them.
        if (input.Contains("fire_station_isolines", StringComparison.Ordinal))
        {
            Assert.Equal(1, r.ExitCode);
            Assert.Contains("error CWF6001", r.Error);
        }
        else
        {
            Assert.True(r.ExitCode == 0, r.Error);
            Assert.DoesNotContain("error CWF", r.Error);
        }
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Graph_works_in_every_format(string input)
    {
        foreach (var (format, marker) in new[] { ("dot", "digraph"), ("mermaid", "flowchart"), ("json", "\"nodes\"") })
        {
            var r = Run("graph", Example(input), "--format", format);
            Assert.True(r.ExitCode == 0, $"{format}: {r.Error}");
            Assert.Contains(marker, r.Output);
        }
    }
}
