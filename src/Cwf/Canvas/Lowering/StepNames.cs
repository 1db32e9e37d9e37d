using Cwf.Text;

namespace Cwf.Canvas;

/// <summary>
/// Names for the canvas's steps, derived from node labels: lower-case identifiers
/// (<c>More than 500 students</c> → <c>more_than_500_students</c>), unique in the workflow, the
/// component's short name when there is no label. The IR nodes carry them (backends derive CTE
/// names from them) and the decompiler uses them as <c>let</c> names, so both agree.
/// </summary>
public sealed class StepNames
{
    private readonly Dictionary<string, string> _byNode = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _nextSuffix = new(StringComparer.OrdinalIgnoreCase);  // so that n equal labels cost O(n)

    /// <param name="reserved">Names that must not be used (language keywords, parameter names).</param>
    public StepNames(IEnumerable<string> reserved) => _used.UnionWith(reserved);

    /// <summary>The node's name (assigned on first request, so assignment order decides who gets the plain name).</summary>
    public string Of(CanvasNode node)
    {
        if (_byNode.TryGetValue(node.Id, out var name)) return name;
        string shortName = ShortName(node.Component);
        string stem = Sanitize(string.IsNullOrWhiteSpace(node.Label) ? shortName : node.Label, shortName);
        return _byNode[node.Id] = Fresh(stem);
    }

    /// <summary>A new unique name from a stem (for a second name of the same relation).</summary>
    public string Fresh(string stem)
    {
        var name = stem;
        int i = _nextSuffix.GetValueOrDefault(stem, 2);
        while (_used.Contains(name) || _used.Contains(name + UnmatchSuffix)) name = $"{stem}_{i++}";
        _nextSuffix[stem] = i;
        _used.Add(name);
        _used.Add(name + UnmatchSuffix);
        return name;
    }

    /// <summary>The name of a two-output filter's <c>unmatch</c> result.</summary>
    public string Unmatch(CanvasNode node) => Of(node) + UnmatchSuffix;

    public const string UnmatchSuffix = "_unmatch";

    /// <summary>The component id without its namespace: <c>native.buffer</c> → <c>buffer</c>.</summary>
    public static string ShortName(string component) =>
        component[(component.LastIndexOf('.') + 1)..] is { Length: > 0 } name && char.IsAsciiLetter(name[0]) ? name : "step";

    /// <summary>Letters and digits kept (accents dropped), everything else one underscore; a name starting with a digit gets <paramref name="prefix"/>.</summary>
    public static string Sanitize(string label, string prefix = "step")
    {
        var name = AsciiFolding.Fold(label);
        if (name.Length == 0) return Sanitize(prefix);
        if (char.IsAsciiDigit(name[0])) name = Sanitize(prefix) + "_" + name;
        return name.Length > 60 ? name[..60].TrimEnd('_') : name;
    }
}
