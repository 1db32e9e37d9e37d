using System.Diagnostics;

namespace Cwf.Tests.Infrastructure;

/// <summary>What a finished process left: its exit code and everything it printed.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>
/// Runs a program to completion with optional standard input, capturing both outputs. Every
/// process belongs to an <see cref="Engine"/>, which the calling test must be marked with.
/// </summary>
public static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(
        Engine engine,
        string fileName,
        IEnumerable<string> arguments,
        string? standardInput = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? workingDirectory = null,
        TimeSpan? timeout = null)
    {
        EngineGuard.Require(engine);
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            if (standardInput is not null) await process.StandardInput.WriteAsync(standardInput);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program exited without reading all of its input; its exit code says why.
        }

        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout ?? TimeSpan.FromMinutes(5)}.");
        }
        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }
}
