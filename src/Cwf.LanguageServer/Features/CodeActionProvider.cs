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
/// quoted name left open, CWF1003) adds the closing quote. A whole number added to a date or timestamp
/// (CWF2008, <c>ts + 7</c>) gets its missing time unit, days (<c>ts + 7 days</c>). Only diagnostics that
/// point at a span of the document itself have a fix.
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
            if (MissingTimeUnit(analysis, diagnostic, span) is { } number)
            {
                var end = PositionMap.ToPosition(analysis.Source, number.Span.End);
                var edit = new WorkspaceEdit(new Dictionary<string, TextEdit[]> { [analysis.Uri] = [new TextEdit(new Protocol.Range(end, end), " days")] });
                actions.Add(new CodeAction($"Add the unit: {number.Text} days", "quickfix", [DiagnosticConverter.Convert(diagnostic, analysis.Source)], edit, IsPreferred: true));
            }
        }
        return [.. actions];
    }

    // The whole number of `ts + 7`, `ts - 7` or `7 + ts` that CWF2008 refuses beside a date or timestamp: an interval without its unit.
    private static SyntaxToken? MissingTimeUnit(DocumentAnalysis analysis, Diagnostic diagnostic, TextSpan span)
    {
        if (diagnostic.Code != DiagnosticCodes.OperatorTypeMismatch.Code || TemporalArithmetic().Match(diagnostic.Message) is not { Success: true } match)
            return null;
        var inside = analysis.Tokens.Where(t => t.Kind != SyntaxTokenKind.Comment && t.Span.Start >= span.Start && t.Span.End <= span.End).ToList();
        bool temporalFirst = match.Groups[2].Success;
        if (inside.Count != 3 || inside[1].Text != match.Groups[1].Value || !temporalFirst && inside[1].Text == "-") return null;
        var number = temporalFirst ? inside[2] : inside[0];
        return number.Kind == SyntaxTokenKind.Number && number.Text.All(char.IsAsciiDigit) ? number : null;
    }

    // The operator, then which side is the date or timestamp: group 2 when it is the left one.
    [GeneratedRegex(@"^'([+-])' does not apply to (?:(date|timestamp) and int64|(int64) and (?:date|timestamp))$")]
    private static partial Regex TemporalArithmetic();

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
