namespace Cwf.Emit;

/// <summary>
/// The CTEs of a statement, each <c>name AS (</c>, its query and <c>),</c> (the last <c>)</c>), as one entry of the
/// statement's block (<see cref="SqlBlock.Ctes"/>): each CTE's name and query are read when the statement is written,
/// so a statement of n CTEs keeps one entry and what lists them, not three entries a CTE.
/// </summary>
internal abstract class SqlCteList
{
    public abstract int Count { get; }

    public abstract string Name(int index);

    /// <summary>The CTE's query: a block not changed once the list is appended.</summary>
    public abstract SqlBlock Query(int index);
}
