using Cwf.Interpretation;

namespace Cwf.Tests.Optimization;

internal static class Results
{
    /// <summary>
    /// Every written table with its rows sorted, then the diagnostics: passes keep the multiset of
    /// rows an output receives, not their order.
    /// </summary>
    public static string Describe(InterpretationResult result) =>
        string.Join("\n", result.Outputs.Tables.Select(t =>
        {
            var lines = t.Table.Format().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return $"{t.Name}\n{lines[0]}\n" + string.Join("\n", lines.Skip(1).Order(StringComparer.Ordinal));
        })) + "\n" + string.Join("\n", result.Diagnostics);
}
