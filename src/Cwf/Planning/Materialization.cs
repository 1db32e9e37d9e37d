namespace Cwf.Planning;

/// <summary>How the result of one IR node reaches the statements that read it (a byte: the emitter keeps one a node).</summary>
public enum Materialization : byte
{
    /// <summary>A common table expression in each statement that needs it (the default).</summary>
    Cte,
    /// <summary>A temporary table computed once before the output statements (shared or expensive results).</summary>
    TempTable,
    /// <summary>A view created before the output statements and dropped after (where temp tables are unavailable).</summary>
    View,
}
