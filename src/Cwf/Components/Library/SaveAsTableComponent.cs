using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary><c>native.saveastable</c>: writes its input to a table, <c>output x -> table "s.t" mode replace|append</c>.</summary>
public sealed class SaveAsTableComponent : SinkComponent
{
    public override string Id => "native.saveastable";
    public override string Title => "Save as table";
    public override ComponentCategory Category => ComponentCategory.ImportExport;

    public override Seq<ComponentParameter> Parameters { get; } =
        [new("destination", ParameterKind.OutputTable), new("append", ParameterKind.Boolean, Required: false, Default: "false")];

    public override ComponentDoc Doc { get; } = new(
        "`output x -> table \"s.t\" mode replace\\|append` (a statement)",
        "`Sink` replace / append",
        "writes the table");

    public override void Lower(CanvasLoweringContext cx)
    {
        var (table, append) = (cx.Values.Table("destination"), cx.Values.Boolean("append"));
        if (table is null || cx.Values.Failed) return;
        cx.Output("", ComponentLowering.SaveAsTable(cx, cx.Input("source"), table, append == true ? WriteMode.Append : WriteMode.Replace, cx.Step));
    }

    public override OutputStatementSyntax Decompile(ComponentDecompilingContext cx)
    {
        var sink = (SinkNode)cx.Ir("")!;
        return new OutputStatementSyntax(new PipelineSyntax(cx.InputName("source"), []), new TableNameSyntax(sink.Table.ToString()), sink.Mode);
    }
}

public static partial class ComponentLowering
{
    /// <summary><c>native.saveastable</c>: writes the input to a table (replace or append).</summary>
    public static int SaveAsTable(LoweringContext cx, int input, TableName destination, WriteMode mode, StepInfo step) =>
        cx.Builder.Sink(input, destination, mode, step.Name, step.Origin).Id;
}
