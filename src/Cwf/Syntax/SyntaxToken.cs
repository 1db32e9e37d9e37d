using Cwf.Text;

namespace Cwf.Syntax;

/// <summary>One token of .cwf text with its span and kind (comments included), for tools that work below the syntax tree.</summary>
public readonly record struct SyntaxToken(TextSpan Span, SyntaxTokenKind Kind, string Text);
