using Cwf.Cli;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Cli;

/// <summary>Runs the `cwf` command in process and captures what it printed.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = new CliApp(output, error).Run(args);
        return new Result(code, output.ToString(), error.ToString());
    }

    public static string Example(params string[] parts) => RepoPaths.Combine(["examples", .. parts]);
}
