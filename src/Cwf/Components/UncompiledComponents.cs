using System.Collections.Frozen;

namespace Cwf.Components;

/// <summary>
/// Components of the product that cwf has seen in real exports but does not compile, with why: the opaque-component
/// warning (CWF2811) of such a node says so instead of the generic "not understood" (spec/canvas.md).
/// </summary>
internal static class UncompiledComponents
{
    private static readonly FrozenDictionary<string, (string Why, string Hint)> Known = new Dictionary<string, (string, string)>
    {
        ["SaveToBucketAndNotify"] = (
            "Send by Email exports the table to CARTO's own storage bucket and calls CARTO's notification API with the account's token, neither of which is a documented toolbox procedure",
            "save the table (native.saveastable) and send it from outside the workflow"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The ids, which this file is the one place to write (as a descriptor file is for a compiled component).</summary>
    public static IEnumerable<string> Ids => Known.Keys;

    /// <summary>Why cwf does not compile <paramref name="component"/>, and what to do instead; null for a component cwf has not seen.</summary>
    public static (string Why, string Hint)? Reason(string component) => Known.TryGetValue(component, out var reason) ? reason : null;
}
