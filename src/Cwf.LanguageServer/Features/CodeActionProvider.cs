using System.Text.RegularExpressions;
using Cwf.Diagnostics;
using Cwf.LanguageServer.Documents;
using Cwf.LanguageServer.Protocol;
using Cwf.Syntax;
using Cwf.Text;

namespace Cwf.LanguageServer.Features;

/// <summary>
/// Quick fixes from the hints of the diagnostics in the requested range: a "did you mean 'x'?" replaces the
/// misspelled name, "remove the quotes: v" writes the value without them, and "close it with q" (a string or
/// quoted name left open, CWF1003) adds the closing quote. Only diagnostics that point at a span of the
/// document itself have a fix.
/// </summary>
public static partial class CodeActionProvider
{
    public static CodeAction[] Actions(DocumentAnalysis analysis, TextSpan requested)
    {
        var actions = new List<CodeAction>();
        foreach (var diagnostic in analysis.Diagnostics)
        {
            if (diagnostic.Location is not SourceLocation location || DiagnosticConverter.RangeOf(location, analysis.Source) is null) continue;
            // A lexical error points at its first character; the fix works on the whole token (an open string to its line's end).
            var span = analysis.Tokens.FirstOrDefault(t => t.Kind == SyntaxTokenKind.Error && t.Span.Start == location.Span.Start) is { Text: not null } token
                ? token.Span : location.Span;
            if (span.End < requested.Start || span.Start > requested.End) continue;
            var range = PositionMap.ToRange(analysis.Source, span);
            foreach (var hint in diagnostic.Hints)
            {
                if (Replacement(hint, analysis.Source.ToString(span)) is not var (title, text)) continue;
                var edit = new WorkspaceEdit(new Dictionary<string, TextEdit[]> { [analysis.Uri] = [new TextEdit(range, text)] });
                actions.Add(new CodeAction(title, "quickfix", [DiagnosticConverter.Convert(diagnostic, analysis.Source)], edit, IsPreferred: true));
            }
        }
        return [.. actions];
    }

    private static (string Title, string Text)? Replacement(string hint, string written)
    {
        if (DidYouMean().Match(hint) is { Success: true } suggestion && suggestion.Groups[1].Value != written)
            return ($"Change '{written}' to '{suggestion.Groups[1].Value}'", suggestion.Groups[1].Value);
        if (RemoveQuotes().Match(hint) is { Success: true } unquoted && written.Length >= 2 && written[0] is '\'' or '"')
            return ($"Remove the quotes: {unquoted.Groups[1].Value}", unquoted.Groups[1].Value);
        if (CloseWith().Match(hint) is { Success: true } close && written.Length >= 1 && written[0].ToString() == close.Groups[1].Value)
            return ($"Close it with {close.Groups[1].Value}", written + close.Groups[1].Value);
        return null;
    }

    [GeneratedRegex(@"^did you mean '([^']+)'\?$")]
    private static partial Regex DidYouMean();

    [GeneratedRegex(@"^remove the quotes: (\S+)$")]
    private static partial Regex RemoveQuotes();

    [GeneratedRegex(@"^close it with (['""`])")]
    private static partial Regex CloseWith();
}
