using System.Text.Json;

namespace Cwf.LanguageServer.Protocol;

public sealed record InitializeParams(int? ProcessId, string? RootUri, JsonElement? InitializationOptions);

public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

public sealed record ServerInfo(string Name, string Version);

public sealed record ServerCapabilities(
    TextDocumentSyncOptions TextDocumentSync,
    CompletionOptions CompletionProvider,
    bool HoverProvider,
    bool DefinitionProvider,
    bool ReferencesProvider,
    RenameOptions RenameProvider,
    bool DocumentFormattingProvider,
    bool DocumentSymbolProvider,
    SemanticTokensOptions SemanticTokensProvider,
    CodeActionOptions CodeActionProvider);

/// <summary>Change 2 is incremental sync: the client sends the edited ranges.</summary>
public sealed record TextDocumentSyncOptions(bool OpenClose, int Change, bool Save);

public sealed record CompletionOptions(string[] TriggerCharacters);

public sealed record RenameOptions(bool PrepareProvider);

public sealed record SemanticTokensOptions(SemanticTokensLegend Legend, bool Full);

public sealed record SemanticTokensLegend(string[] TokenTypes, string[] TokenModifiers);

public sealed record CodeActionOptions(string[] CodeActionKinds);

public sealed record DidChangeConfigurationParams(JsonElement Settings);
