using Cwf.Cli;
using Cwf.Cli.CommandLine;
using Cwf.Diagnostics;
using static Cwf.Tests.Cli.CliRunner;

namespace Cwf.Tests.Cli;

/// <summary>An internal compiler error exits 3, so that scripts tell a bug in cwf (3) from a mistake in the input (1) and bad usage (2).</summary>
public class InternalErrorExitTests
{
    // A writer that fails like a bug would: not an I/O error the command expects.
    private sealed class FailingWriter : StringWriter
    {
        public override void Write(string? value) => throw new InvalidOperationException("writer bug");
    }

    [Fact]
    public void An_exception_escaping_a_command_exits_3_and_says_it_is_a_bug()
    {
        var error = new StringWriter();
        int code = new CliApp(new FailingWriter(), error).Run(["compile", Example("school_buffers.cwf"), "--dialect", "postgres"]);
        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Equal(3, code);
        Assert.Contains("error CWF9001: internal compiler error (InvalidOperationException: writer bug)", error.ToString());
        Assert.Contains("this is a bug in cwf, not in your workflow", error.ToString());
    }

    [Fact]
    public void A_reported_internal_error_makes_the_command_exit_3()
    {
        var context = new CliContext(ArgumentParser.Parse(CommandCatalog.Check, ["x.cwf"]), new StringWriter(), new StringWriter());
        context.Report([Diagnostic.Create(DiagnosticCodes.UnusedResult, Location.None, "unused")]);
        Assert.False(context.ReportedInternalError);
        context.Report([Diagnostic.Create(DiagnosticCodes.InternalError, Location.None, "internal error while parsing")]);
        Assert.True(context.ReportedInternalError);
    }

    [Fact]
    public void Input_errors_still_exit_1_and_usage_errors_2()
    {
        Assert.Equal(ExitCodes.InputErrors, Run("check", Example("canvas", "school_buffers", "catalog.json")).ExitCode);
        Assert.Equal(ExitCodes.Usage, Run("compile", Example("school_buffers.cwf")).ExitCode);
    }

    [Fact]
    public void The_help_names_every_exit_code() =>
        Assert.Contains("3 internal compiler error", Run("--help").Error + Run("--help").Output);
}
