using System.Diagnostics;

namespace Cwf.Benchmarks.SpatialSql;

/// <summary>Runs the external programs the benchmark needs (npm, node, the cluster script, psql) and finds the repository.</summary>
internal static class Shell
{
    /// <summary>The repository root: the nearest directory above the running assembly that holds Compiler.sln.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Compiler.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Compiler.sln above {AppContext.BaseDirectory}: run the benchmark from the repository.");
    }

    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>Runs a program to its end; a non-zero exit is an exception naming the command and its error output.</summary>
    public static Result Run(string program, IEnumerable<string> arguments, string? workingDirectory = null, string? input = null,
        IReadOnlyDictionary<string, string>? environment = null, bool check = true)
    {
        var info = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            WorkingDirectory = workingDirectory ?? RepoRoot,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        process.WaitForExit();
        var result = new Result(process.ExitCode, output.Result, error.Result);
        if (check && result.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed (exit {result.ExitCode}):\n{result.Error}{result.Output}");
        return result;
    }
}
