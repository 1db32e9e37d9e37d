using Cwf.Cli.CommandLine;
using Cwf.Emit;
using static Cwf.Tests.Cli.CliRunner;

namespace Cwf.Tests.Cli;

/// <summary>
/// The command line on System.CommandLine: response files, the spellings of help and version, the
/// completions the [suggest] directive gives, and a command that exists only as a catalog entry.
/// </summary>
public class CommandLineTests
{
    private static string SchoolBuffers => Example("school_buffers.cwf");

    private static string ResponseFile(string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("cwf-rsp").FullName, "args.rsp");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_response_file_gives_the_arguments_with_comment_lines_and_quotes()
    {
        var rsp = ResponseFile($"# compile the example for DuckDB\ncompile \"{SchoolBuffers}\"\n--dialect duckdb\n");
        var fromFile = Run("@" + rsp);
        Assert.Equal(0, fromFile.ExitCode);
        Assert.Equal(Run("compile", SchoolBuffers, "--dialect", "duckdb").Output, fromFile.Output);
        Assert.Contains("for DuckDB", fromFile.Output);
    }

    [Fact]
    public void A_response_file_can_hold_part_of_the_arguments_and_later_ones_still_count()
    {
        var rsp = ResponseFile("--dialect snowflake\n--emit query\n");
        var r = Run("compile", SchoolBuffers, "@" + rsp, "--no-opt");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(Run("compile", SchoolBuffers, "--dialect", "snowflake", "--emit", "query", "--no-opt").Output, r.Output);
    }

    [Fact]
    public void A_missing_response_file_is_a_usage_error()
    {
        var r = Run("compile", SchoolBuffers, "@no-such-file.rsp");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Output);
        Assert.StartsWith("cwf: error: cannot read response file '@no-such-file.rsp': no such file", r.Error);
    }

    [Fact]
    public void Mistakes_inside_a_response_file_are_reported_as_on_the_command_line()
    {
        var r = Run("compile", SchoolBuffers, "@" + ResponseFile("--dialet postgres\n"));
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("cwf: error: unknown option '--dialet' for 'cwf compile'; did you mean --dialect?", r.Error);
    }

    [Theory]
    [InlineData("--dialect=postgres")]
    [InlineData("--dialect:postgres")]
    public void An_option_takes_its_value_after_equals_or_colon(string option)
    {
        var r = Run("compile", SchoolBuffers, option);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("PostgreSQL", r.Output);
    }

    [Fact]
    public void Arguments_after_a_double_dash_are_files_even_when_they_look_like_options()
    {
        var r = Run("check", "--", "--not-an-option.cwf");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("cwf: error: cannot read input file '--not-an-option.cwf': no such file", r.Error);
    }

    [Theory]
    [InlineData("help", "compile")]
    [InlineData("--help", "compile")]
    [InlineData("compile", "-h")]
    [InlineData("compile", "--help", "--dialect", "postgres")]
    public void Every_spelling_of_help_prints_the_command_s_help(params string[] args)
    {
        var r = Run(args);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(Help.ForCommand(CommandCatalog.Compile), r.Output);
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("-V")]
    public void The_version_is_printed(string option)
    {
        var r = Run(option);
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"^cwf \d+\.\d+\.\d+\n$", r.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void An_unknown_command_suggests_the_closest()
    {
        var r = Run("complie", SchoolBuffers);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("cwf: error: unknown command 'complie'; did you mean 'compile'?\nrun 'cwf --help' for the list of commands\n", r.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void An_allowed_value_is_taken_in_any_case_and_given_in_its_declared_spelling() =>
        Assert.Equal("procedure", ArgumentParser.Parse(CommandCatalog.Compile, ["x.cwf", "--emit", "PROCEDURE"]).Value("emit"));

    /// <summary>The completions of <c>cwf [suggest:N] "line"</c> with the cursor at the end of the line.</summary>
    private static string[] Complete(string line)
    {
        var r = Run($"[suggest:{line.Length}]", line);
        Assert.Equal(0, r.ExitCode);
        return r.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    [Fact]
    public void The_suggest_directive_completes_commands_options_and_values_from_the_catalog()
    {
        Assert.Equal(["compile", "completions"], Complete("cwf comp"));
        Assert.Equal(CommandCatalog.All.Select(c => c.Name).Order(StringComparer.Ordinal), Complete("cwf ").Where(c => !c.StartsWith('-')));
        Assert.Equal(["--dialect", "--disable-pass"], Complete("./cwf compile x.cwf --di"));
        Assert.Equal(["procedure", "query", "script"], Complete("cwf compile x.cwf --emit "));
        Assert.Equal(["swap"], Complete("cwf run x.cwf --replace-strategy sw"));
        Assert.Equal(Dialects.Names.Order(StringComparer.Ordinal), Complete("cwf explain x.cwf --dialect "));
    }

    [Fact]
    public void Values_given_as_any_text_have_no_completions_so_the_shell_completes_file_names() =>
        Assert.Empty(Complete("cwf compile x.cwf --catalog "));

    [Fact]
    public void A_command_added_to_the_catalog_is_parsed_without_further_code()
    {
        var serve = new CommandSpec("serve", "Serve a playground", ["dir"],
            [new OptionSpec("port", "port to listen on", "n"), new OptionSpec("open", "open a browser"), new OptionSpec("help", "show this help") { Alias = "h" }]);
        var tree = new CommandTree([serve]);
        string[] args = ["serve", "examples", "--port=0", "--open"];
        var parsed = ArgumentParser.Check(tree, serve, tree.Parse(args), args);
        Assert.Equal(["examples"], parsed.Positionals);
        Assert.Equal("0", parsed.Value("port"));
        Assert.True(parsed.Has("open"));

        string[] wrong = ["serve", "examples", "--prot", "0"];
        var e = Assert.Throws<UsageException>(() => ArgumentParser.Check(tree, serve, tree.Parse(wrong), wrong));
        Assert.Equal("unknown option '--prot' for 'cwf serve'; did you mean --port?", e.Message);
        Assert.Equal("usage: cwf serve <dir> [--port <n>] [--open]", e.Usage);
    }
}
