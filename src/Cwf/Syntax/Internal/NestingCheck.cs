using G = Cwf.Syntax.Generated;

namespace Cwf.Syntax.Internal;

/// <summary>
/// Measures, before parsing, how deeply a token range nests (parentheses, CASE ... END, runs
/// of prefix operators): the parser recurses once per level, so input beyond
/// <see cref="SyntaxLimits.MaxExpressionDepth"/> is rejected here instead of being parsed.
/// </summary>
internal static class NestingCheck
{
    /// <summary>The maximum nesting and the index of the first token that exceeds the limit (or -1).</summary>
    public static (int MaxDepth, int Offender) Measure(TokenList tokens, int first, int last)
    {
        int depth = 0, max = 0, offender = -1, prefixRun = 0;
        for (int i = first; i <= last; i++)
        {
            int type = tokens.Type(i);
            bool prefix = type == G.CwfLexer.NOT ||
                          (type is G.CwfLexer.MINUS or G.CwfLexer.PLUS && (i == first || !TokenFacts.EndsValue(tokens.Type(i - 1))));
            prefixRun = prefix ? prefixRun + 1 : 0;
            switch (type)
            {
                case G.CwfLexer.LPAREN or G.CwfLexer.CASE:
                    depth++;
                    break;
                case G.CwfLexer.RPAREN or G.CwfLexer.END:
                    depth = Math.Max(0, depth - 1);
                    break;
            }
            int current = depth + prefixRun;
            if (current > max) max = current;
            if (offender < 0 && current > SyntaxLimits.MaxExpressionDepth) offender = i;
        }
        return (max, offender);
    }
}
