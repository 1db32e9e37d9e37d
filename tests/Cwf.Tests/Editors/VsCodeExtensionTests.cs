using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cwf.Analysis;
using Cwf.Tests.Analysis;
using Cwf.Tests.Infrastructure;
using Cwf.Tests.Interpretation;

namespace Cwf.Tests.Editors;

/// <summary>
/// The VS Code extension under editors/vscode, through node: its TextMate grammar tests
/// (vscode-tmgrammar-test), its own node tests (activation against a stand-in vscode and cwf), the
/// .vsix that scripts/package-vscode.sh builds, and the highlighting screenshot. One class, so
/// that the builds into editors/vscode/dist never run at once.
/// </summary>
[EngineTest(Engine.Node)]
public partial class VsCodeExtensionTests
{
    private static readonly string Folder = RepoPaths.Combine("editors", "vscode");

    private static async Task<ProcessResult> Node(IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        await NodeReference.EnsureInstalledAsync(Folder);
        return await ProcessRunner.RunAsync(Engine.Node, "node", args, environment: environment, workingDirectory: Folder, timeout: TimeSpan.FromMinutes(10));
    }

    private static Task<ProcessResult> Node(params string[] args) => Node(null, args);

    private static void Succeeded(ProcessResult result, string what) =>
        Assert.True(result.ExitCode == 0, $"{what} failed ({result.ExitCode}):\n{result.StandardOutput}\n{result.StandardError}");

    [Fact]
    public async Task The_grammar_tests_pass()
    {
        var files = Directory.GetFiles(Path.Combine(Folder, "test"), "*.cwf").Select(Path.GetFileName).ToList();
        Assert.True(files.Count >= 2, "the grammar's test files are editors/vscode/test/*.cwf");
        var result = await Node("node_modules/vscode-tmgrammar-test/dist/unit.js", "test/*.cwf");
        Succeeded(result, "vscode-tmgrammar-test");
        foreach (var file in files) Assert.Contains($"✓ test/{file}", result.StandardOutput);
    }

    [Fact]
    public async Task A_wrong_scope_fails_the_grammar_tests()
    {
        var dir = Directory.CreateTempSubdirectory("cwf-tmgrammar-");
        try
        {
            var file = Path.Combine(dir.FullName, "wrong.cwf");
            File.WriteAllText(file, "// SYNTAX TEST \"source.cwf\"\nlet x = s | filter y\n//           ^^^^^^ comment.line.double-slash.cwf\n");
            var result = await Node("node_modules/vscode-tmgrammar-test/dist/unit.js", file);
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("keyword.control.step.cwf", result.StandardOutput);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_extension_activates_and_its_commands_run()
    {
        Succeeded(await Node("build.mjs"), "node build.mjs");
        var result = await Node("--test", "test/modules.test.mjs", "test/activate.test.mjs");
        Succeeded(result, "node --test");
        Assert.Contains("# fail 0", result.StandardOutput);
        Assert.Matches(@"# pass [1-9]\d*", result.StandardOutput);
    }

    [Fact]
    public async Task The_vsix_builds_holds_the_extension_and_activates_unpacked()
    {
        await NodeReference.EnsureInstalledAsync(Folder);
        var packaged = await ProcessRunner.RunAsync(Engine.Node, "bash", [RepoPaths.Combine("scripts", "package-vscode.sh")], timeout: TimeSpan.FromMinutes(10));
        Succeeded(packaged, "scripts/package-vscode.sh");
        var vsix = packaged.StandardOutput.Trim().Split('\n')[^1];
        using (var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "package.json"))))
            Assert.Equal(RepoPaths.Combine("artifacts", $"cwf-vscode-{package.RootElement.GetProperty("version").GetString()}.vsix"), vsix);

        var unpacked = Directory.CreateTempSubdirectory("cwf-vsix-");
        try
        {
            ZipFile.ExtractToDirectory(vsix, unpacked.FullName);
            var entries = Directory.GetFiles(unpacked.FullName, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(unpacked.FullName, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(
                [
                    "[Content_Types].xml", "extension.vsixmanifest",
                    "extension/dist/extension.js", "extension/dist/graph.js", "extension/dist/graph.js.LEGAL.txt",
                    "extension/language-configuration.json", "extension/package.json", "extension/readme.md", "extension/syntaxes/cwf.tmLanguage.json",
                ],
                entries);
            var extension = Path.Combine(unpacked.FullName, "extension");
            using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(extension, "package.json"))))
            {
                var contributes = manifest.RootElement.GetProperty("contributes");
                Assert.True(File.Exists(Path.Combine(extension, manifest.RootElement.GetProperty("main").GetString()!)));
                Assert.True(File.Exists(Path.Combine(extension, contributes.GetProperty("grammars")[0].GetProperty("path").GetString()!)));
                Assert.True(File.Exists(Path.Combine(extension, contributes.GetProperty("languages")[0].GetProperty("configuration").GetString()!)));
            }
            Assert.DoesNotMatch(@"https?://cdn", File.ReadAllText(Path.Combine(extension, "dist", "graph.js")));

