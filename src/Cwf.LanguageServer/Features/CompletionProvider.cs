using System.Collections.Immutable;
using Cwf.Binding;
using Cwf.Components;
using Cwf.Ir;
using Cwf.LanguageServer.Documents;
using Cwf.LanguageServer.Protocol;
using Cwf.Syntax;
using Cwf.Text;

namespace Cwf.LanguageServer.Features;

/// <summary>
/// Completion in .cwf text, decided by the tokens before the cursor: step keywords after <c>|</c>; units after
/// a number; catalog tables inside <c>table "</c>; parameters after <c>@</c>; sources and lets where a pipeline
/// starts; and inside a step, the columns flowing into it (with their types), the functions (with signatures)
/// and the parameters. The columns come from binding the text up to the step's <c>|</c>, so they are right
/// while the step being typed does not parse yet.
/// </summary>
public static class CompletionProvider
{
    // LSP CompletionItemKind values.
    private const int Function = 3, Field = 5, Class = 7, Unit = 11, Keyword = 14, Constant = 21;

    private static readonly string[] Units = ["m", "km", "mi", "ft", "m2", "km2", "mi2", "ha", "days", "hours", "minutes", "seconds", "weeks", "months", "quarters", "years"];
    private static readonly string[] RelationKeywords = ["join", "inner", "left", "right", "full", "spatial_join", "spatial_filter", "union", "nearest", "with", "component"];

    public static CompletionList Complete(DocumentAnalysis analysis, int offset)
    {
        if (!analysis.IsCwf) return new CompletionList(false, []);
        var tokens = analysis.Tokens;
        int at = TokenCursor.At(tokens, offset);
        // The word being typed is replaced by the choice; what stands before it decides what to offer.
        bool typing = at >= 0 && (TokenCursor.IsName(tokens[at]) || tokens[at].Kind is SyntaxTokenKind.Keyword or SyntaxTokenKind.Unit or SyntaxTokenKind.Parameter);
        int current = typing ? at : TokenCursor.Before(tokens, offset);
        if (current >= 0 && tokens[current].Kind is SyntaxTokenKind.String or SyntaxTokenKind.QuotedName or SyntaxTokenKind.Error
            && tokens[current].Span.Start < offset && (offset < tokens[current].Span.End || tokens[current].Kind == SyntaxTokenKind.Error))
            return InString(analysis, tokens, current);
        int previous = typing ? TokenCursor.Previous(tokens, at) : current;
        if (typing && tokens[at].Kind == SyntaxTokenKind.Parameter || previous >= 0 && tokens[previous].Text == "@")
            return List(Parameters(analysis, withAt: false));
        if (previous < 0) return List(StatementKeywords());
        var before = tokens[previous];
        if (before.Kind == SyntaxTokenKind.Pipe) return List(StepKeywords());
        if (before.Kind == SyntaxTokenKind.Number || typing && tokens[at].Kind == SyntaxTokenKind.Unit) return List(Units.Select(u => new CompletionItem(u, Unit)));
        if (before.Text == "=" && TokenCursor.Previous(tokens, previous) is >= 0 and var declared && TokenCursor.Previous(tokens, declared) is >= 0 and var source
            && tokens[source].Text.Equals("source", StringComparison.OrdinalIgnoreCase))
            return List(SourceKinds.Select(k => new CompletionItem(k, Keyword) { Detail = "source" }));
        if (before.Kind == SyntaxTokenKind.Keyword && (before.Text is "output" || RelationKeywords.Contains(before.Text))
            || before.Text == "=" && TokenCursor.Previous(tokens, previous) is >= 0 and var named && TokenCursor.Previous(tokens, named) is >= 0 and var let && tokens[let].Text == "let")
            return List(Relations(analysis));
        int pipe = TokenCursor.StepPipe(tokens, previous);
        if (pipe < 0) return List(StatementKeywords().Concat(Relations(analysis)));
        var columns = InputColumns(analysis, tokens, pipe);
        return List(columns.Concat(Functions()).Concat(Parameters(analysis, withAt: true)));
    }

    private static CompletionList List(IEnumerable<CompletionItem> items) => new(false, [.. items]);

