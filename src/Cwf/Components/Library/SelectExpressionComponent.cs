using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary><c>native.selectexpression</c>: adds (or replaces in place) one computed column, <c>derive name = expr</c>.</summary>
public sealed class SelectExpressionComponent : StepComponent
{
    public override string Id => "native.selectexpression";
    public override string Title => "Select expression";
    public override ComponentCategory Category => ComponentCategory.BasicSql;
    public override Seq<ComponentParameter> Parameters { get; } = [new("column", ParameterKind.String), new("expression", ParameterKind.StringSql)];
    public override Seq<string> Keywords { get; } = ["derive"];

    public override ComponentDoc Doc { get; } = new(
        "`derive name = expr, ...` (one component per column)",
        "`Project` adding (or replacing in place, CWF2802) the column",
        "input + name (replaces in place)");

    public override void Lower(CanvasLoweringContext cx)
    {
        int source = cx.Input("source");
        if (cx.Values.Text("column") is { } column && cx.Expression("expression", source, "a computed column") is { } e && !cx.Values.Failed)
            cx.Output("result", ComponentLowering.SelectExpression(cx, source, column, e, cx.Step));
    }

    public override StepSyntax Decompile(ComponentDecompilingContext cx)
    {
        var project = (ProjectNode)cx.Ir("result")!;
        var name = cx.Values.Text("column")!;
        var column = project.Columns.First(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        if (column.Expr is RawSql raw)
        {
            var list = project.Columns.Select(c => c == column ? $"({raw.Sql}) AS {name}" : c.Name);
            return DecompiledSyntax.KeptAsSql($"SELECT {string.Join(", ", list)} FROM $a", null, "the expression");
        }
        return new DeriveStepSyntax([new DerivationSyntax(new IdentifierSyntax(name), cx.Expression("expression"))]);
    }

    /// <summary>
    /// Each item is one node, left to right, so that later items see earlier ones; an item that is a
    /// window call (<c>rank() over (...)</c>) is a Window node.
    /// </summary>
    public override StepBinding? Bind(StepSyntax step, StepBinding cx)
    {
        var current = cx;
        foreach (var derivation in ((DeriveStepSyntax)step).Columns)
        {
            var name = derivation.Name.Name;
            int? node = WindowCallOf(derivation.Expression) is { } windowed
                ? current.Window(windowed, name) is { } call ? ComponentLowering.Window(current.Lowering, current.Node, [call], current.Step) : null
                : current.Scalar(derivation.Expression, "a derived column") is { } expr ? ComponentLowering.SelectExpression(current.Lowering, current.Node, name, expr, current.Step) : null;
            if (current.Next(node) is not { } next) return null;
            current = next;
        }
        return current;
    }

    public override void Check(StepSyntax step, StepBinding open)
    {
        foreach (var derivation in ((DeriveStepSyntax)step).Columns)
        {
            if (WindowCallOf(derivation.Expression) is { } windowed) open.Window(windowed, derivation.Name.Name);
            else open.Scalar(derivation.Expression, "this step");
        }
    }

    /// <summary>The window call an item is, parentheses aside; null for any other expression.</summary>
    internal static WindowCallSyntax? WindowCallOf(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedSyntax p) expression = p.Inner;
        return expression as WindowCallSyntax;
    }
}

public static partial class ComponentLowering
{
    /// <summary><c>native.selectexpression</c>: adds <paramref name="column"/> = expression (replacing a column of that name in place).</summary>
    public static int? SelectExpression(LoweringContext cx, int input, string column, Expr expression, StepInfo step) =>
        cx.AddColumn(input, column, expression, step);

    /// <summary>Window columns added to the input (each replacing an input column of its name in place).</summary>
    public static int Window(LoweringContext cx, int input, Seq<WindowCall> calls, StepInfo step) =>
        cx.Builder.Window(input, calls, step.Name, step.Origin).Id;
}
