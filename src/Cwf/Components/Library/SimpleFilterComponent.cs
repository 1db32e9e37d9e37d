using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.wheresimplified</c>: <c>column op value</c>, the value typed by the column (contract 5a.8). It owns
/// no step: .cwf writes it as a <c>filter</c> (or <c>split</c>) on the typed comparison.
/// </summary>
public sealed class SimpleFilterComponent : StepComponent
{
    public static Seq<string> Operators { get; } =
        ["equal to", "not equal", "less than", "greater than", "equal or less than", "equal or greater than"];

    public override string Id => "native.wheresimplified";
    public override string Title => "Simple filter";
    public override ComponentCategory Category => ComponentCategory.BasicSql;
    public override Seq<string> Outputs => FilterOutputs.Names;

    public override Seq<ComponentParameter> Parameters { get; } =
        [ComponentParameter.Column("column"), ComponentParameter.Selection("operator", Operators), new("value", ParameterKind.String)];

    public override ComponentDoc Doc { get; } = new(
        "`filter column > 500` (`equal to` `=`, `not equal` `!=`, `less than` `<`, `greater than` `>`, `equal or less than` `<=`, "
            + "`equal or greater than` `>=`; the value typed by the column)",
        "`Filter` on `column op value`, the value typed by the column (5a.8); no collation is emitted, except PostgreSQL's binary "
            + "`COLLATE \"C\"` on an ordering comparison (`less than` ...) of strings, which keeps code-point order there as on every other warehouse",
        "input");

    public override void Lower(CanvasLoweringContext cx)
    {
        var v = cx.Values;
        int source = cx.Input("source");
        if ((v.Column("column"), v.Selection("operator"), v.Text("value")) is not ({ } column, { } op, { } value) || v.Failed) return;
        FilterOutputs.Lower(cx, (branch, step) =>
            ComponentLowering.SimpleFilter(cx, source, column, ComponentLowering.SimpleFilterOperator(op)!.Value, value, v.LocationOf("value"), branch, step));
    }

    public override StepSyntax Decompile(ComponentDecompilingContext cx) => WhereComponent.Condition(cx, filter => ExprSyntaxWriter.Write(filter.Predicate));
}

public static partial class ComponentLowering
{
    /// <summary>The six operators of <c>native.wheresimplified</c>, by option string.</summary>
    public static BinaryOp? SimpleFilterOperator(string option) => option switch
    {
        "equal to" => BinaryOp.Equal,
        "not equal" => BinaryOp.NotEqual,
        "less than" => BinaryOp.Less,
        "greater than" => BinaryOp.Greater,
        "equal or less than" => BinaryOp.LessOrEqual,
        "equal or greater than" => BinaryOp.GreaterOrEqual,
        _ => null,
    };

    /// <summary>
    /// <c>native.wheresimplified</c>: <c>column op value</c>, the value typed by the column (contract 5a.8):
    /// a number for numeric columns (integral text gives an int64 literal, as in .cwf), a string,
    /// a date or timestamp literal, or true/false.
    /// </summary>
    public static int? SimpleFilter(LoweringContext cx, int input, ColumnArg column, BinaryOp op, string value, Location valueLocation, FilterBranch branch, StepInfo step)
    {
        if (cx.Resolve(input, column) is not { } c) return null;
        if (!c.Type.IsComparable())
        {
            cx.Diagnostics.Report(DiagnosticCodes.NotComparable, column.Location,
                $"column '{c.Name}' is geography and cannot be compared with a value", "use a spatial filter instead");
            return null;
        }
        if (ComponentValues.TypedValue(c.Type, value) is not { } literal)
        {
            cx.Diagnostics.Report(DiagnosticCodes.InvalidFilterValue, valueLocation,
                $"'{value}' is not a valid {c.Type.Name()} value for column '{c.Name}'", ExampleValue(c.Type));
            return null;
        }
        var predicate = ExprFactory.Binary(op, ExprFactory.Column(c), literal);
        return Where(cx, input, predicate, valueLocation, branch, step);
    }

    private static string ExampleValue(SqlType type) => type switch
    {
        SqlType.Int64 or SqlType.Float64 or SqlType.Decimal => "write a number, e.g. 500 or 12.5",
        SqlType.Bool => "write true or false",
        SqlType.Date => "write a date as YYYY-MM-DD",
        SqlType.Timestamp => "write a timestamp as YYYY-MM-DD HH:MM:SS",
        _ => "",
    };
}
