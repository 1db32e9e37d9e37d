namespace Cwf.Canvas;

/// <summary>
/// One entry of a node's <c>data.inputs</c>: its name, the type the canvas declared for it
/// (<c>Table</c> for edge-fed inputs), its value if any, and the JSON pointer of the entry.
/// The other keys (title, options, dataType, providers...) describe the UI and are not kept.
/// </summary>
public sealed record CanvasInput(string Name, string? DeclaredType, CanvasValue? Value, string Pointer)
{
    /// <summary>The pointer of the value itself (or of the entry when it has none).</summary>
    public string ValuePointer { get; init; } = Value is null ? Pointer : Pointer + "/value";

    /// <summary>Whether the input carries something (a missing value, null and "" count as empty).</summary>
    public bool HasValue => Value switch
    {
        null or NullValue => false,
        StringValue s => s.Value.Trim().Length > 0,
        ListValue l => l.Items.Count > 0,
        _ => true,
    };
}
