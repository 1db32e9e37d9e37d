using Cwf.Diagnostics;

namespace Cwf.Binding;

/// <summary>Formats "did you mean" hints from <see cref="NameSuggestions"/>; empty when nothing is close.</summary>
internal static class Suggest
{
    /// <summary>Names longer than this get no suggestion: the edit distance is quadratic in the lengths.</summary>
    private const int MaxLength = 64;

    public static string DidYouMean(string name, IEnumerable<string> candidates, string prefix = "")
    {
        if (name.Length > MaxLength) return "";
        // A candidate whose length differs by more than the allowed distance cannot be close.
        int limit = Math.Max(1, name.Length / 3);
        var near = candidates.Where(c => Math.Abs(c.Length - name.Length) <= limit);
        return NameSuggestions.Closest(name, near) is { } best ? $"did you mean '{prefix}{best}'?" : "";
    }

    /// <summary>Whether a word is within the suggestion distance of one of a few short keywords.</summary>
    public static bool IsNear(string word, IReadOnlyList<string> keywords) =>
        word.Length <= MaxLength && NameSuggestions.Closest(word, keywords) is not null;
}
