namespace Cwf.LanguageServer.Protocol;

public sealed record CompletionList(bool IsIncomplete, CompletionItem[] Items);

/// <summary>Kind: 3 function, 5 field, 6 variable, 11 unit, 14 keyword, 7 class (a table or relation).</summary>
public sealed record CompletionItem(string Label, int Kind)
{
    public string? Detail { get; init; }
    public MarkupContent? Documentation { get; init; }
    public string? InsertText { get; init; }
    public string? SortText { get; init; }
}
