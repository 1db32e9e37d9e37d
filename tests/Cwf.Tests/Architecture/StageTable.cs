using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Architecture;

/// <summary>One row of the allowed-dependency table: the stages and libraries a stage may use.</summary>
public sealed record StageRule(string Stage, IReadOnlySet<string> Stages, IReadOnlySet<string> Libraries);

/// <summary>
/// The allowed-dependency table of spec/architecture.md (the table is the rule; this reads it):
/// rows <c>| stage | may use | libraries | why |</c>, the lists comma-separated.
/// </summary>
public static class StageTable
{
    public const string SpecPath = "spec/architecture.md";

    private const string Header = "| stage | may use | libraries | why |";

    public static IReadOnlyDictionary<string, StageRule> Read()
    {
        var lines = File.ReadAllLines(RepoPaths.Combine(SpecPath));
        int header = Array.IndexOf(lines, Header);
        if (header < 0) throw new InvalidOperationException($"{SpecPath} has no line '{Header}' heading the dependency table.");
        var rules = new Dictionary<string, StageRule>(StringComparer.Ordinal);
        // The header, then the |---| separator, then one row per stage up to the first line that is not a row.
        foreach (var line in lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')))
        {
            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length != 6) throw new InvalidOperationException($"{SpecPath}: a row needs four cells: {line}");
            rules.Add(cells[1], new StageRule(cells[1], List(cells[2]), List(cells[3])));
        }
        return rules;
    }

    private static IReadOnlySet<string> List(string cell) =>
        cell.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
}
