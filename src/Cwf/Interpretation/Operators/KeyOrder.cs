using Cwf.Ir;

namespace Cwf.Interpretation.Operators;

/// <summary>How one ordering key compares rows: its direction and where its NULLs go.</summary>
internal readonly record struct KeyOrder(bool Descending, bool NullsFirst)
{
    /// <summary>The orders of a window's or an ordered aggregate's keys, as written.</summary>
    public static KeyOrder[] Of(Seq<WindowKey> keys) => [.. keys.Select(k => new KeyOrder(k.Descending, k.NullsFirst))];
}
