using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Cli;

/// <summary>
/// The <c>./cwf</c> script never runs a stale build: a changed, added, deleted or renamed source
/// (or grammar or build file) makes it build again, and nothing else does. It runs here on a copy
/// in a scratch tree whose <c>dotnet</c> is a stand-in that records each build and "publishes" a
/// tiny executable, so a case takes a fraction of a second instead of a real build.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]  // the script is bash
public sealed class CwfScriptStalenessTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cwf-script").FullName;
    private readonly string _log;
    private readonly string _fakeBin;

    public CwfScriptStalenessTests()
    {
        File.Copy(RepoPaths.Combine("cwf"), Path.Combine(_root, "cwf"));
        File.SetUnixFileMode(Path.Combine(_root, "cwf"), (UnixFileMode)0b111_101_101);
        Write("src/Cwf/Compiler.cs", "class A {}");
        Write("src/Cwf/Ir/Node.cs", "class B {}");
        Write("src/Cwf.Cli/Program.cs", "class C {}");
        Write("grammar/Cwf.g4", "grammar Cwf;");
        Write("Directory.Build.props", "<Project />");
        _fakeBin = Path.Combine(_root, "fake-bin");
        _log = Path.Combine(_root, "builds.log");
        // Records the build and writes, into the -o folder, an executable that says which build it is.
        Write("fake-bin/dotnet", """
            #!/bin/sh
            log="$(dirname "$0")/../builds.log"
            echo "$*" >>"$log"
            out=""; prev=""
            for a in "$@"; do [ "$prev" = "-o" ] && out=$a; prev=$a; done
            mkdir -p "$out"
            printf '#!/bin/sh\necho "build %s: $*"\n' "$(wc -l <"$log")" >"$out/Cwf.Cli"
            chmod +x "$out/Cwf.Cli"
            """.Replace("\r", ""));
        File.SetUnixFileMode(Path.Combine(_fakeBin, "dotnet"), (UnixFileMode)0b111_101_101);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    [EngineTest(Engine.Cli)]
    public async Task Every_change_to_the_sources_rebuilds_and_nothing_else_does()
    {
        Assert.Equal("build 1: --version", await Run("--version"));  // first use builds
        Assert.Equal("build 1: x", await Run("x"));  // its own bin and obj folders do not make it stale

        await AssertRebuilds(() => Write("src/Cwf/Compiler.cs", "class A { int x; }"), "an edited file");
        await AssertRebuilds(() => File.SetLastWriteTimeUtc(Write("src/Cwf/Ir/Old.cs", "class D {}"), DateTime.UtcNow.AddDays(-30)),
            "an added file, even one with an old time (copied or unpacked)");
        await AssertRebuilds(() => File.Delete(Path.Combine(_root, "src/Cwf/Ir/Old.cs")), "a deleted file");
        await AssertRebuilds(() => File.Move(Path.Combine(_root, "src/Cwf/Ir/Node.cs"), Path.Combine(_root, "src/Cwf/Ir/Renamed.cs")), "a renamed file");
        await AssertRebuilds(() => Write("src/Cwf/NewFolder/E.cs", "class E {}"), "a file in a new folder");
        await AssertRebuilds(() => Write("grammar/Cwf.g4", "grammar Cwf; x: 'x';"), "the grammar");
        await AssertRebuilds(() => Write("Directory.Build.props", "<Project></Project>"), "a build file");

        int builds = Builds();
        Write("src/Cwf/obj/Generated.cs", "class G {}");
        Write("src/Cwf.Cli/bin/Release/Cwf.Cli.dll", "x");
        Write("tests/Other.cs", "class T {}");
        await Run("x");
        Assert.Equal(builds, Builds());
    }

    [Fact]
    [EngineTest(Engine.Cli)]
    public async Task A_failed_build_is_reported_with_exit_code_3_and_retried_next_time()
    {
        Write("fake-bin/dotnet", "#!/bin/sh\necho \"$*\" >>\"$(dirname \"$0\")/../builds.log\"\necho 'error CS1002: ; expected' >&2\nexit 1\n");
        var failed = await RunProcess("x");
        Assert.Equal(3, failed.ExitCode);
        Assert.Equal("", failed.StandardOutput);
        Assert.Contains("error CS1002", failed.StandardError);
        Assert.Contains("cwf: building src/Cwf.Cli failed", failed.StandardError);
        Assert.Equal(3, Builds());  // Native AOT, then ReadyToRun, then the plain build were tried
        Assert.Equal(3, (await RunProcess("x")).ExitCode);
        Assert.Equal(6, Builds());
    }

    private async Task AssertRebuilds(Action change, string what)
    {
        int before = Builds();
        change();
        Assert.True(await Run("y") == $"build {before + 1}: y", $"{what} did not trigger a build");
        Assert.True(await Run("z") == $"build {before + 1}: z", $"the build after {what} is not taken as current");
    }

    private int Builds() => File.Exists(_log) ? File.ReadAllLines(_log).Length : 0;

    private async Task<string> Run(params string[] args)
    {
        var result = await RunProcess(args);
        Assert.True(result.ExitCode == 0, result.StandardError);
        return result.StandardOutput.TrimEnd('\n');
    }

    private Task<ProcessResult> RunProcess(params string[] args) =>
        ProcessRunner.RunAsync(Engine.Cli, Path.Combine(_root, "cwf"), args,
            environment: new Dictionary<string, string?> { ["PATH"] = $"{_fakeBin}:{Environment.GetEnvironmentVariable("PATH")}" },
            workingDirectory: _root, timeout: TimeSpan.FromMinutes(2));

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
