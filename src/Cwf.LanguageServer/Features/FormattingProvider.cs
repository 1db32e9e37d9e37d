using Cwf.Components;
using Cwf.Formatting;
using Cwf.LanguageServer.Documents;
using Cwf.LanguageServer.Protocol;
using Cwf.Text;

namespace Cwf.LanguageServer.Features;

/// <summary>Document formatting: <c>cwf fmt</c>'s output as one edit of the whole text; nothing when the text does not parse or is formatted already.</summary>
public static class FormattingProvider
{
    public static TextEdit[] Format(DocumentAnalysis analysis)
    {
        if (!analysis.IsCwf) return [];
        var formatted = CwfFormatter.Format(analysis.Source, ComponentCatalog.Default.Steps);
        if (formatted.HasErrors || formatted.Text is not { } text || text == analysis.Source.Text) return [];
        return [new TextEdit(PositionMap.ToRange(analysis.Source, new TextSpan(0, analysis.Source.Text.Length)), text)];
    }
}
