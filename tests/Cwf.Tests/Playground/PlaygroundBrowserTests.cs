using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Playground;

/// <summary>
/// Issue 19's proof: `./cwf serve examples` opened in Debian's Chromium (headless, puppeteer-core): a typed mistake shows its
/// diagnostic, the fix shows the graph (dead and shared steps marked) and the SQL of two dialects, a dropped canvas is imported, an example runs and shows rows
/// and a map. The screenshots land in artifacts/playground (the README shows 4-run.png, copied to spec/images/playground.png).
/// </summary>
[EngineTest(Engine.Cli)]
[EngineTest(Engine.Browser)]
public sealed class PlaygroundBrowserTests
{
    [Fact]
    public async Task The_page_checks_draws_compiles_imports_and_runs_in_a_real_browser()
    {
        var chromium = Environment.GetEnvironmentVariable("CWF_CHROMIUM") ?? "/usr/bin/chromium";
        Assert.True(File.Exists(chromium), $"no Chromium at {chromium}: scripts/test.sh installs Debian's package (or set CWF_CHROMIUM)");
        using var server = await ServeProcess.StartAsync("examples", TimeSpan.FromMinutes(15));

        var web = RepoPaths.Combine("src", "Cwf.Playground", "web");
        var shots = RepoPaths.Combine("artifacts", "playground");
        var result = await ProcessRunner.RunAsync(Engine.Browser, "node",
            [Path.Combine(web, "test", "browser-test.mjs"), server.Address + "/", shots,
             RepoPaths.Combine("examples", "canvas", "school_buffers", "canvas.json"), RepoPaths.Combine("examples", "canvas", "school_buffers", "catalog.json")],
            workingDirectory: web, timeout: TimeSpan.FromMinutes(5));

        var report = result.StandardOutput + result.StandardError;
        Assert.True(result.ExitCode == 0, report);
        foreach (var step in new[] { "ok diagnostic shown: ", "ok dead and shared steps marked: ", "ok graph with ", "ok canvas imported: ", "ok run: ", "ok no page errors" })
            Assert.Contains(step, result.StandardOutput);
        Assert.Contains("CWF", result.StandardOutput);
        foreach (var shot in new[] { "1-diagnostic.png", "2-graph-and-sql.png", "3-canvas-import.png", "4-run.png" })
            Assert.True(new FileInfo(Path.Combine(shots, shot)).Length > 10_000, shot);
    }
}
