namespace Cwf.LanguageServer.Protocol;

public sealed record DocumentFormattingParams(TextDocumentIdentifier TextDocument);

public sealed record DocumentSymbolParams(TextDocumentIdentifier TextDocument);

/// <summary>Kind: 5 class (a source), 13 variable (a let), 14 constant (a param), 2 module (an output), 11 interface (a check).</summary>
public sealed record DocumentSymbol(string Name, string? Detail, int Kind, Range Range, Range SelectionRange);

public sealed record SemanticTokensParams(TextDocumentIdentifier TextDocument);

public sealed record SemanticTokens(int[] Data);

public sealed record CodeActionContext(LspDiagnostic[] Diagnostics);

public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext Context);

public sealed record CodeAction(string Title, string Kind, LspDiagnostic[] Diagnostics, WorkspaceEdit Edit, bool IsPreferred);
