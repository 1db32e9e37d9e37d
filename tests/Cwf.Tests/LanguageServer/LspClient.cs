using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Cwf.Tests.Infrastructure;
using StreamJsonRpc;

namespace Cwf.Tests.LanguageServer;

/// <summary>
/// A scripted LSP client of the real <c>./cwf lsp</c> process over its standard input and output
/// (StreamJsonRpc on the client side too): requests and notifications with plain objects, answers as JSON,
/// and the diagnostics the server pushes, collected per document.
/// </summary>
internal sealed class LspClient : IAsyncDisposable
{
    private readonly Process _process;
    private readonly JsonRpc _rpc;
    private readonly Channel<JsonElement> _published = Channel.CreateUnbounded<JsonElement>();
    private readonly List<JsonElement> _seen = [];
    private readonly Task<string> _standardError;

    private LspClient(Process process)
    {
        _process = process;
        var formatter = new SystemTextJsonFormatter();
        _rpc = new JsonRpc(new HeaderDelimitedMessageHandler(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, formatter));
        _rpc.AddLocalRpcTarget(new Sink(_published), null);
        _rpc.StartListening();
        _standardError = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Starts <c>./cwf lsp</c> (building the command line first when it is stale) and initializes it.</summary>
    public static async Task<(LspClient Client, JsonElement Capabilities)> StartAsync(object? initializationOptions = null, string? rootUri = null)
    {
        EngineGuard.Require(Engine.Cli);
        var start = new ProcessStartInfo(RepoPaths.Combine("cwf"), ["lsp", "--stdio"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start ./cwf lsp");
        var client = new LspClient(process);
        // The first start may build ./cwf (Native AOT): minutes on a loaded machine.
        var result = await client.RequestAsync("initialize", new { processId = Environment.ProcessId, rootUri, capabilities = new { }, initializationOptions },
            TimeSpan.FromMinutes(15));
        await client.NotifyAsync("initialized", new { });
        return (client, result.GetProperty("capabilities"));
    }

    public async Task<JsonElement> RequestAsync(string method, object arguments, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            return await _rpc.InvokeWithParameterObjectAsync<JsonElement>(method, arguments, cancellation.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ConnectionLostException)
        {
            throw new InvalidOperationException($"'{method}' got no answer: {e.Message}\nserver standard error:\n{await ErrorOutputAsync()}", e);
        }
    }

    public Task NotifyAsync(string method, object arguments) => _rpc.NotifyWithParameterObjectAsync(method, arguments);

    public Task OpenAsync(string uri, string text, int version = 1) =>
        NotifyAsync("textDocument/didOpen", new { textDocument = new { uri, languageId = "cwf", version, text } });

    /// <summary>Replaces the range (0-based lines and characters) with the text.</summary>
    public Task ChangeAsync(string uri, int version, int startLine, int startCharacter, int endLine, int endCharacter, string text) =>
        NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri, version },
            contentChanges = new object[] { new { range = Range(startLine, startCharacter, endLine, endCharacter), text } },
        });

    public Task ReplaceAllAsync(string uri, int version, string text) =>
        NotifyAsync("textDocument/didChange", new { textDocument = new { uri, version }, contentChanges = new object[] { new { text } } });

    public Task<JsonElement> AtAsync(string method, string uri, int line, int character) =>
        RequestAsync(method, new { textDocument = new { uri }, position = new { line, character } });

    /// <summary>The next diagnostics published for the document whose version is at least the one given (the server drops stale ones).</summary>
    public async Task<JsonElement> DiagnosticsAsync(string uri, int minimumVersion = 0, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            JsonElement published;
            try
            {
                published = await _published.Reader.ReadAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new InvalidOperationException($"no diagnostics for {uri} (version >= {minimumVersion}); seen:\n{string.Join("\n", _seen)}");
            }
            _seen.Add(published);
            if (published.GetProperty("uri").GetString() != uri) continue;
            if (published.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number && v.GetInt32() < minimumVersion) continue;
            return published.GetProperty("diagnostics");
        }
    }

    /// <summary>shutdown, then exit; the process's exit code.</summary>
    public async Task<int> ShutdownAsync()
    {
        await RequestAsync("shutdown", new { });
        await NotifyAsync("exit", new { });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    public bool HasExited => _process.HasExited;

    public async Task<string> ErrorOutputAsync()
    {
        if (!_process.HasExited) return "(still running)";
        return await _standardError;
    }

    public static object Range(int startLine, int startCharacter, int endLine, int endCharacter) =>
        new { start = new { line = startLine, character = startCharacter }, end = new { line = endLine, character = endCharacter } };

    public async ValueTask DisposeAsync()
    {
        _rpc.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private sealed class Sink(Channel<JsonElement> published)
    {
        [JsonRpcMethod("textDocument/publishDiagnostics", UseSingleObjectParameterDeserialization = true)]
        public void Publish(JsonElement diagnostics) => published.Writer.TryWrite(diagnostics.Clone());
    }
}
