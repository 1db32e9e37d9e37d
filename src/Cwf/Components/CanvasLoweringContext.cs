using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components;

/// <summary>
/// A canvas node being lowered: besides the values and inputs every component reads, what only a canvas has
/// (SQL fragments that are select lists or whole queries, the node's declared schema, the catalog).
/// </summary>
public abstract class CanvasLoweringContext(WorkflowBuilder builder, DiagnosticBag diagnostics) : ComponentLoweringContext(builder, diagnostics)
{
    /// <summary><c>native.select</c>'s list (its <c>select</c> input) over the input (<c>*</c> expands); a list cwf cannot analyse becomes custom SQL.</summary>
    public abstract int? SelectList(int input);

    /// <summary>
    /// A custom SQL query over the connected inputs, given as (placeholder index: 0 for <c>$a</c>, IR node),
    /// with the result schema the node declares or cwf can infer.
    /// </summary>
    public abstract int? Query(string sql, IReadOnlyList<(int Placeholder, int Node)> inputs);

    /// <summary>A procedure's CALL statement over the connected inputs (as <see cref="Query"/>), with the result schema the node declares, else open.</summary>
    public abstract int? Call(string statement, IReadOnlyList<(int Placeholder, int Node)> inputs);

    /// <summary>The columns the node declares (its <c>data.schema</c>), or null.</summary>
    public abstract Schema? DeclaredSchema { get; }

    /// <summary>A source table's columns: the node's <c>data.schema</c>, else the catalog's; null after reporting that they are unknown.</summary>
    public abstract Schema? TableSchema(TableName table, string parameter);
}
