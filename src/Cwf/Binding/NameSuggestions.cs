namespace Cwf.Binding;

/// <summary>
/// "Did you mean ...?": the known names closest to a misspelled one by edit distance
/// (optimal string alignment, ignoring case), so that a transposition counts as one edit.
/// </summary>
public static class NameSuggestions
{
    /// <summary>
    /// Up to <paramref name="max"/> candidates within the allowed distance (by default a third of
    /// the name's length, at least 1 and at most 3), closest first, ties in ordinal order.
    /// </summary>
    public static IReadOnlyList<string> Closest(string name, IEnumerable<string> candidates, int? maxDistance = null, int max = 3)
    {
        int limit = maxDistance ?? Math.Clamp(name.Length / 3, 1, 3);
        return candidates
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(c => (Name: c, Distance: Distance(name, c, limit)))
            .Where(x => x.Distance <= limit && !string.Equals(x.Name, name, StringComparison.Ordinal))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.Name)
            .ToList();
    }

    /// <summary>The hint text for the closest names, or null when none is close.</summary>
    public static string? Hint(string name, IEnumerable<string> candidates, Func<string, string>? quote = null)
    {
        var close = Closest(name, candidates);
        quote ??= n => $"'{n}'";
        return close.Count == 0 ? null : "did you mean " + string.Join(" or ", close.Select(quote)) + "?";
    }

    /// <summary>Optimal string alignment distance ignoring case, or <c>limit + 1</c> once it is certainly larger.</summary>
    public static int Distance(string a, string b, int limit = int.MaxValue - 1)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > limit) return limit + 1;
            (previous2, previous, current) = (previous, current, previous2);
        }
        return previous[b.Length];
    }
}
