using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.cast</c>: the column converted to the type <c>newtype</c> names, in place; <c>cast_column col, FLOAT</c>.
/// The type names are the product's (version 1 of the node lists STRING ... TIMESTAMP; version 2 writes
/// BigQuery's names, DATETIME among them). The export's <c>optimizationcol</c> is a storage hint and ignored.
/// </summary>
public sealed class CastComponent : GenericStepComponent
{
    public override string Id => "native.cast";
    public override string Title => "Cast";
    public override ComponentCategory Category => ComponentCategory.Other;

    /// <summary>The product's type names; TIME and BYTES have no cwf type and are reported (CWF2202).</summary>
    public static Seq<string> TypeNames { get; } =
        ["STRING", "FLOAT", "INTEGER", "BOOLEAN", "DATE", "TIME", "TIMESTAMP", "DATETIME", "INT64", "FLOAT64", "NUMERIC", "BIGNUMERIC", "BOOL", "BYTES"];

    public override Seq<ComponentParameter> Parameters { get; } =
        [ComponentParameter.Column("column"), ComponentParameter.Selection("newtype", TypeNames)];

    public override GenericStepForm Form { get; } = new("cast_column", ["column", "newtype"]);

    public override ComponentDoc Doc { get; } = new(
        "`cast_column col, FLOAT`",
        "`Project`: the column replaced in place by `Cast`",
        "input, the column of the new type (STRING string, FLOAT/FLOAT64 float64, INTEGER/INT64 int64, NUMERIC/BIGNUMERIC decimal, BOOLEAN/BOOL bool, DATE date, TIMESTAMP/DATETIME timestamp)");

    public override void Build(ComponentLoweringContext cx)
    {
        var v = cx.Values;
        int source = cx.Input("source");
        if ((v.Column("column"), v.Selection("newtype")) is not ({ } column, { } newType) || v.Failed) return;
        if (cx.Resolve(source, column) is not { } c) return;
        if (TargetType(newType) is not { } type)
        {
            cx.Diagnostics.Report(DiagnosticCodes.UnsupportedCastType, v.LocationOf("newtype"),
                $"cwf has no {newType} type, so the Cast component cannot convert '{c.Name}' to it",
                "cast to STRING to keep the value as text, or to TIMESTAMP for a date and time");
            return;
        }
        if (!Typing.CanCast(c.Type, type))
        {
            cx.Diagnostics.Report(DiagnosticCodes.InvalidCast, v.LocationOf("newtype"),
                $"cannot cast column '{c.Name}' ({c.Type.Name()}) to {newType}",
                "geography converts only to and from STRING (well-known text); dates and timestamps not to or from numbers");
            return;
        }
        cx.Output("result", ComponentLowering.ReplaceColumn(cx, source, c, ExprFactory.Cast(ExprFactory.Column(c), type), cx.Step));
    }

    private static SqlType? TargetType(string name) => name switch
    {
        "STRING" => SqlType.String,
        "FLOAT" or "FLOAT64" => SqlType.Float64,
        "INTEGER" or "INT64" => SqlType.Int64,
        "NUMERIC" or "BIGNUMERIC" => SqlType.Decimal,
        "BOOLEAN" or "BOOL" => SqlType.Bool,
        "DATE" => SqlType.Date,
        "TIMESTAMP" or "DATETIME" => SqlType.Timestamp,
        _ => null,
    };
}

public static partial class ComponentLowering
{
    /// <summary>A Project that keeps every input column, with <paramref name="column"/> replaced in place by <paramref name="value"/> under its name.</summary>
    public static int? ReplaceColumn(LoweringContext cx, int input, Column column, Expr value, StepInfo step)
    {
        if (!cx.RequireKnownColumns(input, step, $"converting the column '{column.Name}'")) return null;
        var columns = cx.Builder.SchemaOf(input).Columns.Select(c =>
            string.Equals(c.Name, column.Name, StringComparison.OrdinalIgnoreCase) ? new NamedExpr(c.Name, value) : LoweringContext.PassThrough(c));
        return cx.Builder.Project(input, columns, step.Name, step.Origin).Id;
    }
}
