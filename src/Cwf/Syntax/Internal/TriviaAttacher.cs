using Antlr4.Runtime;
using Cwf.Ir;
using Cwf.Text;
using G = Cwf.Syntax.Generated;

namespace Cwf.Syntax.Internal;

/// <summary>
/// Attaches every comment of the file to a statement, a pipeline step or a column declaration,
/// so that the formatter can print it back. A comment at the end of a line goes after the element
/// that ends there (trailing); any other comment goes before the element it precedes or sits in
/// (leading). Comments after the last statement belong to the program. No comment is dropped.
/// </summary>
internal sealed class TriviaAttacher(TokenList tokens)
{
    private readonly SourceText _source = tokens.Source;
    private int _next;

    /// <summary>Comments before the first statement, and those carried from one statement to the next.</summary>
    private List<CommentSyntax> _carried = [];

    /// <summary>Attaches the comments that lie before or inside this statement's tokens, or after them on its last line.</summary>
    public StatementSyntax Attach(StatementSyntax statement, int first, int last, int nextStart)
    {
        int lastEnd = tokens.Tokens[last].StopIndex + 1;
        int lastLine = tokens.EndLine(last);
        List<IToken>? inside = null;
        List<CommentSyntax>? trailing = null, carry = null;
        var leading = _carried;
        while (_next < tokens.Comments.Count && tokens.Comments[_next].StartIndex < nextStart)
        {
            var comment = tokens.Comments[_next++];
            if (comment.StartIndex < tokens.Tokens[first].StartIndex) leading.Add(Comment(comment));
            else if (comment.StartIndex < lastEnd) (inside ??= []).Add(comment);
            else if (carry is null && comment.Line == lastLine) (trailing ??= []).Add(Comment(comment));
            else (carry ??= []).Add(Comment(comment));
        }
        // An empty list of carried comments stays for the next statement.
        if (carry is not null || leading.Count > 0) _carried = carry ?? [];
        // A statement without comments (nearly every one of a long program) is kept as it was parsed.
        if (leading.Count == 0 && inside is null && trailing is null) return statement;
        inside ??= [];
        trailing ??= [];

        var elements = Elements(statement);
        var elementLeading = elements.Select(_ => new List<CommentSyntax>()).ToArray();
        var elementTrailing = elements.Select(_ => new List<CommentSyntax>()).ToArray();
        var statementTrailing = new List<CommentSyntax>();

        if (statement is not ErroneousStatementSyntax)
        {
            foreach (var comment in inside)
            {
                int target = TrailingTarget(comment, elements, first, last);
                if (target >= 0)
                {
                    elementTrailing[target].Add(Comment(comment));
                    continue;
                }
                int owner = elements.FindIndex(e => e.Span.Start < comment.StartIndex && comment.StartIndex < e.Span.End);
                if (owner < 0) owner = elements.FindIndex(e => e.Span.Start > comment.StartIndex);
                if (owner >= 0) elementLeading[owner].Add(Comment(comment));
                else leading.Add(Comment(comment));
            }
        }

        int endsLast = elements.FindLastIndex(e => e.Span.End == lastEnd);
        if (endsLast >= 0) elementTrailing[endsLast].AddRange(trailing);
        else statementTrailing.AddRange(trailing);

        var updated = new List<CommentedSyntax>(elements.Count);
        for (int i = 0; i < elements.Count; i++)
            updated.Add(elements[i] with
            {
                LeadingComments = elements[i].LeadingComments.AddRange(elementLeading[i]),
                TrailingComments = elements[i].TrailingComments.AddRange(elementTrailing[i]),
            });
        return WithElements(statement, updated) with
        {
            LeadingComments = statement.LeadingComments.AddRange(leading),
            TrailingComments = statement.TrailingComments.AddRange(statementTrailing),
        };
    }

    /// <summary>The comments after the last statement (or all of them in a file with no statement).</summary>
    public Seq<CommentSyntax> Remaining()
    {
        var rest = _carried;
        while (_next < tokens.Comments.Count) rest.Add(Comment(tokens.Comments[_next++]));
        return rest.ToSeq();
    }

    // An end-of-line comment after an element's last token (or after the comma that follows it).
    private int TrailingTarget(IToken comment, List<CommentedSyntax> elements, int first, int last)
    {
        int previous = tokens.LastTokenBefore(comment.StartIndex);
        if (previous < first) return -1;
        int commentEndLine = _source.GetPosition(comment.StopIndex).Line;
        bool endOfLine = tokens.EndLine(previous) == comment.Line && (previous + 1 > last || tokens.StartLine(previous + 1) > commentEndLine);
        if (!endOfLine) return -1;
        if (tokens.Type(previous) == G.CwfLexer.COMMA && previous > first) previous--;
        int end = tokens.Tokens[previous].StopIndex + 1;
        return elements.FindIndex(e => e.Span.End == end);
    }

    private CommentSyntax Comment(IToken token) => new(token.Text.TrimEnd()) { Span = TokenList.SpanOf(token) };

    private static List<CommentedSyntax> Elements(StatementSyntax statement) => statement switch
    {
        LetStatementSyntax l => [.. l.Pipeline.Steps],
        OutputStatementSyntax o => [.. o.Pipeline.Steps],
        SourceStatementSyntax { Schema: { } schema } => [.. schema],
        _ => [],
    };

    private static StatementSyntax WithElements(StatementSyntax statement, List<CommentedSyntax> elements) => statement switch
    {
        LetStatementSyntax l => l with { Pipeline = l.Pipeline with { Steps = elements.Cast<StepSyntax>().ToSeq() } },
        OutputStatementSyntax o => o with { Pipeline = o.Pipeline with { Steps = elements.Cast<StepSyntax>().ToSeq() } },
        SourceStatementSyntax { Schema: not null } s => s with { Schema = elements.Cast<ColumnDeclarationSyntax>().ToSeq() },
        _ => statement,
    };
}
