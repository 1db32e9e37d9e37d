namespace Cwf.Tests.Infrastructure;

/// <summary>
/// A throwaway cluster that this test process started itself with scripts/pg-cluster.sh
/// (the same script scripts/test.sh uses), when no <c>CWF_PG_CONNECTION</c> was given.
/// It stops when the process exits; the script's watchdog stops it even if the process is killed.
/// </summary>
internal sealed class PostgresCluster
{
    private static readonly string Script = RepoPaths.Combine("scripts", "pg-cluster.sh");

    private PostgresCluster(string directory, PostgresEndpoint endpoint, bool hasPostGis)
    {
        Directory = directory;
        Endpoint = endpoint;
        HasPostGis = hasPostGis;
    }

    public string Directory { get; }
    public PostgresEndpoint Endpoint { get; }
    public bool HasPostGis { get; }

    public static async Task<PostgresCluster> StartAsync()
    {
        var result = await ProcessRunner.RunAsync(
            Engine.PostgreSql, "bash", [Script, "start", "--owner-pid", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            timeout: TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"scripts/pg-cluster.sh could not start a PostgreSQL cluster (exit {result.ExitCode}):\n{result.StandardError}");

        var values = ParseAssignments(result.StandardOutput);
        var cluster = new PostgresCluster(values["CWF_PG_DIR"], new PostgresEndpoint(values["CWF_PG_CONNECTION"]), values["CWF_PG_POSTGIS"] == "1");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        return cluster;
    }

    public void Stop()
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("bash", [Script, "stop", Directory])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        });
        process?.WaitForExit(TimeSpan.FromSeconds(60));
    }

    /// <summary>Reads the script's <c>KEY='VALUE'</c> lines.</summary>
    private static Dictionary<string, string> ParseAssignments(string output)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int equals = line.IndexOf('=');
            if (equals <= 0) continue;
            values[line[..equals]] = line[(equals + 1)..].Trim('\'');
        }
        foreach (var key in new[] { "CWF_PG_DIR", "CWF_PG_CONNECTION", "CWF_PG_POSTGIS" })
        {
            if (!values.ContainsKey(key))
                throw new InvalidOperationException($"scripts/pg-cluster.sh printed no {key}:\n{output}");
        }
        return values;
    }
}
