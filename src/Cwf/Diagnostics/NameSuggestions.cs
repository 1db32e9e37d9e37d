namespace Cwf.Diagnostics;

/// <summary>"Did you mean ...?" hints: the closest candidates by edit distance, ignoring case.</summary>
public static class NameSuggestions
{
    // Edit distance is quadratic in the lengths: names this long are not typos of an identifier.
    private const int Longest = 64;

    /// <summary>The best candidate within a distance proportional to the name's length, or null.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        if (name.Length > Longest) return null;
        string? best = null;
        int bestDistance = int.MaxValue;
        int limit = Math.Max(1, name.Length / 3);
        foreach (var candidate in candidates)
        {
            // A length that differs by more than the limit is a distance beyond it: no need to compute.
            if (candidate.Length > Longest || Math.Abs(candidate.Length - name.Length) > limit) continue;
            int d = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance || (d == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= limit ? best : null;
    }

    /// <summary>"did you mean '<paramref name="prefix"/>x'?" for the closest candidate x; empty when none is close.</summary>
    public static string DidYouMean(string name, IEnumerable<string> candidates, string prefix = "") =>
        Closest(name, candidates) is { } best ? $"did you mean '{prefix}{best}'?" : "";

    /// <summary>Whether a word is within the suggestion distance of one of a few keywords.</summary>
    public static bool IsNear(string word, IEnumerable<string> keywords) => Closest(word, keywords) is not null;

    /// <summary>A hint line: "did you mean 'x'?" when one is close, else the list of valid names (shortened).</summary>
    public static string Hint(string name, IReadOnlyCollection<string> candidates, string what = "columns")
    {
        if (DidYouMean(name, candidates) is { Length: > 0 } suggestion) return suggestion;
        if (candidates.Count == 0) return $"there are no {what}";
        const int shown = 12;
        var list = string.Join(", ", candidates.Take(shown).Select(c => $"'{c}'"));
        return $"available {what}: {list}{(candidates.Count > shown ? $", ... ({candidates.Count} in all)" : "")}";
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
