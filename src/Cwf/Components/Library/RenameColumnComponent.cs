using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary><c>native.renamecolumn</c>: the same columns in the same order, one renamed, <c>rename a to b</c>.</summary>
public sealed class RenameColumnComponent : StepComponent
{
    public override string Id => "native.renamecolumn";
    public override string Title => "Rename column";
    public override ComponentCategory Category => ComponentCategory.BasicSql;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("column"), new("newname", ParameterKind.String)];
    public override Seq<string> Keywords { get; } = ["rename"];
    public override ComponentDoc Doc { get; } = new("`rename old to new, ...`", "`Project`, same order, one renamed", "input, renamed");

    public override void Lower(CanvasLoweringContext cx)
    {
        if ((cx.Values.Column("column"), cx.Values.Text("newname")) is ({ } column, { } newName) && !cx.Values.Failed)
            cx.Output("result", ComponentLowering.RenameColumn(cx, cx.Input("source"), column, newName, cx.Values.LocationOf("newname"), cx.Step));
    }

    public override StepSyntax Decompile(ComponentDecompilingContext cx) =>
        new RenameStepSyntax([new RenamingSyntax(DecompiledSyntax.Name(cx.Values.Column("column")!.Name), new IdentifierSyntax(cx.Values.Text("newname")!))]);

    /// <summary>Each renaming is one node; qualified names of the column keep working under its new name.</summary>
    public override StepBinding? Bind(StepSyntax step, StepBinding cx)
    {
        var current = cx;
        foreach (var renaming in ((RenameStepSyntax)step).Renamings)
        {
            if (current.Column(renaming.Column) is not { } column) return null;
            var id = ComponentLowering.RenameColumn(current.Lowering, current.Node, column, renaming.NewName.Name, current.Locate(renaming.NewName), current.Step);
            if (id is not { } node) return null;
            current = current.Renamed(node, column.Name, renaming.NewName.Name);
        }
        return current;
    }
}

public static partial class ComponentLowering
{
    /// <summary><c>native.renamecolumn</c>: same columns in the same order, one renamed.</summary>
    public static int? RenameColumn(LoweringContext cx, int input, ColumnArg column, string newName, Location newNameLocation, StepInfo step)
    {
        if (!cx.RequireKnownColumns(input, step, $"renaming '{column.Name}'") || cx.Resolve(input, column) is not { } source) return null;
        var schema = cx.Builder.SchemaOf(input);
        if (schema.Find(newName) is { } clash && !string.Equals(clash.Name, source.Name, StringComparison.OrdinalIgnoreCase))
        {
            cx.Diagnostics.Report(DiagnosticCodes.DuplicateOutputColumn, newNameLocation,
                $"cannot rename '{source.Name}' to '{newName}': a column '{clash.Name}' already exists", "drop or rename that column first");
            return null;
        }
        var columns = schema.Columns.Select(c => c.Name == source.Name ? new NamedExpr(newName, ExprFactory.Column(c)) : LoweringContext.PassThrough(c));
        return cx.Builder.Project(input, columns, step.Name, step.Origin).Id;
    }
}
