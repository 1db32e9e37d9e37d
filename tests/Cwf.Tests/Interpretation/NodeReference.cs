using System.Diagnostics;

namespace Cwf.Tests.Interpretation;

/// <summary>Runs a Node.js reference script from a test folder, installing its npm dependencies (npm ci) on first use.</summary>
internal static class NodeReference
{
    private static readonly object InstallLock = new();

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Folder(string relative) => Path.Combine(RepoRoot, relative);

    /// <summary>Runs <c>node script args</c> in the folder, after <c>npm ci</c> if node_modules is missing; throws with its output on failure.</summary>
    public static void Run(string folder, string script, params string[] args)
    {
        lock (InstallLock)
        {
            if (!Directory.Exists(Path.Combine(folder, "node_modules")))
                Execute("npm", folder, "ci", "--no-audit", "--no-fund", "--loglevel=error");
        }
        Execute("node", folder, [script, .. args]);
    }

    private static void Execute(string program, string folder, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(" ", args)} failed ({process.ExitCode}):\n{stdout.Result}\n{stderr}");
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Compiler.sln"))) return dir.FullName;
        throw new InvalidOperationException("Compiler.sln not found above " + AppContext.BaseDirectory);
    }
}
