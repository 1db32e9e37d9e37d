using Cwf.LanguageServer.Documents;
using Cwf.LanguageServer.Features;
using Cwf.LanguageServer.Protocol;
using StreamJsonRpc;

namespace Cwf.LanguageServer;

/// <summary>
/// The LSP methods cwf answers (spec/language-server.md), as StreamJsonRpc's target. Each method reads the
/// current analysis of its document and hands it to one feature; diagnostics are pushed after a debounce.
/// </summary>
public sealed class CwfLanguageServer
{
    private readonly JsonRpc _rpc;
    private readonly Workspace _workspace;
    private readonly DiagnosticScheduler _diagnostics;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _shutdown;

    public CwfLanguageServer(JsonRpc rpc)
    {
        _rpc = rpc;
        _workspace = new Workspace(new DocumentAnalyzer(new CatalogCache()));
        _diagnostics = new DiagnosticScheduler(_workspace, PublishAsync);
    }

    /// <summary>Completes with the exit code once the client sent <c>exit</c>: 0 after a shutdown request, else 1.</summary>
    public Task<int> Exited => _exited.Task;

    // ---------------------------------------------------------------------------------------
    // Lifecycle

    [JsonRpcMethod("initialize", UseSingleObjectParameterDeserialization = true)]
    public InitializeResult Initialize(InitializeParams request)
    {
        _workspace.Settings = _workspace.Settings.With(request.InitializationOptions);
        var capabilities = new ServerCapabilities(
            new TextDocumentSyncOptions(OpenClose: true, Change: 2, Save: false),
            new CompletionOptions(["|", ".", "@", "\"", " "]),
            HoverProvider: true,
            DefinitionProvider: true,
            ReferencesProvider: true,
            new RenameOptions(PrepareProvider: true),
            DocumentFormattingProvider: true,
            DocumentSymbolProvider: true,
            new SemanticTokensOptions(new SemanticTokensLegend([.. SemanticTokenProvider.TokenTypes], []), Full: true),
            new CodeActionOptions(["quickfix"]));
        return new InitializeResult(capabilities, new ServerInfo("cwf", typeof(CwfLanguageServer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"));
    }

    [JsonRpcMethod("initialized")]
    public void Initialized()
    {
    }

    [JsonRpcMethod("shutdown")]
    public object? Shutdown()
    {
        _shutdown = true;
        return null;
    }

    [JsonRpcMethod("exit")]
    public void Exit() => _exited.TrySetResult(_shutdown ? 0 : 1);

    [JsonRpcMethod("workspace/didChangeConfiguration", UseSingleObjectParameterDeserialization = true)]
    public void DidChangeConfiguration(DidChangeConfigurationParams request)
    {
        _workspace.Settings = _workspace.Settings.With(request.Settings);
        foreach (var uri in _workspace.Invalidate()) _diagnostics.Schedule(uri, TimeSpan.Zero);
    }

    // ---------------------------------------------------------------------------------------
    // Documents and diagnostics

    [JsonRpcMethod("textDocument/didOpen", UseSingleObjectParameterDeserialization = true)]
    public void DidOpen(DidOpenTextDocumentParams request)
    {
        _workspace.Open(request.TextDocument);
        _diagnostics.Schedule(request.TextDocument.Uri, TimeSpan.Zero);
    }

    [JsonRpcMethod("textDocument/didChange", UseSingleObjectParameterDeserialization = true)]
    public void DidChange(DidChangeTextDocumentParams request)
    {
        if (_workspace.Change(request.TextDocument, request.ContentChanges))
            _diagnostics.Schedule(request.TextDocument.Uri, TimeSpan.FromMilliseconds(_workspace.Settings.DebounceMilliseconds));
    }

    [JsonRpcMethod("textDocument/didSave", UseSingleObjectParameterDeserialization = true)]
    public void DidSave(DidSaveTextDocumentParams request)
    {
    }

    [JsonRpcMethod("textDocument/didClose", UseSingleObjectParameterDeserialization = true)]
    public async Task DidClose(DidCloseTextDocumentParams request)
    {
        _diagnostics.Cancel(request.TextDocument.Uri);
        _workspace.Close(request.TextDocument.Uri);
        await _rpc.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(request.TextDocument.Uri, null, [])).ConfigureAwait(false);
    }

    private Task PublishAsync(DocumentAnalysis analysis) =>
        _rpc.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(
            analysis.Uri, analysis.Version, [.. analysis.Diagnostics.Select(d => DiagnosticConverter.Convert(d, analysis.Source))]));

    // ---------------------------------------------------------------------------------------
    // Language features

    [JsonRpcMethod("textDocument/completion", UseSingleObjectParameterDeserialization = true)]
    public CompletionList Completion(TextDocumentPositionParams request) =>
        _workspace.Analysis(request.TextDocument.Uri) is { } analysis
            ? CompletionProvider.Complete(analysis, PositionMap.ToOffset(analysis.Source, request.Position))
            : new CompletionList(false, []);

    [JsonRpcMethod("textDocument/hover", UseSingleObjectParameterDeserialization = true)]
    public Hover? Hover(TextDocumentPositionParams request) =>
        _workspace.Analysis(request.TextDocument.Uri) is { } analysis
            ? HoverProvider.Hover(analysis, PositionMap.ToOffset(analysis.Source, request.Position))
            : null;

    [JsonRpcMethod("textDocument/definition", UseSingleObjectParameterDeserialization = true)]
    public Protocol.Location[] Definition(TextDocumentPositionParams request) =>
        _workspace.Analysis(request.TextDocument.Uri) is { } analysis
            ? SymbolNavigator.Definition(analysis, PositionMap.ToOffset(analysis.Source, request.Position))
            : [];

    [JsonRpcMethod("textDocument/references", UseSingleObjectParameterDeserialization = true)]
    public Protocol.Location[] References(ReferenceParams request) =>
        _workspace.Analysis(request.TextDocument.Uri) is { } analysis
            ? SymbolNavigator.References(analysis, PositionMap.ToOffset(analysis.Source, request.Position), request.Context.IncludeDeclaration)
            : [];

    [JsonRpcMethod("textDocument/prepareRename", UseSingleObjectParameterDeserialization = true)]
    public PrepareRenameResult? PrepareRename(TextDocumentPositionParams request) =>
        _workspace.Analysis(request.TextDocument.Uri) is { } analysis
            ? SymbolNavigator.PrepareRename(analysis, PositionMap.ToOffset(analysis.Source, request.Position))
            : null;

    [JsonRpcMethod("textDocument/rename", UseSingleObjectParameterDeserialization = true)]
    public WorkspaceEdit? Rename(RenameParams request) =>
        _workspace.Analysis(request.TextDocument.Uri) is { } analysis
            ? SymbolNavigator.Rename(analysis, PositionMap.ToOffset(analysis.Source, request.Position), request.NewName)
            : null;

    [JsonRpcMethod("textDocument/formatting", UseSingleObjectParameterDeserialization = true)]
    public TextEdit[] Formatting(DocumentFormattingParams request) =>
        _workspace.Analysis(request.TextDocument.Uri) is { } analysis ? FormattingProvider.Format(analysis) : [];

    [JsonRpcMethod("textDocument/documentSymbol", UseSingleObjectParameterDeserialization = true)]
    public DocumentSymbol[] DocumentSymbols(DocumentSymbolParams request) =>
        _workspace.Analysis(request.TextDocument.Uri) is { } analysis ? DocumentSymbolProvider.Symbols(analysis) : [];

    [JsonRpcMethod("textDocument/semanticTokens/full", UseSingleObjectParameterDeserialization = true)]
    public SemanticTokens SemanticTokensFull(SemanticTokensParams request) =>
        _workspace.Analysis(request.TextDocument.Uri) is { } analysis ? SemanticTokenProvider.Tokens(analysis) : new SemanticTokens([]);

    [JsonRpcMethod("textDocument/codeAction", UseSingleObjectParameterDeserialization = true)]
    public CodeAction[] CodeActions(CodeActionParams request) =>
        _workspace.Analysis(request.TextDocument.Uri) is { } analysis
            ? CodeActionProvider.Actions(analysis, PositionMap.ToSpan(analysis.Source, request.Range))
            : [];
}
