using Cwf.Diagnostics;

namespace Cwf.Binding;

/// <summary>Formats "did you mean" hints from <see cref="NameSuggestions"/>; empty when nothing is close.</summary>
internal static class Suggest
{
    public static string DidYouMean(string name, IEnumerable<string> candidates, string prefix = "") =>
        NameSuggestions.Closest(name, candidates) is { } best ? $"did you mean '{prefix}{best}'?" : "";
}
