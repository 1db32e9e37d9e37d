using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Playground;

/// <summary>`./cwf serve &lt;dir&gt; --port 0` as a separate process (the binary users run), with the address it printed; killed on dispose.</summary>
internal sealed partial class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _error = new();

    private ServeProcess(Process process, string address)
    {
        _process = process;
        Address = address;
    }

    public string Address { get; }

    public static async Task<ServeProcess> StartAsync(string folder, TimeSpan timeout)
    {
        EngineGuard.Require(Engine.Cli);
        var start = new ProcessStartInfo(RepoPaths.Combine("cwf"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in new[] { "serve", folder, "--port", "0" }) start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start ./cwf serve");
        var error = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (error) error.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            // The first line names the address; ./cwf may build the command line first (quietly, on standard error).
            while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
            {
                if (AddressPattern().Match(line) is { Success: true } m) return new ServeProcess(process, m.Groups[1].Value);
            }
        }
        catch (OperationCanceledException)
        {
        }
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        lock (error) throw new InvalidOperationException($"./cwf serve {folder} printed no address within {timeout} (exit {(process.HasExited ? process.ExitCode : -1)}):\n{error}");
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }

    [GeneratedRegex(@"^cwf serve: (http://\S+?)/? serving ")]
    private static partial Regex AddressPattern();
}
