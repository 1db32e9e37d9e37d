using System.Text;
using Cwf.Binding;
using Cwf.Ir;
using Cwf.LanguageServer.Documents;
using Cwf.LanguageServer.Protocol;
using Cwf.Syntax;
using Cwf.Text;

namespace Cwf.LanguageServer.Features;

/// <summary>
/// Hover: a function's signature and how each dialect writes it; a column's type; the columns flowing out of the step, source or let under
/// the cursor; and the explanation (spec/diagnostics.md) of every diagnostic there. Canvas JSON gets the explanations.
/// </summary>
public static class HoverProvider
{
    public static Hover? Hover(DocumentAnalysis analysis, int offset)
    {
        var parts = new List<string>();
        TextSpan? range = null;
        if (analysis.IsCwf && TokenCursor.At(analysis.Tokens, offset) is >= 0 and var index)
        {
            var token = analysis.Tokens[index];
            range = token.Span;
            if (Describe(analysis, index) is { } text) parts.Add(text);
        }
        foreach (var diagnostic in analysis.Diagnostics)
        {
            if (DiagnosticConverter.RangeOf(diagnostic.Location, analysis.Source) is not { } where) continue;
            var span = PositionMap.ToSpan(analysis.Source, where);
            if (!TokenCursor.Touches(span, offset)) continue;
            parts.Add($"**{diagnostic.Code}** {diagnostic.Message}\n\n" + (DiagnosticExplanations.For(diagnostic.Code) ?? ""));
            range ??= span;
        }
        if (parts.Count == 0) return null;
        return new Hover(MarkupContent.Markdown(string.Join("\n\n---\n\n", parts.Select(p => p.Trim()))),
            range is { } r ? PositionMap.ToRange(analysis.Source, r) : null);
    }

    private static string? Describe(DocumentAnalysis analysis, int index)
    {
        var tokens = analysis.Tokens;
        var token = tokens[index];
        if (token.Kind == SyntaxTokenKind.Parameter) return Parameter(analysis, token.Text[1..]);
        if (!TokenCursor.IsName(token) && token.Kind != SyntaxTokenKind.Keyword) return null;
        var name = TokenCursor.NameOf(token);
        bool call = index + 1 < tokens.Length && tokens[index + 1].Text == "(";
        if (call && FunctionSignatures.Of(name) is { } signatures)
            return string.Join("\n\n", signatures.Select(s => $"```\n{s.Signature}\n```\n{s.Description}\n\n{s.Dialects()}"));
        var scope = ScopeLookup.At(analysis, token.Span.Start);
        if (scope is null) return null;
        // A name that declares or starts a pipeline, or a step keyword: what flows out of it.
        if (scope.Input is null || token.Kind == SyntaxTokenKind.Keyword && scope.Span.Start == token.Span.Start)
            return scope.Output is { } output ? $"**{name}**: {output.Count} column{(output.Count == 1 ? "" : "s")}\n\n{Table(output)}" : null;
        if (scope.Input.Find(name) is { } column)
            return $"column **{column.Name}**: `{column.Type.Name()}`{(column.Nullable ? "" : " not null")}" +
                (scope.Output is { } after ? $"\n\nout of this step:\n\n{Table(after)}" : "");
        return Parameter(analysis, name);
    }

    private static string? Parameter(DocumentAnalysis analysis, string name)
    {
        if (analysis.Syntax is not { } program || !Declarations.Of(program).TryGetValue(name, out var declaration) || declaration.Kind != DeclarationKind.Parameter) return null;
        var statement = (ParameterStatementSyntax)declaration.Statement;
        return $"{(statement.IsPublic ? "param" : "const")} **{statement.Name.Name}** = `{CwfFormatterText(statement.Default)}`";
    }

    private static string CwfFormatterText(ExpressionSyntax expression) => Formatting.CwfFormatter.Format(expression);

    /// <summary>A schema as a markdown table of names and types.</summary>
    internal static string Table(Schema schema)
    {
        if (schema.IsOpen) return "(columns unknown)";
        var text = new StringBuilder("| column | type |\n|---|---|\n");
        foreach (var column in schema.Columns)
            text.Append("| ").Append(column.Name).Append(" | ").Append(column.Type.Name()).Append(column.Nullable ? "" : " not null").Append(" |\n");
        return text.ToString();
    }
}
