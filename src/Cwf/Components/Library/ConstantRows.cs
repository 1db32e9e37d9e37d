using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary>
/// What the constant-row sources share (<c>source name = values ...</c> and the canvas components
/// <c>native.pointfromstaticlatlon</c>, <c>native.bboxfromvalues</c>, <c>native.geogfromstatictext</c>,
/// <c>native.tablefromgeojson</c>): they build a <see cref="ValuesNode"/> and decompile to a values source.
/// </summary>
public static partial class ComponentLowering
{
    /// <summary>The one geography column of the sources that make one geography (the product's name for it).</summary>
    public const string GeoColumn = "geo";

    /// <summary>A values source: rows of constant expressions, each already of its column's type (<see cref="ValueOfType"/>).</summary>
    public static int Values(LoweringContext cx, Schema schema, Seq<Seq<Expr>> rows, StepInfo step) =>
        cx.Builder.Values(schema, rows, step.Name, step.Origin).Id;

    /// <summary>
    /// A value as a value of <paramref name="type"/>: itself when of that type, a typed NULL for a NULL
    /// literal, an integer widened to float64 or decimal (a literal converted, anything else cast); null
    /// when it does not fit.
    /// </summary>
    public static Expr? ValueOfType(Expr value, SqlType type)
    {
        if (value.Type == type) return value;
        if (value is Literal { Value: null }) return Literal.Null(type);
        if (value.Type != SqlType.Int64 || type is not (SqlType.Float64 or SqlType.Decimal)) return null;
        return value switch
        {
            Literal { Value: long l } when type == SqlType.Float64 => Literal.Float(l),
            Literal { Value: long l } => Literal.Decimal(l),
            _ => ExprFactory.Cast(value, type),
        };
    }

    /// <summary>One row of one geography column named <see cref="GeoColumn"/>.</summary>
    internal static int OneGeography(LoweringContext cx, Expr geography, StepInfo step) =>
        Values(cx, new Schema([new Column(GeoColumn, SqlType.Geography, geography.Nullable)]), [[geography]], step);

    /// <summary>A literal longitude or latitude outside its range is reported (a parameter is checked by the warehouse, not here).</summary>
    internal static bool InRange(LoweringContext cx, IComponentValues values, string parameter, Expr value, double limit, string what)
    {
        if (value is not Literal { Value: long or double } literal) return true;
        double v = Convert.ToDouble(literal.Value, System.Globalization.CultureInfo.InvariantCulture);
        if (v >= -limit && v <= limit) return true;
        cx.Diagnostics.Report(DiagnosticCodes.CoordinateOutOfRange, values.LocationOf(parameter),
            $"'{parameter}' is {v.ToString(System.Globalization.CultureInfo.InvariantCulture)}, but a {what} lies between -{limit} and {limit} degrees",
            $"give a {what} in degrees between -{limit} and {limit} (WGS84)");
        return false;
    }

    /// <summary>The <c>source name = values { ... } [ ... ]</c> statement of a constant-row source's IR.</summary>
    internal static ValuesStatementSyntax DecompileValues(ComponentDecompilingContext cx, string output)
    {
        var values = (ValuesNode)cx.Ir(output)!;
        return new ValuesStatementSyntax(cx.OutputName(output), DecompiledSyntax.Declarations(values.TableSchema),
            values.Rows.Select(r => new ValuesRowSyntax(r.Select(ExprSyntaxWriter.Write).ToSeq())).ToSeq());
    }
}
