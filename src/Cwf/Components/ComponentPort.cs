namespace Cwf.Components;

/// <summary>A table input of a component (an edge target handle).</summary>
/// <param name="Multiple">Takes several edges (only native.unionall's <c>tables</c>).</param>
public sealed record ComponentPort(string Name, bool Required = true, bool Multiple = false)
{
    /// <summary>The usual single input, <c>source</c>.</summary>
    public static ComponentPort Source { get; } = new("source");
}
