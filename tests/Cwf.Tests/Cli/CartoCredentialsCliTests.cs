using Cwf.Tests.Infrastructure;
using static Cwf.Tests.Cli.CliRunner;

namespace Cwf.Tests.Cli;

/// <summary>
/// <c>--carto-api-url</c> and <c>--carto-token</c> on compile and check, and their fallback to <c>CARTO_API_BASE_URL</c> /
/// <c>CARTO_API_ACCESS_TOKEN</c> (spec/canvas.md, "Import from URL"): the credentials reach IMPORT_URL's call as string
/// literals, a half-given pair is CWF2879 without the token in the message, and neither given is NULL (the toolbox's SETUP).
/// </summary>
public sealed class CartoCredentialsCliTests : IDisposable
{
    private const string Url = "https://gcp-us-east1.api.carto.com";
    private const string Token = "eyJhbGciOi.secret-part";

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("cwf-carto-");

    private string Program
    {
        get
        {
            var path = Path.Combine(_dir.FullName, "floods.cwf");
            File.WriteAllText(path, """
                source floods = import "https://example.com/data/floods.csv" returns { id: string, severity: int64 }
                output floods | filter severity > 2 -> table "analytics.flood.severe"
                """);
            return path;
        }
    }

    public void Dispose() => _dir.Delete(recursive: true);

    [Theory]
    [InlineData("compile")]
    [InlineData("check")]
    public void Both_commands_that_compile_take_the_options(string command)
    {
        var help = Run(command, "--help").Output;
        Assert.Matches(@"--carto-api-url <url>", help);
        Assert.Matches(@"--carto-token <token>\s+the CARTO API access token for IMPORT_URL", help);
        Assert.Matches(@"--carto-connection <name>\s+the name of the CARTO connection IMPORT_URL imports through", help);
    }

    [Fact]
    public void The_connection_option_names_the_CARTO_connection_in_the_call()
    {
        var result = Run("compile", Program, "--dialect", "redshift", "--carto-connection", "team_redshift");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("IMPORT_URL(\n  'https://example.com/data/floods.csv',\n  'team_redshift',\n", result.Output);
    }

    [Fact]
    public void The_options_reach_the_call_as_string_literals()
    {
        var result = Run("compile", Program, "--dialect", "snowflake", "--carto-api-url", Url, "--carto-token", Token);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains($"  '{Url}',\n  '{Token}'\n);", result.Output);
    }

    [Fact]
    public void A_url_without_a_token_is_CWF2879_and_the_command_fails()
    {
        var result = Run("check", Program, "--dialect", "redshift", "--carto-api-url", Url, "--carto-token", "");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("CWF2879", result.Output + result.Error);
    }

    [Fact]
    public void Check_with_a_dialect_judges_the_script_compile_emits_so_the_procedure_step_is_no_error()
    {
        var result = Run("check", Program, "--dialect", "snowflake");
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.DoesNotContain("CWF6003", result.Output);
    }

    [Fact]
    public void A_token_given_with_a_blank_never_appears_in_the_diagnostic()
    {
        const string Blank = "eyJ secret";
        var result = Run("compile", Program, "--dialect", "snowflake", "--carto-api-url", Url, "--carto-token", Blank);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("CWF2879", result.Error);
        Assert.DoesNotContain("secret", result.Output + result.Error);
    }

    // The environment is the process's: a child process keeps it from leaking into the tests that run alongside.
    [Fact]
    [EngineTest(Engine.Cli)]
    public async Task Without_options_the_environment_gives_the_credentials_and_without_both_the_call_passes_null()
    {
        var script = RepoPaths.Combine("cwf");
        var fromEnvironment = await ProcessRunner.RunAsync(Engine.Cli, script, ["compile", Program, "--dialect", "snowflake"],
            environment: new Dictionary<string, string?> { ["CARTO_API_BASE_URL"] = Url, ["CARTO_API_ACCESS_TOKEN"] = Token },
            timeout: TimeSpan.FromMinutes(8));
        Assert.True(fromEnvironment.ExitCode == 0, fromEnvironment.StandardError);
        Assert.Contains($"  '{Url}',\n  '{Token}'\n);", fromEnvironment.StandardOutput);

        var optionWins = await ProcessRunner.RunAsync(Engine.Cli, script,
            ["compile", Program, "--dialect", "snowflake", "--carto-token", "eyJ.other"],
            environment: new Dictionary<string, string?> { ["CARTO_API_BASE_URL"] = Url, ["CARTO_API_ACCESS_TOKEN"] = Token });
        Assert.True(optionWins.ExitCode == 0, optionWins.StandardError);
        Assert.Contains($"  '{Url}',\n  'eyJ.other'\n);", optionWins.StandardOutput);

        var neither = await ProcessRunner.RunAsync(Engine.Cli, script, ["compile", Program, "--dialect", "snowflake"],
            environment: new Dictionary<string, string?> { ["CARTO_API_BASE_URL"] = null, ["CARTO_API_ACCESS_TOKEN"] = null });
        Assert.True(neither.ExitCode == 0, neither.StandardError);
        Assert.Contains("  NULL,\n  NULL\n);", neither.StandardOutput);
    }
}
