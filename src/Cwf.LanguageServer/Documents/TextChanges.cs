using System.Text;
using Cwf.LanguageServer.Protocol;
using Cwf.Text;

namespace Cwf.LanguageServer.Documents;

/// <summary>Applies a didChange's content changes in order, each against the text the previous one left.</summary>
public static class TextChanges
{
    public static string Apply(string text, IReadOnlyList<TextDocumentContentChangeEvent> changes)
    {
        foreach (var change in changes)
        {
            if (change.Range is not { } range)
            {
                text = change.Text;
                continue;
            }
            var span = PositionMap.ToSpan(SourceText.From(text), range);
            text = new StringBuilder(text.Length - span.Length + change.Text.Length)
                .Append(text, 0, span.Start).Append(change.Text).Append(text, span.End, text.Length - span.End).ToString();
        }
        return text;
    }
}
