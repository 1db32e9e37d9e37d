using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Editors;

// Part of the extension's test class, so that its builds into editors/vscode/dist never run at once with the others.
public partial class VsCodeExtensionTests
{
    /// <summary>
    /// The extension's language client (vscode-languageclient under the stand-in vscode module) against the
    /// real <c>./cwf lsp</c>: the handshake, a diagnostic for a misspelled column and a hover
    /// (editors/vscode/test/real-server.test.mjs; CWF_VSCODE_CWF names the command line it starts).
    /// </summary>
    [Fact, EngineTest(Engine.Cli)]
    public async Task The_extension_language_client_gets_diagnostics_and_a_hover_from_the_real_cwf_lsp()
    {
        var cwf = RepoPaths.Combine("cwf");
        // The first run of ./cwf may build it (Native AOT): minutes, which node's waits should not include.
        var built = await ProcessRunner.RunAsync(Engine.Cli, cwf, ["--help"], timeout: TimeSpan.FromMinutes(15));
        Assert.True(built.ExitCode == 0, $"./cwf --help failed ({built.ExitCode}):\n{built.StandardError}");
        Succeeded(await Node("build.mjs"), "node build.mjs");
        var result = await Node(new Dictionary<string, string?> { ["CWF_VSCODE_CWF"] = cwf }, "--test", "test/real-server.test.mjs");
        Succeeded(result, "node --test test/real-server.test.mjs");
        Assert.Contains("# pass 3", result.StandardOutput);
        Assert.Contains("# fail 0", result.StandardOutput);
    }
}
