namespace Cwf.Syntax;

/// <summary>
/// A type as written, lower-cased with single spaces: a cwf name (<c>int64</c>, <c>geography</c>)
/// or a warehouse name (<c>varchar(20)</c>, <c>double precision</c>). The binder resolves it.
/// </summary>
public sealed record TypeSyntax(string Text) : SyntaxNode
{
    public override string ToString() => Text;
}
