using Cwf.Cli;
using Cwf.Tests.Cli;

namespace Cwf.Tests.Playground;

/// <summary>`cwf serve`'s usage: the optional folder, and the mistakes refused before anything listens.</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public void Help_shows_the_folder_as_optional()
    {
        var help = CliRunner.Run("serve", "--help");
        Assert.Equal(ExitCodes.Success, help.ExitCode);
        Assert.Contains("usage: cwf serve [dir] [--port <n>] [--host <address>]", help.Output);
        Assert.Contains("serve", CliRunner.Run("--help").Output);
    }

    [Theory]
    [InlineData("no such folder 'no/such/folder'", "serve", "no/such/folder")]
    [InlineData("--port 'http' is not a port number", "serve", "examples", "--port", "http")]
    [InlineData("--port '70000' is not a port number", "serve", "examples", "--port", "70000")]
    [InlineData("--port '-1' is not a port number", "serve", "examples", "--port", "-1")]
    [InlineData("--host 'example.org' is not an IP address or 'localhost'", "serve", "examples", "--host", "example.org")]
    [InlineData("unexpected argument 'b'", "serve", "a", "b")]
    public void Mistakes_are_usage_errors(string message, params string[] args)
    {
        if (args.Length > 1 && args[1] == "examples") args[1] = CliRunner.Example();
        var result = CliRunner.Run(args);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Contains("usage: cwf serve [dir]", result.Error);
    }
}
