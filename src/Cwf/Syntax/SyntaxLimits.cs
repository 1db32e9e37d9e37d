namespace Cwf.Syntax;

/// <summary>
/// Limits that keep every stage's recursion over one expression bounded (the IR promises its
/// consumers that expression depth is limited). Deeper input is reported as CWF9002.
/// </summary>
public static class SyntaxLimits
{
    /// <summary>
    /// The deepest expression accepted: nesting of parentheses, CASE and prefix operators, and
    /// the length of an operator chain such as <c>a + b + c</c> (which nests left to right).
    /// </summary>
    public const int MaxExpressionDepth = 500;
}
