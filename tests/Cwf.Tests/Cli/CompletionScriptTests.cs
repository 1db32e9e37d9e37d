using Cwf.Cli.CommandLine;
using Cwf.Tests.Infrastructure;
using static Cwf.Tests.Cli.CliRunner;

namespace Cwf.Tests.Cli;

/// <summary><c>cwf completions bash|zsh|pwsh</c>: each script as printed, what it asks cwf, and a shell that is not one of them.</summary>
public class CompletionScriptTests
{
    [Theory]
    [InlineData("bash", "complete -o default -o bashdefault -F _cwf_complete cwf")]
    [InlineData("zsh", "compdef _cwf cwf")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName cwf, ./cwf -ScriptBlock {")]
    [InlineData("BASH", "complete -o default -o bashdefault -F _cwf_complete cwf")]
    public void Each_shell_gets_a_script_that_registers_itself_and_asks_cwf_for_the_words(string shell, string registration)
    {
        var r = Run("completions", shell);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Error);
        Assert.Equal(CompletionScripts.For(shell), r.Output);
        Assert.Contains(registration, r.Output);
        Assert.Contains("[suggest:", r.Output);
    }

    [Fact]
    public void The_powershell_script_is_balanced_and_takes_the_completer_s_parameters()
    {
        var script = Run("completions", "pwsh").Output;
        Assert.Equal(script.Count(c => c == '{'), script.Count(c => c == '}'));
        Assert.Equal(script.Count(c => c == '('), script.Count(c => c == ')'));
        Assert.Equal(0, script.Count(c => c == '"') % 2);
        Assert.Contains("param($wordToComplete, $commandAst, $cursorPosition)", script);
        Assert.Contains("[System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)", script);
    }

    [Fact]
    public void Another_shell_is_a_usage_error_that_names_the_ones_there_are()
    {
        var close = Run("completions", "bsh");
        Assert.Equal(2, close.ExitCode);
        Assert.StartsWith("cwf: error: no completion script for the shell 'bsh'; did you mean 'bash'?", close.Error);
        var far = Run("completions", "fish");
        Assert.Equal(2, far.ExitCode);
        Assert.StartsWith("cwf: error: no completion script for the shell 'fish'; available shells: 'bash', 'zsh', 'pwsh'", far.Error);
        Assert.Equal(2, Run("completions").ExitCode);
    }
}

/// <summary>The scripts in their shells: bash and zsh parse them, and bash and PowerShell complete with the real <c>./cwf</c>.</summary>
[EngineTest(Engine.Shell)]
public class CompletionScriptShellTests
{
    private static string Save(string shell)
    {
        // PowerShell dot-sources only a .ps1 file; another extension it opens with the desktop's default program.
        var path = Path.Combine(Directory.CreateTempSubdirectory("cwf-completion").FullName, "cwf." + (shell == "pwsh" ? "ps1" : shell));
        File.WriteAllText(path, CompletionScripts.For(shell));
        return path;
    }

    [Theory]
    [InlineData("bash")]
    [InlineData("zsh")]
    public async Task The_script_parses_in_its_shell(string shell)
    {
        var r = await ProcessRunner.RunAsync(Engine.Shell, shell, ["-n", Save(shell)]);
        Assert.True(r.ExitCode == 0, r.StandardError);
        Assert.Equal("", r.StandardError);
    }

    [Fact]
    public async Task Zsh_loads_the_script_and_registers_the_function_with_compinit()
    {
        var script = Save("zsh");
        var r = await ProcessRunner.RunAsync(Engine.Shell, "zsh",
            ["-f", "-c", $"autoload -Uz compinit && compinit -u -D && source '{script}' && print -r -- ${{_comps[cwf]}}"]);
        Assert.True(r.ExitCode == 0, r.StandardError);
        Assert.Equal("_cwf", r.StandardOutput.Trim());
    }

    /// <summary>Runs the bash function as bash would on TAB, with the cursor at the end of <paramref name="line"/>; the words it offers.</summary>
    private static async Task<string[]> CompleteInBash(string script, string line)
    {
        var words = line.Split(' ');
        var program = $$"""
            source '{{script}}'
            COMP_LINE='{{line}}'
            COMP_POINT=${#COMP_LINE}
            COMP_WORDS=({{string.Join(" ", words.Select(w => $"'{w}'"))}})
            COMP_CWORD={{words.Length - 1}}
            _cwf_complete
            printf '%s\n' "${COMPREPLY[@]}"
            """;
        var r = await ProcessRunner.RunAsync(Engine.Shell, "bash", ["-c", program], timeout: TimeSpan.FromMinutes(8));
        Assert.True(r.ExitCode == 0, r.StandardError);
        return r.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    [EngineTest(Engine.Cli)]
    public async Task Bash_completes_commands_options_and_values_by_asking_the_built_cwf()
    {
        var script = Save("bash");
        Assert.Equal(["compile", "completions"], await CompleteInBash(script, "./cwf comp"));
        Assert.Equal(["procedure", "query", "script"], await CompleteInBash(script, "./cwf compile examples/school_buffers.cwf --emit "));
        Assert.Equal(["--replace-strategy"], await CompleteInBash(script, "./cwf run x.cwf --repl"));
        Assert.Empty(await CompleteInBash(script, "./cwf compile examples/school_buffers.cwf --catalog "));
    }

    /// <summary>PowerShell: the dotnet tool scripts/test.sh installs in artifacts/tools/pwsh, else CWF_PWSH, else pwsh on PATH.</summary>
    private static string Pwsh()
    {
        var installed = Path.Combine(RepoPaths.Root, "artifacts", "tools", "pwsh", "pwsh");
        return Environment.GetEnvironmentVariable("CWF_PWSH") is { Length: > 0 } path ? path : File.Exists(installed) ? installed : "pwsh";
    }

    /// <summary>Loads the script into pwsh and asks TabExpansion2, as TAB does, with the cursor at the end of <paramref name="line"/>.</summary>
    private static async Task<string[]> CompleteInPwsh(string script, string line)
    {
        var program = $$"""
            . '{{script}}'
            $line = '{{line}}'
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object { $_.CompletionText }
            """;
        var r = await ProcessRunner.RunAsync(Engine.Shell, Pwsh(), ["-NoProfile", "-NonInteractive", "-Command", program],
            environment: new Dictionary<string, string?> { ["POWERSHELL_TELEMETRY_OPTOUT"] = "1", ["POWERSHELL_UPDATECHECK"] = "Off" },
            timeout: TimeSpan.FromMinutes(8));
        Assert.True(r.ExitCode == 0, r.StandardError);
        Assert.Equal("", r.StandardError);
        return r.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    [Fact]
    [EngineTest(Engine.Cli)]
    public async Task Pwsh_loads_the_script_and_TabExpansion2_completes_with_the_built_cwf()
    {
        var script = Save("pwsh");
        Assert.Equal(["compile", "completions"], await CompleteInPwsh(script, "./cwf comp"));
        // The command's text ends before the cursor's space: the script pads the line to the cursor.
        Assert.Equal(["procedure", "query", "script"], await CompleteInPwsh(script, "./cwf compile examples/school_buffers.cwf --emit "));
        Assert.Equal(["--replace-strategy"], await CompleteInPwsh(script, "./cwf run x.cwf --repl"));
    }
}
