namespace Cwf.Driver;

/// <summary>What an input file holds; decided by its content, with the extension as a tie-breaker.</summary>
public enum InputKind
{
    /// <summary>.cwf program text.</summary>
    Cwf,
    /// <summary>A canvas export or CLI bundle (JSON).</summary>
    CanvasJson,
    /// <summary>Generated SQL whose leading comment embeds the canvas JSON.</summary>
    CanvasSql,
}
