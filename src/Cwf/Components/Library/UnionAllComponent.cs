using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.unionall</c>: the inputs' rows in edge order, columns matched by name in the first input's order;
/// <c>a | union b, c</c>. Differing column sets or types are an error.
/// </summary>
public sealed class UnionAllComponent : StepComponent
{
    public override string Id => "native.unionall";
    public override string Title => "Union all";
    public override ComponentCategory Category => ComponentCategory.BasicSql;
    public override Seq<ComponentPort> Inputs { get; } = [new("tables", Multiple: true)];
    public override Seq<ComponentParameter> Parameters { get; } = [];
    public override Seq<string> Keywords { get; } = ["union"];

    public override ComponentDoc Doc { get; } = new(
        "`a \\| union b, c`",
        "`UnionAll`, inputs in edge order, matched by name",
        "the first input's columns, matched by name");

    public override void Lower(CanvasLoweringContext cx) => cx.Output("result", ComponentLowering.UnionAll(cx, cx.Inputs("tables"), cx.Step));

    public override StepSyntax Decompile(ComponentDecompilingContext cx) => new UnionStepSyntax([.. cx.InputNames("tables").Skip(1)]);

    public override StepBinding? Bind(StepSyntax step, StepBinding cx)
    {
        var others = ((UnionStepSyntax)step).Others.Select(o => (Relation: cx.Relation(o), Site: o)).ToList();
        if (others.Any(o => o.Relation is null)) return null;
        var inputs = new List<(int, Location)> { (cx.Node, cx.Step.Origin) };
        inputs.AddRange(others.Select(o => (o.Relation!.Node, cx.Locate(o.Site))));
        return cx.Reshaped(ComponentLowering.UnionAll(cx.Lowering, inputs, cx.Step));
    }

    public override void Check(StepSyntax step, StepBinding open)
    {
        foreach (var other in ((UnionStepSyntax)step).Others) open.Relation(other);
    }
}

public static partial class ComponentLowering
{
    /// <summary>
    /// <c>native.unionall</c>: inputs in edge order, matched by column name; the output has the
    /// first input's column order. Differing column sets or types are an error.
    /// </summary>
    public static int? UnionAll(LoweringContext cx, IReadOnlyList<(int Node, Location Location)> inputs, StepInfo step)
    {
        if (inputs.Count == 0)
        {
            cx.Diagnostics.Report(DiagnosticCodes.UnionMismatch, step.Origin, "a union needs at least one input");
            return null;
        }
        var first = cx.Builder.SchemaOf(inputs[0].Node);
        bool ok = true;
        foreach (var (node, location) in inputs.Skip(1))
        {
            var schema = cx.Builder.SchemaOf(node);
            if (first.IsOpen || schema.IsOpen) continue;
            var missing = first.Columns.Where(c => !schema.Contains(c.Name)).Select(c => c.Name).ToList();
            var extra = schema.Columns.Where(c => !first.Contains(c.Name)).Select(c => c.Name).ToList();
            var mistyped = first.Columns
                .Select(c => (c, other: schema.Find(c.Name)))
                .Where(p => p.other is not null && p.other.Type != p.c.Type && p.other.Type != SqlType.Unknown && p.c.Type != SqlType.Unknown)
                .Select(p => $"'{p.c.Name}' is {p.c.Type.Name()} in the first input but {p.other!.Type.Name()} here")
                .ToList();
            if (missing.Count == 0 && extra.Count == 0 && mistyped.Count == 0) continue;
            var problems = new List<string>();
            if (missing.Count > 0) problems.Add("missing " + string.Join(", ", missing.Select(n => $"'{n}'")));
            if (extra.Count > 0) problems.Add("extra " + string.Join(", ", extra.Select(n => $"'{n}'")));
            problems.AddRange(mistyped);
            cx.Diagnostics.Report(DiagnosticCodes.UnionMismatch, location,
                $"union input '{cx.Builder[node].Name}' does not match the first input '{cx.Builder[inputs[0].Node].Name}': {string.Join("; ", problems)}",
                "select, rename or cast columns so that every input has the same column names and types");
            ok = false;
        }
        return ok ? cx.Builder.UnionAll(inputs.Select(i => i.Node), step.Name, step.Origin).Id : null;
    }
}
