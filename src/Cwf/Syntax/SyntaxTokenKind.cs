namespace Cwf.Syntax;

/// <summary>What a token of .cwf text is, as an editor colours it (<see cref="CwfTokens"/>).</summary>
public enum SyntaxTokenKind
{
    Keyword,
    Name,
    QuotedName,
    String,
    Number,
    Unit,
    Parameter,
    Comment,
    Pipe,
    Operator,
    Punctuation,
    Error,
}
