using Cwf.Ir;

namespace Cwf.Components;

public static partial class ComponentLowering
{
    /// <summary><c>native.saveastable</c>: writes the input to a table (replace or append).</summary>
    public static int SaveAsTable(LoweringContext cx, int input, TableName destination, WriteMode mode, StepInfo step) =>
        cx.Builder.Sink(input, destination, mode, step.Name, step.Origin).Id;
}
