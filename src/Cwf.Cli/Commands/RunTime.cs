using System.Globalization;
using Cwf.Cli.CommandLine;

namespace Cwf.Cli.Commands;

/// <summary><c>--now</c>: the time of the run that current_date and current_timestamp read (UTC unless the value has an offset).</summary>
internal static class RunTime
{
    private static readonly string[] Formats =
        ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFK", "yyyy-MM-dd HH:mm:ss.FFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mmK"];

    /// <summary>The --now value as a UTC instant; null when the option is absent (a value that is not a time is a usage error).</summary>
    public static DateTime? Option(CliContext cx)
    {
        if (cx.Command.Value("now") is not { } text) return null;
        if (DateTimeOffset.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            return DateTime.SpecifyKind(value.UtcDateTime, DateTimeKind.Unspecified);
        throw new UsageException($"--now expects a date or a time such as 2026-01-31T12:00:00Z, found '{text}'", Help.UsageLine(cx.Command.Spec));
    }
}
