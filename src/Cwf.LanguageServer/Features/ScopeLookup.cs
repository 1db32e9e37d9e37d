using Cwf.Binding;
using Cwf.LanguageServer.Documents;
using Cwf.Syntax;
using Cwf.Text;

namespace Cwf.LanguageServer.Features;

/// <summary>The binder's columns at a place of a program (<see cref="StepScope"/>), and where a column came from.</summary>
public static class ScopeLookup
{
    /// <summary>The innermost scope (step or name) whose span touches the offset, or null.</summary>
    public static StepScope? At(DocumentAnalysis analysis, int offset)
    {
        StepScope? best = null;
        foreach (var scope in analysis.Scopes)
            if (TokenCursor.Touches(scope.Span, offset) && (best is null || scope.Span.Length < best.Span.Length)) best = scope;
        return best;
    }

    /// <summary>The statement whose span touches the offset, or null.</summary>
    public static StatementSyntax? StatementAt(ProgramSyntax program, int offset) =>
        program.Statements.FirstOrDefault(s => TokenCursor.Touches(s.Span, offset));

    /// <summary>The scopes of a statement's pipeline in text order: its first name, then each step (a let's own name left out).</summary>
    public static List<StepScope> Chain(DocumentAnalysis analysis, StatementSyntax statement)
    {
        var declared = statement switch
        {
            LetStatementSyntax l => l.Names.Select(n => n.Span).ToHashSet(),
            _ => [],
        };
        return [.. analysis.Scopes.Where(s => s.Span.Start >= statement.Span.Start && s.Span.End <= statement.Span.End && !declared.Contains(s.Span))
            .OrderBy(s => s.Span.Start)];
    }

    /// <summary>
    /// Where a column seen at <paramref name="offset"/> was introduced: the step that wrote it (its name there:
    /// a derive's name, an alias, <see cref="ColumnIntroductions"/>), or the step that added it (the column's
    /// name there when it is written, else the step), or the declaration of the source it comes from, following
    /// the lets it flows through. A name a step writes is a new column, even where one of that name flowed in;
    /// the step's other names read the column flowing in. Null when unknown.
    /// </summary>
    public static TextSpan? Origin(DocumentAnalysis analysis, int offset, string column)
    {
        if (analysis.Syntax is not { } program || StatementAt(program, offset) is not { } statement) return null;
        var declarations = Declarations.Of(program);
        var chain = Chain(analysis, statement);
        int index = chain.FindLastIndex(s => s.Span.Start <= offset);
        // Each round looks at one statement's pipeline; a column that comes with its first name continues in the statement declaring that name.
        for (int rounds = 0; rounds <= program.Statements.Count && index >= 0; rounds++)
        {
            var steps = StepsOf(statement);
            for (int i = index; i >= 1; i--)
            {
                var scope = chain[i];
                var written = steps.TryGetValue(scope.Span, out var step) ? ColumnIntroductions.Find(step, column) : null;
                // In the step under the offset only the written name itself is the new column.
                bool under = rounds == 0 && i == index;
                if (written is not null && (!under || TokenCursor.Touches(written.Span, offset))) return written.Span;
                bool comesIn = scope.Input?.Contains(column) == true;
                if (!comesIn && scope.Output?.Contains(column) == true) return NameIn(analysis, scope.Span, column) ?? scope.Span;
            }
            if (chain.Count == 0 || statement is SourceStatementSyntax or ValuesStatementSyntax or ImportStatementSyntax) break;
            var head = analysis.Source.ToString(chain[0].Span);
            if (!declarations.TryGetValue(head, out var declaration)) return null;
            statement = declaration.Statement;
            chain = Chain(analysis, statement);
            index = chain.Count - 1;
        }
        return statement switch
        {
            SourceStatementSyntax { Schema: { } columns } => columns.FirstOrDefault(c => Same(c.Name.Name, column))?.Name.Span ?? ((SourceStatementSyntax)statement).Name.Span,
            SourceStatementSyntax s => s.Name.Span,
            ValuesStatementSyntax v => v.Schema.FirstOrDefault(c => Same(c.Name.Name, column))?.Name.Span ?? v.Name.Span,
            ImportStatementSyntax i => i.Schema?.FirstOrDefault(c => Same(c.Name.Name, column))?.Name.Span ?? i.Name.Span,
            _ => null,
        };
    }

    // A statement's pipeline steps by their spans (the spans of their scopes).
    private static Dictionary<TextSpan, StepSyntax> StepsOf(StatementSyntax statement)
    {
        var pipeline = statement switch
        {
            LetStatementSyntax l => l.Pipeline,
            OutputStatementSyntax o => o.Pipeline,
            _ => null,
        };
        var steps = new Dictionary<TextSpan, StepSyntax>();
        if (pipeline is not null)
            foreach (var step in pipeline.Steps) steps.TryAdd(step.Span, step);
        return steps;
    }

    private static TextSpan? NameIn(DocumentAnalysis analysis, TextSpan span, string column)
    {
        foreach (var token in analysis.Tokens)
        {
            if (token.Span.Start < span.Start) continue;
            if (token.Span.Start >= span.End) break;
            if ((TokenCursor.IsName(token) || token.Kind == SyntaxTokenKind.Keyword) && Same(TokenCursor.NameOf(token), column)) return token.Span;
        }
        return null;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
