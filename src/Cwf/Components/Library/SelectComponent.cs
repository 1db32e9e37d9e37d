using System.Runtime.InteropServices;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary><c>native.select</c>: the output is exactly the select list, <c>select a, b as c, *</c>.</summary>
public sealed class SelectComponent : StepComponent
{
    public override string Id => "native.select";
    public override string Title => "Select";
    public override ComponentCategory Category => ComponentCategory.BasicSql;
    public override Seq<ComponentPort> Inputs { get; } = [new("table")];
    public override Seq<ComponentParameter> Parameters { get; } = [new("select", ParameterKind.StringSql)];
    public override Seq<string> Keywords { get; } = ["select"];

    public override ComponentDoc Doc { get; } = new(
        "`select a, b as c, expr as d, *` (the same select list; window items `f(...) over (...) as name`)",
        "`Project` of the bound select list (`*` expands); window items computed by a `Window` below it",
        "as listed");

    public override void Lower(CanvasLoweringContext cx) => cx.Output("result", cx.SelectList(cx.Input("table")));

    public override StepSyntax Decompile(ComponentDecompilingContext cx) =>
        cx.Ir("result") is OpaqueNode opaque
            ? DecompiledSyntax.KeptAsSql(opaque.SqlTemplate!, null, "the select list")
            : new SelectStepSyntax(cx.SelectList("select"));

    public override StepBinding? Bind(StepSyntax step, StepBinding cx)
    {
        var items = ((SelectStepSyntax)step).Items;
        if (!items.Any(i => SelectExpressionComponent.WindowCallOf(i.Expression) is not null))
        {
            var columns = cx.SelectItems(items);
            if (columns is null) return null;
            return cx.Reshaped(ComponentLowering.Select(cx.Lowering, cx.Node, [.. columns.Select(c => (c.Column, cx.Locate(c.Site)))], cx.Step));
        }
        return BindWithWindows(items, cx);
    }

    /// <summary>
    /// A select list with window items (<c>select id, rank() over (...) as r</c>): a Window node computes
    /// them under names of its own, then the projection lists every item in order.
    /// </summary>
    private static StepBinding? BindWithWindows(Seq<SelectItemSyntax> items, StepBinding cx)
    {
        var input = cx.Lowering.Builder.SchemaOf(cx.Node);
        var calls = new Dictionary<SelectItemSyntax, WindowCall>();
        bool ok = true;
        foreach (var item in items)
        {
            if (SelectExpressionComponent.WindowCallOf(item.Expression) is not { } windowed) continue;
            if (item.Alias is null)
            {
                cx.Diagnostics.Report(DiagnosticCodes.UnnamedColumn, cx.Locate(item.Expression), "this window column needs a name", "add 'as name' after it");
                ok = false;
                continue;
            }
            var name = "cwf_window";
            for (int n = 2; input.Find(name) is not null && !input.IsOpen || calls.Values.Any(c => c.Name == name); n++)
                name = "cwf_window_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (cx.Window(windowed, name) is { } call) calls[item] = call;
            else ok = false;
        }
        var others = cx.SelectItems([.. items.Where(i => !calls.ContainsKey(i) && SelectExpressionComponent.WindowCallOf(i.Expression) is null)]);
        if (!ok || others is null) return null;

        int window = ComponentLowering.Window(cx.Lowering, cx.Node, [.. calls.Values], cx.Step with { Name = cx.Step.Name + "_window" });
        var computed = cx.Lowering.Builder.SchemaOf(window);
        var columns = new List<(NamedExpr, Location)>();
        foreach (var item in items)
        {
            if (calls.TryGetValue(item, out var call))
                columns.Add((new NamedExpr(item.Alias!.Name, ExprFactory.Column(computed.Find(call.Name)!)), cx.Locate(item)));
            else
                columns.AddRange(others.Where(c => ReferenceEquals(c.Site, item)).Select(c => (c.Column, cx.Locate(c.Site))));
        }
        return cx.Reshaped(ComponentLowering.Select(cx.Lowering, window, columns, cx.Step));
    }

    public override void Check(StepSyntax step, StepBinding open)
    {
        foreach (var item in ((SelectStepSyntax)step).Items.Where(i => i.Expression is not StarSyntax))
        {
            if (SelectExpressionComponent.WindowCallOf(item.Expression) is { } windowed) open.Window(windowed, item.Alias?.Name ?? "window");
            else open.Scalar(item.Expression, "this step");
        }
    }
}

public static partial class ComponentLowering
{
    /// <summary><c>native.select</c>: the output is exactly the bound select list.</summary>
    public static int? Select(LoweringContext cx, int input, IReadOnlyList<(NamedExpr Column, Location Location)> columns, StepInfo step)
    {
        if (columns.Count == 0)
        {
            cx.Diagnostics.Report(DiagnosticCodes.NoColumnsLeft, step.Origin, "the select list is empty");
            return null;
        }
        if (!cx.CheckUniqueNames(columns.Select(c => (c.Column.Name, c.Location)))) return null;
        // Items that pass an input column on unchanged become that column's own item (one per column, not per step).
        var schema = cx.Builder.SchemaOf(input);
        var items = new NamedExpr[columns.Count];
        for (int i = 0; i < items.Length; i++) items[i] = columns[i].Column.SharedOver(schema, i);
        return cx.Builder.Project(input, ImmutableCollectionsMarshal.AsImmutableArray(items), step.Name, step.Origin).Id;
    }
}
