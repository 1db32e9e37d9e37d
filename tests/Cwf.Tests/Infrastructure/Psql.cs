namespace Cwf.Tests.Infrastructure;

/// <summary>What psql did with a script: exit code 0 on success, 3 when a statement failed under ON_ERROR_STOP.</summary>
public sealed record PsqlResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Throws with psql's error output unless the script ran to its end.</summary>
    public PsqlResult EnsureSucceeded()
    {
        if (!Succeeded) throw new Xunit.Sdk.XunitException($"psql failed (exit {ExitCode}):\n{StandardError}");
        return this;
    }
}

/// <summary>Finds the psql client: on PATH, else in the newest /usr/lib/postgresql/*/bin.</summary>
internal static class Psql
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = System.IO.Path.Combine(dir, "psql");
            if (File.Exists(candidate)) return candidate;
        }
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Where(d => File.Exists(System.IO.Path.Combine(d, "bin", "psql")))
                .OrderByDescending(d => int.TryParse(System.IO.Path.GetFileName(d), out var major) ? major : 0)
                .Select(d => System.IO.Path.Combine(d, "bin", "psql"))
                .FirstOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException("psql was not found on PATH nor in /usr/lib/postgresql/*/bin.");
    }
}
