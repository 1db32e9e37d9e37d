using Cwf.Ir;
using Cwf.Text;

namespace Cwf.Syntax;

/// <summary>
/// A whole .cwf program: its statements in order and the comments after the last one.
/// <see cref="Source"/> is the text it was parsed from (null for a tree built in code).
/// </summary>
public sealed record ProgramSyntax(Seq<StatementSyntax> Statements) : SyntaxNode
{
    public SourceText? Source { get; init; }
    public Seq<CommentSyntax> TrailingComments { get; init; } = [];
}
