using Cwf.Ir;
using Cwf.Text;

namespace Cwf.Syntax;

/// <summary>
/// A node of the .cwf syntax tree: an immutable record that remembers where it was written.
/// Nodes built without source text (the canvas decompiler builds trees from JSON) keep the
/// default span; the formatter prints them all the same.
/// </summary>
public abstract record SyntaxNode
{
    private TextSpan _span;

    public TextSpan Span { get => _span; init => _span = value; }

    /// <summary>
    /// Gives a node the parser has just made, which nothing else holds yet, its span: the node itself,
    /// where <c>with { Span = ... }</c> would copy it (the parser sets the span of every step and operand).
    /// </summary>
    internal static T Spanned<T>(T node, TextSpan span) where T : SyntaxNode
    {
        ((SyntaxNode)node)._span = span;
        return node;
    }
}

/// <summary>A name as the user wrote it, without quotes (quoting is the printer's business).</summary>
public sealed record IdentifierSyntax(string Name) : SyntaxNode
{
    public override string ToString() => Name;
}

/// <summary>A comment with its delimiters (<c>// note</c>, <c>/* note */</c>, <c>-- note</c>).</summary>
public sealed record CommentSyntax(string Text) : SyntaxNode
{
    public bool IsBlock => Text.StartsWith("/*", StringComparison.Ordinal);

    /// <summary>A line comment from plain text (a canvas note line, say).</summary>
    public static CommentSyntax Line(string text) => new("// " + text.TrimEnd());
}

/// <summary>
/// A node that owns comments: a statement, a pipeline step or a column declaration. Leading
/// comments stand on their own lines before it; trailing comments follow it on its last line.
/// </summary>
public abstract record CommentedSyntax : SyntaxNode
{
    public Seq<CommentSyntax> LeadingComments { get; init; } = [];
    public Seq<CommentSyntax> TrailingComments { get; init; } = [];
}
