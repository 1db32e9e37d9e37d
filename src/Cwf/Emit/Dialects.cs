using System.Collections.Immutable;

namespace Cwf.Emit;

/// <summary>
/// The registry of SQL dialects: every sealed <see cref="Dialect"/> of this assembly, found by
/// reflection and ordered by name, so that a dialect is its one file in Emit/Dialects.
/// </summary>
public static class Dialects
{
    public static ImmutableArray<Dialect> All { get; } =
    [
        .. typeof(Dialect).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Dialect)) && !t.IsAbstract)
            .Select(t => (Dialect)Activator.CreateInstance(t)!)
            .OrderBy(d => d.Name, StringComparer.Ordinal),
    ];

    /// <summary>The names <c>--dialect</c> accepts, for messages.</summary>
    public static IEnumerable<string> Names => All.Select(d => d.Name);

    /// <summary>The dialect with this name or alias (ignoring case: <c>postgresql</c>, <c>databricksWarehouse</c>, <c>bq</c>...), or null.</summary>
    public static Dialect? Find(string name)
    {
        var key = name.Trim();
        return All.FirstOrDefault(d =>
            string.Equals(d.Name, key, StringComparison.OrdinalIgnoreCase) ||
            d.Aliases.Any(a => string.Equals(a, key, StringComparison.OrdinalIgnoreCase)));
    }
}
