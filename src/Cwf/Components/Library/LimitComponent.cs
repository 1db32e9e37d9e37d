using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary><c>native.limit</c>: the first n rows, <c>take n</c> (or <c>limit n</c>).</summary>
public sealed class LimitComponent : StepComponent
{
    public override string Id => "native.limit";
    public override string Title => "Limit";
    public override ComponentCategory Category => ComponentCategory.BasicSql;
    public override Seq<ComponentParameter> Parameters { get; } = [new("limit", ParameterKind.Integer)];
    public override Seq<string> Keywords { get; } = ["take", "take_per"];
    public override ComponentDoc Doc { get; } = new(
        "`take n` (or `limit n`); `take n per k1, k2 by t desc` (the first n rows of each group)",
        "`Limit` (int64 literal or int64 parameter); per group: `Window` (row_number) + `Filter` + `Project`",
        "input");

    public override void Lower(CanvasLoweringContext cx)
    {
        if (cx.Values.Integer("limit") is { } count) cx.Output("result", ComponentLowering.Limit(cx, cx.Input("source"), count, cx.Values.LocationOf("limit"), cx.Step));
    }

    public override StepSyntax Decompile(ComponentDecompilingContext cx) => new TakeStepSyntax(ExprSyntaxWriter.Write(cx.Values.Integer("limit")!));

    public override StepBinding? Bind(StepSyntax step, StepBinding cx)
    {
        if (step is TakePerStepSyntax per) return BindPerGroup(per, cx);
        var t = (TakeStepSyntax)step;
        var count = cx.Scalar(t.Count, "a row count");
        return count is null ? cx : cx.Next(ComponentLowering.Limit(cx.Lowering, cx.Node, count, cx.Locate(t.Count), cx.Step)) ?? cx;
    }

    private static StepBinding? BindPerGroup(TakePerStepSyntax t, StepBinding cx)
    {
        var count = cx.Scalar(t.Count, "a row count");
        var keys = t.Keys.Select(k => cx.Scalar(k, "a group key")).ToList();
        var order = cx.WindowKeys(t.Order, "an order key");
        if (count is null || keys.Any(k => k is null) || order is null) return null;
        return cx.Next(ComponentLowering.TakePerGroup(cx.Lowering, cx.Node, count, cx.Locate(t.Count), [.. keys!], order.Value, cx.Step));
    }

    public override void Check(StepSyntax step, StepBinding open)
    {
        if (step is TakePerStepSyntax per)
        {
            open.Scalar(per.Count, "this step");
            foreach (var key in per.Keys) open.Scalar(key, "this step");
            open.WindowKeys(per.Order, "this step");
        }
        else open.Scalar(((TakeStepSyntax)step).Count, "this step");
    }
}

public static partial class ComponentLowering
{
    /// <summary><c>native.limit</c>: the count must be a non-negative int64 literal or an int64 parameter.</summary>
    public static int? Limit(LoweringContext cx, int input, Expr count, Location countLocation, StepInfo step) =>
        IsRowCount(cx, count, countLocation) ? cx.Builder.Limit(input, count, step.Name, step.Origin).Id : null;

    /// <summary>
    /// The first <paramref name="count"/> rows of each group of equal <paramref name="keys"/> in <paramref name="order"/>
    /// (<c>take n per k by t</c>, <c>distinct on (k) by t</c>): a row_number window, a filter on it, and a project
    /// that drops it. Ties are broken by the input's other columns (not a key, not already ordered by), ascending with NULLs last (geography and
    /// columns of unknown type excepted), so the rows kept are the same on every warehouse unless two rows agree on all of those.
    /// </summary>
    public static int? TakePerGroup(LoweringContext cx, int input, Expr count, Location countLocation, Seq<Expr> keys, Seq<WindowKey> order, StepInfo step)
    {
        if (!IsRowCount(cx, count, countLocation)) return null;
        var schema = cx.Builder.SchemaOf(input);
        var row = UnusedName(schema, "cwf_row");
        var ordered = new HashSet<string>(order.Select(k => k.Expr).Concat(keys).OfType<ColumnRef>().Select(c => c.Name), StringComparer.OrdinalIgnoreCase);
        var tiebreak = Comparable(schema.Columns, ordered).Select(c => new WindowKey(ExprFactory.Column(c), Descending: false, NullsFirst: false));
        var call = new WindowCall(row, WindowFunction.RowNumber, [], keys, [.. order, .. tiebreak], null);
        var window = cx.Builder.Window(input, [call], step.Name + "_numbered", step.Origin);
        var numbered = cx.Builder.SchemaOf(window.Id).Find(row)!;
        var kept = cx.Builder.Filter(window.Id, ExprFactory.Binary(BinaryOp.LessOrEqual, ExprFactory.Column(numbered), count), FilterBranch.Match, step.Name + "_kept", step.Origin);
        return cx.Builder.Project(kept.Id, schema.Columns.Select(c => new NamedExpr(c.Name, ExprFactory.Column(c))), step.Name, step.Origin).Id;
    }

    /// <summary>The columns every engine orders alike (not geography, not of unknown type), less those already ordered by.</summary>
    private static IEnumerable<Column> Comparable(IEnumerable<Column> columns, IReadOnlySet<string> ordered) =>
        columns.Where(c => c.Type is not (SqlType.Geography or SqlType.Unknown) && !ordered.Contains(c.Name));

    /// <summary><paramref name="name"/>, or with a number appended when the schema has it already (cwf_row_2 ...).</summary>
    private static string UnusedName(Schema schema, string name)
    {
        var unused = name;
        for (int n = 2; schema.Find(unused) is not null && !schema.IsOpen; n++) unused = name + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return unused;
    }

    private static bool IsRowCount(LoweringContext cx, Expr count, Location countLocation)
    {
        bool valid = count switch
        {
            Literal { Value: long n } => n >= 0,
            ParamRef { Type: SqlType.Int64 } => true,
            _ => false,
        };
        if (!valid)
        {
            string found = count is ParamRef p ? $"parameter '{p.Name}' of type {p.Type.Name()}" : $"{count} ({count.Type.Name()})";
            cx.Diagnostics.Report(DiagnosticCodes.InvalidLimit, countLocation,
                $"the limit must be a non-negative integer, found {found}",
                count is ParamRef ? "declare the parameter as int64" : "write a whole number such as 100");
            return false;
        }
        return true;
    }
}
