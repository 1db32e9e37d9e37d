using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.where</c>: the rows where a SQL condition is true (match) and the others (unmatch); <c>filter</c>
/// and <c>split</c> in .cwf, which the simple filter and the not-null filter are written as too.
/// </summary>
public sealed class WhereComponent : StepComponent
{
    public override string Id => "native.where";
    public override string Title => "Where";
    public override ComponentCategory Category => ComponentCategory.BasicSql;
    public override Seq<string> Outputs => FilterOutputs.Names;
    public override Seq<ComponentParameter> Parameters { get; } = [new("expression", ParameterKind.StringSql)];
    public override Seq<string> Keywords { get; } = ["filter", "split"];

    public override ComponentDoc Doc { get; } = new(
        "`filter cond`; `let m, u = ... \\| split cond` (match, unmatch: false or NULL)",
        "`Filter` match / unmatch",
        "input");

    public override void Lower(CanvasLoweringContext cx)
    {
        int source = cx.Input("source");
        if (cx.Expression("expression", source, "a filter condition") is not { } predicate || cx.Values.Failed) return;
        FilterOutputs.Lower(cx, (branch, step) => ComponentLowering.Where(cx, source, predicate, cx.Values.LocationOf("expression"), branch, step));
    }

    public override StepSyntax Decompile(ComponentDecompilingContext cx) => Condition(cx, _ => cx.Expression("expression"));

    /// <summary>
    /// A filter node as <c>filter</c> (match only) or <c>split</c> (its unmatch output is read), the condition
    /// written by <paramref name="condition"/>; a condition kept verbatim becomes an equivalent sql step.
    /// </summary>
    internal static StepSyntax Condition(ComponentDecompilingContext cx, Func<FilterNode, ExpressionSyntax> condition)
    {
        var filter = (FilterNode)(cx.Ir("match") ?? cx.Ir("unmatch"))!;
        if (filter.Predicate is RawSql raw)
        {
            var schema = cx.Workflow[filter.Input].Schema;
            return cx.Split
                ? DecompiledSyntax.KeptAsSql($"SELECT * FROM $a WHERE NOT COALESCE(({raw.Sql}), FALSE)", schema, "the condition (rows where it is not true)")
                : DecompiledSyntax.KeptAsSql($"SELECT * FROM $a WHERE ({raw.Sql})", schema, "the condition");
        }
        var written = condition(filter);
        return cx.Split ? new SplitStepSyntax(written) : new FilterStepSyntax(written);
    }

    public override StepBinding? Bind(StepSyntax step, StepBinding cx)
    {
        switch (step)
        {
            case FilterStepSyntax f:
                var predicate = cx.Scalar(f.Predicate, "a filter");
                return predicate is null ? cx
                    : cx.Next(ComponentLowering.Where(cx.Lowering, cx.Node, predicate, cx.Locate(f.Predicate), FilterBranch.Match, cx.Step)) ?? cx;
            default:
                var s = (SplitStepSyntax)step;
                cx.Diagnostics.Report(DiagnosticCodes.ResultCountMismatch, cx.Locate(s), "split has two results (match and unmatch)",
                    "write 'let matched, unmatched = ... | split condition' as the last step, or use filter to keep only the matches");
                cx.Scalar(s.Predicate, "a split");
                return cx;
        }
    }

    public override bool HasTwoResults(StepSyntax step) => step is SplitStepSyntax;

    public override BranchBuilder? BindBranches(StepSyntax step, StepBinding cx)
    {
        var split = (SplitStepSyntax)step;
        var predicate = cx.Scalar(split.Predicate, "a split");
        if (predicate is null || !ComponentLowering.IsCondition(cx.Diagnostics, predicate, cx.Locate(split.Predicate), "split")) return null;
        return (branch, info) => cx.Next(ComponentLowering.Where(cx.Lowering, cx.Node, predicate, cx.Locate(split.Predicate), branch, info));
    }

    public override void Check(StepSyntax step, StepBinding open) =>
        open.Scalar(step is FilterStepSyntax f ? f.Predicate : ((SplitStepSyntax)step).Predicate, "this step");
}

public static partial class ComponentLowering
{
    /// <summary>
    /// <c>native.where</c> (and the other two-output filters): one node per used output.
    /// Match keeps rows where the predicate is true; Unmatch the rest, NULL included.
    /// </summary>
    public static int? Where(LoweringContext cx, int input, Expr predicate, Location predicateLocation, FilterBranch branch, StepInfo step) =>
        IsCondition(cx.Diagnostics, predicate, predicateLocation, "filter")
            ? cx.Builder.Filter(input, predicate, branch, step.Name, step.Origin).Id
            : null;

    /// <summary>Whether <paramref name="predicate"/> can be the condition of a <paramref name="step"/> (filter, split); reports it when not.</summary>
    internal static bool IsCondition(DiagnosticBag diagnostics, Expr predicate, Location location, string step)
    {
        if (predicate.Type is SqlType.Bool or SqlType.Unknown) return true;
        diagnostics.Report(DiagnosticCodes.PredicateNotBoolean, location,
            $"the {step} condition is {predicate.Type.Name()}, not a boolean", "compare it with something, e.g. x > 0");
        return false;
    }
}
