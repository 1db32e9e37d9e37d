namespace Cwf.Analysis;

/// <summary>The output formats of `cwf graph`.</summary>
public enum GraphFormat
{
    /// <summary>Graphviz DOT.</summary>
    Dot,
    /// <summary>A Mermaid flowchart (renders in GitHub markdown).</summary>
    Mermaid,
    /// <summary>Nodes and edges as JSON, for tools.</summary>
    Json,
}
