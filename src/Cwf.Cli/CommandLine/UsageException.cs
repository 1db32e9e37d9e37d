namespace Cwf.Cli.CommandLine;

/// <summary>A mistake in the command line itself (exit code 2), with the usage line to show.</summary>
public sealed class UsageException(string message, string? usage = null) : Exception(message)
{
    public string? Usage { get; } = usage;
}
