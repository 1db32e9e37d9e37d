using System.Text.Json;
using System.Text.Json.Serialization;
using Cwf.LanguageServer.Protocol;
using StreamJsonRpc;

namespace Cwf.LanguageServer;

/// <summary>
/// Runs the language server over a pair of streams (standard input and output for <c>cwf lsp</c>): LSP's
/// header-delimited JSON-RPC, by StreamJsonRpc, with System.Text.Json's source-generated metadata and the
/// target's methods described without reflection over unknown types, so that it works under Native AOT.
/// </summary>
public static class LanguageServerHost
{
    /// <summary>Serves until the client sends <c>exit</c> (0 after <c>shutdown</c>, else 1) or closes the input (1).</summary>
    public static async Task<int> RunAsync(Stream input, Stream output)
    {
        var formatter = new SystemTextJsonFormatter();
        // The formatter's own options decide the names: the generated metadata follows them, so they are set here too.
        formatter.JsonSerializerOptions.TypeInfoResolver = LspJsonContext.Default;
        formatter.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        formatter.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        using var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(output, input, formatter));
        var server = new CwfLanguageServer(rpc);
        rpc.AddLocalRpcTarget(RpcTargetMetadata.FromClass(typeof(CwfLanguageServer)), server, null);
        rpc.StartListening();
        var finished = await Task.WhenAny(server.Exited, rpc.Completion).ConfigureAwait(false);
        return finished == server.Exited ? await server.Exited.ConfigureAwait(false) : 1;
    }
}
