namespace Cwf.Cli.CommandLine;

/// <summary>A mistake in the command line itself (exit code 2), with the usage line to show and, where it has one, its diagnostic code.</summary>
public sealed class UsageException(string message, string? usage = null, string? code = null) : Exception(message)
{
    public string? Usage { get; } = usage;

    /// <summary>The diagnostic code of the mistake (an unknown dialect is <c>CWF6000</c>), printed after "error".</summary>
    public string? Code { get; } = code;
}
