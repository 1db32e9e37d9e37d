using System.Text.RegularExpressions;
using Cwf.LanguageServer.Documents;
using Cwf.LanguageServer.Protocol;
using Cwf.Syntax;
using Cwf.Text;

namespace Cwf.LanguageServer.Features;

/// <summary>
/// Go to definition, find references and rename. Sources, lets and parameters are found by name (ignoring
/// case, as the binder does) among the tokens: a relation where a name is not a column of the step it is in,
/// a parameter as <c>@name</c> or as a bare name that is no column there. A column goes to the step that
/// introduced it (<see cref="ScopeLookup.Origin"/>); its references are the names that go there too.
/// </summary>
public static partial class SymbolNavigator
{
    public static Protocol.Location[] Definition(DocumentAnalysis analysis, int offset)
    {
        if (Resolve(analysis, offset) is not { } target) return [];
        var span = target.Declaration?.Site.Span ?? target.Column;
        return span is { } s ? [Locate(analysis, s)] : [];
    }

    public static Protocol.Location[] References(DocumentAnalysis analysis, int offset, bool includeDeclaration)
    {
        switch (Resolve(analysis, offset))
        {
            case { Declaration: { } declaration }:
                return [.. Occurrences(analysis, declaration)
                    .Where(o => includeDeclaration || o.Span != declaration.Site.Span)
                    .Select(o => Locate(analysis, o.Span))];
            case { Column: { } origin, Token: var token }:
                // The origin is the declaration: the column's name where it is written, else the step or source that brings it.
                var spans = ColumnOccurrences(analysis, TokenCursor.NameOf(token), origin).Where(s => s != origin);
                if (includeDeclaration) spans = spans.Append(origin);
                return [.. spans.OrderBy(s => s.Start).Select(s => Locate(analysis, s))];
            default:
                return [];
        }
    }

    public static PrepareRenameResult? PrepareRename(DocumentAnalysis analysis, int offset)
    {
        if (Resolve(analysis, offset) is not { Declaration: { } declaration, Token: var token }) return null;
        var span = token.Kind == SyntaxTokenKind.Parameter ? new TextSpan(token.Span.Start + 1, token.Span.Length - 1) : token.Span;
        return new PrepareRenameResult(PositionMap.ToRange(analysis.Source, span), declaration.Name);
    }

    /// <summary>Every occurrence renamed; null when the new name is not a plain name (letters, digits, _) or is a keyword.</summary>
    public static WorkspaceEdit? Rename(DocumentAnalysis analysis, int offset, string newName)
    {
        if (Resolve(analysis, offset) is not { Declaration: { } declaration }) return null;
        // A keyword lexes as itself, never as a name.
        if (!PlainName().IsMatch(newName) || CwfTokens.Lex(SourceText.From(newName)) is not [{ Kind: SyntaxTokenKind.Name }])
            return null;
        var edits = Occurrences(analysis, declaration)
            .Select(o => new TextEdit(PositionMap.ToRange(analysis.Source, o.Span), o.Kind == SyntaxTokenKind.Parameter ? "@" + newName : newName))
            .ToArray();
        return new WorkspaceEdit(new Dictionary<string, TextEdit[]> { [analysis.Uri] = edits });
    }

    private sealed record Target(SyntaxToken Token, Declaration? Declaration, TextSpan? Column);

    private static Target? Resolve(DocumentAnalysis analysis, int offset)
    {
        if (analysis.Syntax is not { } program) return null;
        int index = TokenCursor.At(analysis.Tokens, offset);
        return index < 0 ? null : Resolve(analysis, index, Declarations.Of(program));
    }

    private static Target? Resolve(DocumentAnalysis analysis, int index, IReadOnlyDictionary<string, Declaration> declarations)
    {
        var tokens = analysis.Tokens;
        var token = tokens[index];
        if (token.Kind == SyntaxTokenKind.Parameter)
            return declarations.TryGetValue(token.Text[1..], out var p) && p.Kind == DeclarationKind.Parameter ? new Target(token, p, null) : null;
        if (!TokenCursor.IsName(token) && token.Kind != SyntaxTokenKind.Keyword) return null;
        var name = TokenCursor.NameOf(token);
        bool qualified = TokenCursor.Previous(tokens, index) is >= 0 and var before && tokens[before].Text == ".";
        if (!qualified && declarations.TryGetValue(name, out var declaration) && !IsColumnAt(analysis, token.Span, name))
            return new Target(token, declaration, null);
        return ScopeLookup.Origin(analysis, token.Span.Start, name) is { } origin ? new Target(token, null, origin) : null;
    }

    // Where a declared name occurs: its declaration, and every use that is not a column of the step it stands in.
    private static IEnumerable<SyntaxToken> Occurrences(DocumentAnalysis analysis, Declaration declaration)
    {
        var tokens = analysis.Tokens;
        for (int i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.Kind == SyntaxTokenKind.Parameter)
            {
                if (declaration.Kind == DeclarationKind.Parameter && Same(token.Text[1..], declaration.Name)) yield return token;
                continue;
            }
            if (!TokenCursor.IsName(token) || !Same(TokenCursor.NameOf(token), declaration.Name)) continue;
            if (TokenCursor.Previous(tokens, i) is >= 0 and var before && tokens[before].Text == ".") continue;
            if (token.Span == declaration.Site.Span || !IsColumnAt(analysis, token.Span, declaration.Name)) yield return token;
        }
    }

    // Where a column introduced at the origin is named: every name of its spelling that resolves to that origin.
    private static IEnumerable<TextSpan> ColumnOccurrences(DocumentAnalysis analysis, string column, TextSpan origin)
    {
        var tokens = analysis.Tokens;
        var declarations = Declarations.Of(analysis.Syntax!);
        for (int i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (!(TokenCursor.IsName(token) || token.Kind == SyntaxTokenKind.Keyword) || !Same(TokenCursor.NameOf(token), column)) continue;
            // A step's keyword (`| area g`) is no column of that name.
            if (TokenCursor.Previous(tokens, i) is >= 0 and var before && tokens[before].Kind == SyntaxTokenKind.Pipe) continue;
            if (Resolve(analysis, i, declarations) is { Column: { } found } && found == origin) yield return token.Span;
        }
    }

    // Whether a name inside a pipeline step is one of the columns flowing into that step.
    private static bool IsColumnAt(DocumentAnalysis analysis, TextSpan span, string name) =>
        ScopeLookup.At(analysis, span.Start) is { Input: { } input } && input.Contains(name);

    private static Protocol.Location Locate(DocumentAnalysis analysis, TextSpan span) => new(analysis.Uri, PositionMap.ToRange(analysis.Source, span));

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^[\p{L}_][\p{L}\p{N}_]*$")]
    private static partial Regex PlainName();
}