            // The unpacked extension has no node_modules beside it: it activates only if the bundle is whole.
            var activated = await Node(new Dictionary<string, string?> { ["CWF_VSCODE_EXTENSION"] = extension }, "--test", "test/activate.test.mjs");
            Succeeded(activated, "the activation test against the unpacked .vsix");
            Assert.Contains("# fail 0", activated.StandardOutput);
        }
        finally
        {
            unpacked.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The README's picture: a workflow tokenized by the grammar, coloured by the Dark+ theme's scopes
    /// and screenshot by Chromium into artifacts/vscode (editors/vscode/images holds the committed copy).
    /// </summary>
    [Fact, EngineTest(Engine.Browser)]
    public async Task The_highlighting_screenshot_is_taken()
    {
        EngineGuard.Require(Engine.Browser);
        var png = RepoPaths.Combine("artifacts", "vscode", "cwf-highlighting.png");
        Directory.CreateDirectory(Path.GetDirectoryName(png)!);
        File.Delete(png);
        var result = await Node("test/screenshot.mjs", RepoPaths.Combine("examples", "store_trade_areas.cwf"), png);
        Succeeded(result, "test/screenshot.mjs");
        using var reported = JsonDocument.Parse(result.StandardOutput);

        var bytes = File.ReadAllBytes(png);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal(reported.RootElement.GetProperty("width").GetInt32(), BigEndian(bytes, 16));
        Assert.Equal(reported.RootElement.GetProperty("height").GetInt32(), BigEndian(bytes, 20));
        Assert.True(bytes.Length > 10_000, "a picture of text, not an empty page");

        var html = File.ReadAllText(reported.RootElement.GetProperty("html").GetString()!);
        var colours = Span().Matches(html).Select(m => (Colour: m.Groups[1].Value, Scope: m.Groups[2].Value)).ToList();
        Assert.Contains(("#C586C0", "keyword.control.step.cwf"), colours);
        Assert.Contains(("#6A9955", "comment.line.double-slash.cwf"), colours);
        Assert.Contains(("#CE9178", "string.quoted.double.cwf"), colours);
        Assert.Contains(("#B5CEA8", "constant.numeric.cwf"), colours);
        Assert.Contains(("#569CD6", "keyword.other.statement.cwf"), colours);
        Assert.Contains(("#DCDCAA", "support.function.cwf"), colours);
    }

    /// <summary>The "Show graph" page, with the bundled mermaid and nothing from the network, draws a graph of cwf's mermaid in Chromium.</summary>
    [Fact, EngineTest(Engine.Browser)]
    public async Task The_graph_webview_draws_cwf_graph_with_the_bundled_mermaid()
    {
        EngineGuard.Require(Engine.Browser);
        Succeeded(await Node("build.mjs"), "node build.mjs");
        var dir = Directory.CreateTempSubdirectory("cwf-graph-page-");
        try
        {
            var mermaid = Path.Combine(dir.FullName, "sample.mmd");
            File.WriteAllText(mermaid, GraphRenderer.Render(WorkflowAnalyzerTests.Sample(out _, out _, out _), GraphFormat.Mermaid));
            var result = await Node("test/render-graph.mjs", mermaid, Path.Combine(dir.FullName, "graph.html"));
            Succeeded(result, "test/render-graph.mjs");
            using var reported = JsonDocument.Parse(result.StandardOutput);
            var dom = File.ReadAllText(reported.RootElement.GetProperty("dom").GetString()!);
            Assert.Contains("<div id=\"error\"></div>", dom);
            Assert.Matches("<div id=\"graph\"><svg id=\"cwf-graph-1\"[^>]*class=\"flowchart\"", dom);
            Assert.Contains("big [shared: read 3 times]", dom);
            Assert.Contains("sink %2 -&gt; a (replace)", dom);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static int BigEndian(byte[] bytes, int offset) => bytes[offset] << 24 | bytes[offset + 1] << 16 | bytes[offset + 2] << 8 | bytes[offset + 3];

    [GeneratedRegex("<span style=\"color:(#[0-9A-F]{6})\" data-scope=\"([^\"]+)\">")]
    private static partial Regex Span();
}
