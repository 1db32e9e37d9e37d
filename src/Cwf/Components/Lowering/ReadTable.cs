using Cwf.Ir;

namespace Cwf.Components;

public static partial class ComponentLowering
{
    /// <summary><c>ReadTable</c>: a scan of a table whose schema the caller found (node schema or catalog).</summary>
    public static int ReadTable(LoweringContext cx, TableName table, Schema schema, StepInfo step) =>
        cx.Builder.Scan(table, schema, step.Name, step.Origin).Id;
}
