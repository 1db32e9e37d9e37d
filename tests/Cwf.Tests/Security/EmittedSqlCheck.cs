using Cwf.Emit;
using Cwf.Ir;
using Cwf.Tests.Security.Lexers;

namespace Cwf.Tests.Security;

/// <summary>
/// Judges emitted SQL with the target warehouse's independent lexer: the script must lex (no
/// unterminated literal, bad escape, NUL, psql meta-command), no comment may hold a control
/// character or line separator, the payload must stay inside one token of the kind its place
/// allows and read back exactly, and the script must have as many statements as with a benign
/// payload. A procedure's dollar-quoted body is lexed too, with the server's rules.
/// </summary>
internal static class EmittedSqlCheck
{
    public static List<string> Problems(string sql, Dialect dialect, EmitMode mode, PayloadForm form, string payload, int benignStatements)
    {
        var problems = new List<string>();
        var lexer = WarehouseLexers.For(dialect);
        if (WarehouseLexer.HasLoneSurrogate(sql)) problems.Add("the script has an unpaired surrogate, which UTF-8 cannot carry");
        var tokens = Tokens(sql, lexer, mode);

        foreach (var error in tokens.Where(t => t.Kind == TokenKind.Error))
            problems.Add($"{error.Problem}: «{Excerpt(sql, error.Start)}»");
        foreach (var comment in tokens.Where(t => t.IsComment && t.Value!.Any(Unwritable)))
            problems.Add($"a comment holds U+{(int)comment.Value!.First(Unwritable):X4}: «{Excerpt(sql, comment.Start)}»");
        // Issue 12: string literals write every control character in the dialect's escape form, never raw.
        foreach (var literal in tokens.Where(t => t.Kind == TokenKind.StringLiteral && t.Text.Any(lexer.MustEscape)))
            problems.Add($"a string literal holds a raw U+{(int)literal.Text.First(lexer.MustEscape):X4}: «{Excerpt(sql, literal.Start)}»");
        // Custom SQL's $a, $b, $c stand for relations; one left in code means the compiler misread the user's quoting.
        for (int i = 0; i + 1 < tokens.Count; i++)
            if (tokens[i].Text == "$" && tokens[i + 1] is { Kind: TokenKind.Word, Text.Length: 1 } word && word.Start == tokens[i].End && word.Text[0] is >= 'a' and <= 'c')
                problems.Add($"the input placeholder ${word.Text} was not replaced: «{Excerpt(sql, tokens[i].Start)}»");
        int statements = tokens.Count(t => t.Kind == TokenKind.Semicolon);
        if (statements != benignStatements) problems.Add($"the script has {statements} statements, {benignStatements} with a benign payload");
        if (form != PayloadForm.Code) problems.AddRange(Containment(sql, tokens, mode, form, payload));
        return problems;
    }

    /// <summary>The script's statement separators (a procedure's body included), for the benign baseline.</summary>
    public static int Statements(string sql, Dialect dialect, EmitMode mode) =>
        Tokens(sql, WarehouseLexers.For(dialect), mode).Count(t => t.Kind == TokenKind.Semicolon);

    /// <summary>The script's tokens; in a procedure, each dollar-quoted body replaced by its own tokens.</summary>
    private static List<SqlToken> Tokens(string sql, WarehouseLexer lexer, EmitMode mode)
    {
        var tokens = new List<SqlToken>();
        foreach (var token in lexer.Lex(sql))
        {
            if (mode != EmitMode.Procedure || token.Kind != TokenKind.DollarQuoted)
            {
                tokens.Add(token);
                continue;
            }
            int bodyStart = token.Start + token.Text.IndexOf('$', 1) + 1;
            tokens.AddRange(lexer.BodyLexer.Lex(token.Value!).Select(t => t with { Start = t.Start + bodyStart }));
        }
        return tokens;
    }

    private static IEnumerable<string> Containment(string sql, List<SqlToken> tokens, EmitMode mode, PayloadForm form, string payload)
    {
        foreach (var at in Occurrences(sql, InjectionPayloads.Start))
        {
            var token = tokens.First(t => t.Start <= at && at < t.End);
            if (token.Kind is not (TokenKind.StringLiteral or TokenKind.QuotedIdentifier or TokenKind.Word) && !token.IsComment)
                yield return $"the payload starts in a {token.Kind} token: «{Excerpt(sql, at)}»";
            else if (!sql[at..token.End].Contains(InjectionPayloads.End, StringComparison.OrdinalIgnoreCase))
                yield return $"the payload leaves the {token.Kind} it starts in: «{Excerpt(sql, at)}»";
        }
        foreach (var at in Occurrences(sql, InjectionPayloads.End))
        {
            var token = tokens.First(t => t.Start <= at && at < t.End);
            if (!sql[token.Start..at].Contains(InjectionPayloads.Start, StringComparison.OrdinalIgnoreCase))
                yield return $"the payload's end is not in the token its start is in: «{Excerpt(sql, at)}»";
        }
        // A quoted name of only word characters and dots is derived from the payload (a procedure name), not the payload.
        foreach (var token in tokens.Where(t => t.Kind is TokenKind.StringLiteral || t.Kind == TokenKind.QuotedIdentifier && !t.Value!.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.')))
        {
            if (token.Value!.Contains(InjectionPayloads.Start, StringComparison.OrdinalIgnoreCase) && !token.Value.Contains(payload, StringComparison.Ordinal))
                yield return $"a {token.Kind} reads «{IdentifierRules.Display(token.Value)}», not the payload «{IdentifierRules.Display(payload)}»";
        }
        bool arrived = form switch
        {
            // A procedure without argument defaults shows a public parameter's value only in its "-- Run: CALL" comment.
            PayloadForm.StringLiteral => tokens.Any(t => t.Kind == TokenKind.StringLiteral && t.Value!.Contains(payload, StringComparison.Ordinal))
                                         || mode == EmitMode.Procedure && tokens.Any(t => t.IsComment && Marked(t.Value!)),
            // A payload that is a plain word after substitution ({{@v}} replaced) may be written bare.
            PayloadForm.Identifier => tokens.Any(t => t.Kind == TokenKind.QuotedIdentifier && t.Value!.Contains(payload, StringComparison.Ordinal))
                                      || tokens.Any(t => t.Kind == TokenKind.Word && t.Text == payload)
                                      || tokens.Any(t => t.IsComment && Marked(t.Value!)),
            PayloadForm.Comment => tokens.Any(t => t.IsComment && Marked(t.Value!)),
            _ => true,
        };
        if (!arrived) yield return $"no {form} token holds the payload «{IdentifierRules.Display(payload)}»";
    }

    private static bool Marked(string text) =>
        text.Contains(InjectionPayloads.Start, StringComparison.OrdinalIgnoreCase) && text.Contains(InjectionPayloads.End, StringComparison.OrdinalIgnoreCase);

    /// <summary>What no comment may hold and no literal may hold raw: control characters (C0, DEL, C1) and the Unicode line and paragraph separators.</summary>
    public static bool Unwritable(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';

    private static IEnumerable<int> Occurrences(string text, string marker)
    {
        for (int at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(marker, at + 1, StringComparison.OrdinalIgnoreCase))
            yield return at;
    }

    private static string Excerpt(string sql, int at)
    {
        int start = Math.Max(0, at - 40);
        return IdentifierRules.Display(sql.Substring(start, Math.Min(sql.Length, at + 60) - start));
    }
}
