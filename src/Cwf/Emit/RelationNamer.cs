using System.Text;
using Cwf.Ir;
using Cwf.Text;

namespace Cwf.Emit;

/// <summary>
/// Stable names for the relations the emitter creates (CTEs, temporary tables, views), derived
/// from the node names: lower-case snake_case, never a reserved word, unique within the script,
/// distinct from the unqualified tables the workflow reads or writes, and at most 63 bytes
/// (PostgreSQL's limit, the smallest of the dialects) — longer names are cut and end in a hash
/// of the full name, so the same workflow always gets the same names.
/// </summary>
public sealed class RelationNamer
{
    public const int MaxLength = 63;

    private readonly HashSet<string> _taken;
    private readonly Func<string, bool> _isReserved;

    // The next suffix to try per base name, so that n steps with one name cost O(n), not O(n²).
    private readonly Dictionary<string, int> _nextSuffix = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="reserved">Names that must not be used (unqualified table names of the workflow).</param>
    /// <param name="isReservedWord">The reserved words of the target (<see cref="Dialect.IsReserved"/>); by default the shared list.</param>
    /// <param name="capacity">About how many names will be made, where the caller knows it.</param>
    public RelationNamer(IEnumerable<string> reserved, Func<string, bool>? isReservedWord = null, int capacity = 0)
    {
        _taken = new HashSet<string>(capacity, StringComparer.OrdinalIgnoreCase);
        foreach (var name in reserved) _taken.Add(name);
        _isReserved = isReservedWord ?? ReservedWords.IsReserved;
    }

    /// <summary>A new unique name from a node's name, or from its kind and id when it has none.</summary>
    public string Next(RelNode node, string prefix = "", string suffix = "")
    {
        var baseName = Sanitize(node.Name);
        if (baseName.Length == 0) baseName = KindName(node) + "_" + node.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        baseName = prefix + baseName + suffix;
        if (_isReserved(baseName)) baseName += "_";

        var candidate = Fit(baseName, "");
        if (_taken.Add(candidate)) return candidate;
        // Taken: the next suffix is kept only for base names met again, most names are not.
        int n = _nextSuffix.GetValueOrDefault(baseName, 2);
        do candidate = Fit(baseName, "_" + (n++).ToString(System.Globalization.CultureInfo.InvariantCulture));
        while (!_taken.Add(candidate));
        _nextSuffix[baseName] = n;
        return candidate;
    }

    /// <summary>
    /// A name derived from a table's name with a prefix (<c>cwf_new_orders</c>), sanitized and cut
    /// as the script's other names are; it lives beside the table, not among the script's relations.
    /// </summary>
    public static string ForTable(string prefix, string table) => Fit(prefix + Sanitize(table), "");

    /// <summary>Lower-case letters, digits and single underscores; a leading digit gets an <c>n_</c> prefix.</summary>
    public static string Sanitize(string name)
    {
        var text = AsciiFolding.Fold(name);
        return text.Length > 0 && char.IsAsciiDigit(text[0]) ? "n_" + text : text;
    }

    /// <summary>The name with a suffix, cut to <see cref="MaxLength"/>: a cut name keeps a hash of the whole.</summary>
    private static string Fit(string name, string suffix)
    {
        if (name.Length + suffix.Length <= MaxLength) return name + suffix;
        var hash = "_" + Fnv1a(name).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        return name[..(MaxLength - hash.Length - suffix.Length)].TrimEnd('_') + hash + suffix;
    }

    // A fixed hash (string.GetHashCode differs between runs).
    private static uint Fnv1a(string text)
    {
        uint hash = 2166136261;
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 16777619;
        }
        return hash;
    }

    // In SQL an opaque step is custom SQL (an unknown component is refused), hence custom_<id>.
    private static string KindName(RelNode node) => node is OpaqueNode ? "custom" : node.OperatorName;
}
