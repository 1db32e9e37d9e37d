namespace Cwf.Interpretation.Evaluation;

/// <summary>
/// SQL LIKE without an escape character: <c>%</c> matches any run of characters, <c>_</c>
/// exactly one character (a Unicode code point), everything else itself, case-sensitively.
/// Linear backtracking on the last <c>%</c>, no regular expressions.
/// </summary>
internal static class LikePattern
{
    public static bool Matches(string input, string pattern)
    {
        var text = CodePoints(input);
        var pat = CodePoints(pattern);
        int t = 0, p = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pat.Length && pat[p] == '%')
            {
                starP = p++;
                starT = t;
            }
            else if (p < pat.Length && (pat[p] == '_' || pat[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }
        while (p < pat.Length && pat[p] == '%') p++;
        return p == pat.Length;
    }

    internal static int[] CodePoints(string s)
    {
        var result = new List<int>(s.Length);
        foreach (var rune in s.EnumerateRunes()) result.Add(rune.Value);
        return [.. result];
    }
}
