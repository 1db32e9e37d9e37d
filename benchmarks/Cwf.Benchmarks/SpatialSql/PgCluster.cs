using System.Globalization;

namespace Cwf.Benchmarks.SpatialSql;

/// <summary>
/// A throwaway PostgreSQL + PostGIS cluster started with scripts/pg-cluster.sh (its own data
/// directory, port and socket under /tmp; never the system cluster). The script's watchdog
/// stops it when this process exits, however it exits.
/// </summary>
internal sealed class PgCluster
{
    private static readonly string Script = Path.Combine(Shell.RepoRoot, "scripts", "pg-cluster.sh");

    private PgCluster(IReadOnlyDictionary<string, string> values)
    {
        Directory = values["CWF_PG_DIR"];
        Host = values["CWF_PG_HOST"];
        Port = values["CWF_PG_PORT"];
        ConnectionString = values["CWF_PG_CONNECTION"];
        BinDirectory = File.ReadAllLines(Path.Combine(Directory, "cluster.env"))
            .Select(l => l.Split('=', 2)).Single(p => p[0] == "bindir")[1];
    }

    public string Directory { get; }
    public string Host { get; }
    public string Port { get; }
    public string ConnectionString { get; }
    public string BinDirectory { get; }

    public static PgCluster Start()
    {
        var result = Shell.Run("bash", [Script, "start", "--owner-pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture)]);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (line.IndexOf('=') is > 0 and var at) values[line[..at]] = line[(at + 1)..].Trim('\'');
        if (values.GetValueOrDefault("CWF_PG_POSTGIS") != "1")
            throw new InvalidOperationException("The benchmark cluster has no PostGIS (install postgresql-15-postgis-3).");
        var cluster = new PgCluster(values);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        return cluster;
    }

    public void Stop() => Shell.Run("bash", [Script, "stop", Directory], check: false);

    public string ConnectionStringFor(string database) => ConnectionString.Replace("Database=postgres", "Database=" + database, StringComparison.Ordinal);

    /// <summary>Runs a script with psql, stopping at the first error, as users run the compiler's output.</summary>
    public Shell.Result Psql(string database, string script) =>
        Shell.Run(Path.Combine(BinDirectory, "psql"), ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", Host, "-p", Port, "-U", "postgres", "-d", database, "-f", "-"], input: script);
}