    // Inside `table "...`: the catalog's tables; elsewhere in a string, nothing.
    private static CompletionList InString(DocumentAnalysis analysis, ImmutableArray<SyntaxToken> tokens, int index)
    {
        int previous = TokenCursor.Previous(tokens, index);
        if (previous < 0 || tokens[previous].Text != "table") return List([]);
        return List(analysis.Catalog.TableNames.Select(t => new CompletionItem(t.ToString(), Class)
        {
            Detail = analysis.Catalog.Find(t) is { } schema ? string.Join(", ", schema.Columns.Select(c => $"{c.Name}: {c.Type.Name()}")) : null,
        }));
    }

    // What a source reads: a table, rows written in the program, a file imported by the toolbox.
    private static readonly string[] SourceKinds = ["table", "values", "import"];

    private static IEnumerable<CompletionItem> StatementKeywords() =>
        new[] { "workflow", "param", "const", "source", "let", "output", "assert" }.Select(k => new CompletionItem(k, Keyword));

    private static IEnumerable<CompletionItem> StepKeywords()
    {
        string[] grammar = ["filter", "split", "select", "derive", "rename", "drop", "sort", "take", "distinct", "group", "summarize", "join",
            "left", "spatial_join", "spatial_filter", "nearest", "union", "buffer", "centroid", "area", "distance", "point", "h3", "h3_boundary", "sql", "call"];
        return grammar.Concat(ComponentCatalog.Default.Steps.Keywords).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(k => new CompletionItem(k, Keyword) { Detail = "step" });
    }

    private static IEnumerable<CompletionItem> Relations(DocumentAnalysis analysis) =>
        analysis.Syntax is { } program
            ? Declarations.Of(program).Values.Where(d => d.Kind != DeclarationKind.Parameter)
                .Select(d => new CompletionItem(d.Name, Class) { Detail = d.Kind == DeclarationKind.Source ? "source" : "let" })
            : [];

    private static IEnumerable<CompletionItem> Parameters(DocumentAnalysis analysis, bool withAt) =>
        analysis.Syntax is { } program
            ? Declarations.Of(program).Values.Where(d => d.Kind == DeclarationKind.Parameter)
                .Select(d => new CompletionItem(withAt ? "@" + d.Name : d.Name, Constant) { Detail = "parameter" })
            : [];

    private static IEnumerable<CompletionItem> Functions() =>
        FunctionCatalog.AllNames.Distinct(StringComparer.OrdinalIgnoreCase).Select(name =>
        {
            var signatures = FunctionSignatures.Of(name) ?? [];
            return new CompletionItem(name, Function)
            {
                Detail = signatures.Count > 0 ? signatures[0].Signature : null,
                Documentation = signatures.Count > 0 ? MarkupContent.Markdown(string.Join("\n\n", signatures.Select(s => $"`{s.Signature}`: {s.Description}"))) : null,
                SortText = "2" + name,
            };
        });

    /// <summary>The columns flowing into the step that starts at the <c>|</c> token: the text before it is bound on its own.</summary>
    private static IEnumerable<CompletionItem> InputColumns(DocumentAnalysis analysis, ImmutableArray<SyntaxToken> tokens, int pipe)
    {
        int pipeOffset = tokens[pipe].Span.Start;
        int statementStart = TokenCursor.StatementStart(tokens, pipe) is >= 0 and var s ? tokens[s].Span.Start : 0;
        var prefix = new SourceText(analysis.Source.Path, analysis.Source.Text[..pipeOffset]);
        var bound = CwfFrontEnd.Compile(prefix, analysis.Catalog, new BindOptions { DefaultWorkflowName = "workflow" });
        var schema = bound.Scopes.Where(scope => scope.Span.Start >= statementStart && scope.Span.End <= pipeOffset)
            .OrderBy(scope => scope.Span.End).LastOrDefault()?.Output;
        return schema is null ? [] : Columns(schema);
    }

    private static IEnumerable<CompletionItem> Columns(Schema schema) =>
        schema.Columns.Select((c, i) => new CompletionItem(c.Name, Field)
        {
            Detail = c.Type.Name() + (c.Nullable ? "" : " not null"),
            SortText = "1" + i.ToString("D4"),
        });
}
