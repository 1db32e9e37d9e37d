using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Interpretation;

/// <summary>Runs a Node.js reference script from a test folder, installing its npm dependencies (npm ci) on first use.</summary>
internal static class NodeReference
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static string Folder(string relative) => RepoPaths.Combine(relative);

    /// <summary>Runs <c>node script args</c> in the folder, after <c>npm ci</c> if node_modules is missing; throws with its output on failure.</summary>
    public static async Task RunAsync(string folder, string script, params string[] args)
    {
        await EnsureInstalledAsync(folder);
        Check(await ProcessRunner.RunAsync(Engine.Node, "node", [script, .. args], workingDirectory: folder), $"node {script}");
    }

    /// <summary><c>npm ci</c> in the folder (from its committed lock file) if node_modules is missing, once at a time.</summary>
    public static async Task EnsureInstalledAsync(string folder)
    {
        await InstallLock.WaitAsync();
        try
        {
            if (!Directory.Exists(Path.Combine(folder, "node_modules")))
                Check(await ProcessRunner.RunAsync(Engine.Node, "npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], workingDirectory: folder), "npm ci in " + folder);
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static void Check(ProcessResult result, string what)
    {
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"{what} failed ({result.ExitCode}):\n{result.StandardOutput}\n{result.StandardError}");
    }
}
