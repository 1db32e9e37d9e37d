using System.Runtime.CompilerServices;
using System.Text;
using Cwf.Tests.Infrastructure;
using Xunit.Sdk;

namespace Cwf.Tests.Snapshots;

/// <summary>
/// Snapshot testing in the manner of Verify (whose package is not served here). The text is
/// compared with <c>snapshots/&lt;name&gt;.verified.&lt;ext&gt;</c> beside the calling test's source
/// file. On a difference, or when no verified file exists, the text is written to
/// <c>&lt;name&gt;.received.&lt;ext&gt;</c> (git-ignored) and the test fails with a diff; review it and
/// rename the file, or run with <c>CWF_ACCEPT_SNAPSHOTS=1</c> to accept every difference (the
/// verified files are written and the tests pass). Line endings are normalized to \n and the text
/// is compared with exactly one trailing newline.
/// </summary>
public static class Snapshot
{
    public static void Match(string actual, string name, string extension = "txt", [CallerFilePath] string callerFilePath = "") =>
        Match(actual, name, extension, callerFilePath, TestSettings.AcceptSnapshots);

    internal static void Match(string actual, string name, string extension, string callerFilePath, bool accept)
    {
        var (verified, received) = Paths(name, extension, callerFilePath);
        var text = Normalize(actual);
        var expected = File.Exists(verified) ? Normalize(File.ReadAllText(verified)) : null;

        if (expected == text)
        {
            File.Delete(received);
            return;
        }
        if (accept)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(verified)!);
            File.WriteAllText(verified, text, new UTF8Encoding(false));
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(received)!);
        File.WriteAllText(received, text, new UTF8Encoding(false));
        var relative = Path.GetRelativePath(RepoPaths.Root, verified);
        throw new XunitException(expected is null
            ? $"No verified snapshot {relative}. The output was written to {Path.GetFileName(received)}: review it and rename it to {Path.GetFileName(verified)}, or run with {TestSettings.AcceptSnapshotsVariable}=1.\n{Excerpt(text)}"
            : $"Snapshot {relative} differs (received file written beside it; {TestSettings.AcceptSnapshotsVariable}=1 accepts):\n{TextDiff.Unified(expected, text)}");
    }

    /// <summary>The verified and received file paths for a snapshot of the test file at <paramref name="callerFilePath"/>.</summary>
    public static (string Verified, string Received) Paths(string name, string extension, string callerFilePath)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(name) || name.IndexOfAny(['\\', ':']) >= 0)
            throw new ArgumentException($"Snapshot name '{name}' must be a relative name without '..' (use '/' for subfolders).", nameof(name));
        if (string.IsNullOrWhiteSpace(extension) || extension.StartsWith('.'))
            throw new ArgumentException($"Snapshot extension '{extension}' must be non-empty and without a leading dot.", nameof(extension));
        var directory = Path.Combine(SourceDirectory(callerFilePath), "snapshots");
        return (Path.Combine(directory, $"{name}.verified.{extension}"), Path.Combine(directory, $"{name}.received.{extension}"));
    }

    public static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";

    /// <summary>
    /// The directory of the test's source file. A build with a path map (/_/ for the repository)
    /// hides the real path: map it back onto the repository root.
    /// </summary>
    private static string SourceDirectory(string callerFilePath)
    {
        var directory = Path.GetDirectoryName(callerFilePath) ?? throw new ArgumentException("No caller file path.");
        if (Directory.Exists(directory)) return directory;
        var mapped = callerFilePath.StartsWith("/_/", StringComparison.Ordinal) ? Path.Combine(RepoPaths.Root, callerFilePath[3..]) : null;
        return mapped is not null && Directory.Exists(Path.GetDirectoryName(mapped))
            ? Path.GetDirectoryName(mapped)!
            : throw new InvalidOperationException($"The test source directory {directory} does not exist.");
    }

    private static string Excerpt(string text, int maxLines = 40)
    {
        var lines = text.TrimEnd('\n').Split('\n');
        return string.Join("\n", lines.Take(maxLines).Select(l => "  + " + l)) + (lines.Length > maxLines ? $"\n  ... {lines.Length - maxLines} more lines" : "");
    }
}
