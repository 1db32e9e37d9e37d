using Cwf.Cli.CommandLine;

namespace Cwf.Tests.Cli;

public class ArgumentParserTests
{
    [Fact]
    public void Parses_positionals_options_aliases_and_inline_values()
    {
        var parsed = ArgumentParser.Parse(CommandCatalog.Compile, ["x.cwf", "--dialect", "POSTGRES", "-o", "out.sql", "--disable-pass=a", "--disable-pass", "b"]);
        Assert.Equal(["x.cwf"], parsed.Positionals);
        Assert.Equal("POSTGRES", parsed.Value("dialect"));
        Assert.Equal("out.sql", parsed.Value("output"));
        Assert.Equal(["a", "b"], parsed.Values("disable-pass"));
        Assert.False(parsed.Has("no-opt"));
    }

    [Fact]
    public void Unknown_option_suggests_the_closest()
    {
        var e = Assert.Throws<UsageException>(() => ArgumentParser.Parse(CommandCatalog.Compile, ["x.cwf", "--dialet", "postgres"]));
        Assert.Contains("did you mean --dialect?", e.Message);
        Assert.StartsWith("usage: cwf compile <file>", e.Usage);
    }

    [Fact]
    public void Invalid_value_lists_the_valid_ones()
    {
        var e = Assert.Throws<UsageException>(() => ArgumentParser.Parse(CommandCatalog.Compile, ["x.cwf", "--emit", "table"]));
        Assert.Contains("valid values: script, procedure, query", e.Message);
    }

    [Theory]
    [InlineData(new string[0], "missing argument <file>")]
    [InlineData(new[] { "a.cwf", "b.cwf" }, "unexpected argument 'b.cwf'")]
    [InlineData(new[] { "a.cwf", "--dialect" }, "option --dialect needs a value <name>")]
    [InlineData(new[] { "a.cwf", "--no-opt", "--no-opt" }, "option --no-opt is given twice")]
    [InlineData(new[] { "a.cwf", "--no-opt=yes" }, "option --no-opt takes no value")]
    public void Usage_mistakes_are_reported(string[] args, string message) =>
        Assert.Equal(message, Assert.Throws<UsageException>(() => ArgumentParser.Parse(CommandCatalog.Compile, args)).Message);

    [Fact]
    public void Help_is_accepted_without_the_required_arguments()
    {
        var parsed = ArgumentParser.Parse(CommandCatalog.Compile, ["--help"]);
        Assert.True(parsed.Has("help"));
        Assert.Contains("--dialect <name>", Help.ForCommand(CommandCatalog.Compile));
    }

    [Fact]
    public void Negative_numbers_are_positionals_not_options() =>
        Assert.Equal(["-5"], ArgumentParser.Parse(CommandCatalog.Check, ["-5"]).Positionals);
}
