using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.unionall</c>: the inputs' rows in edge order, columns matched by name in the first input's order;
/// <c>a | union b, c</c>. Differing column sets or types are an error (canvas-format.md section 5), except in
/// the .cwf form <c>a | union by name b, c</c>: NULL where an input lacks a column, types widened.
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
        "`a \\| union b, c`, `a \\| union by name b, c`",
        "`UnionAll`, inputs in edge order, matched by name; `by name` (.cwf only): a `Project` before each input that lacks a column (NULL) or has a narrower type",
        "the first input's columns, matched by name; by name: then the columns only later inputs have, types widened");

    public override void Lower(CanvasLoweringContext cx) => cx.Output("result", ComponentLowering.UnionAll(cx, cx.Inputs("tables"), cx.Step));

    public override StepSyntax Decompile(ComponentDecompilingContext cx) => new UnionStepSyntax([.. cx.InputNames("tables").Skip(1)]);

    public override StepBinding? Bind(StepSyntax step, StepBinding cx)
    {
        var union = (UnionStepSyntax)step;
        // One array of the exact size (a union of a long program's branches has thousands of inputs); every input is
        // resolved, and so reported when unknown, before the union gives up.
        var inputs = new (int, Location)[union.Others.Count + 1];
        inputs[0] = (cx.Node, cx.Step.Origin);
        bool resolved = true;
        for (int i = 0; i < union.Others.Count; i++)
        {
            if (cx.Relation(union.Others[i]) is { } other) inputs[i + 1] = (other.Node, cx.Locate(union.Others[i]));
            else resolved = false;
        }
        if (!resolved) return null;
        return cx.Reshaped(union.ByName
            ? ComponentLowering.UnionByName(cx.Lowering, inputs, cx.Step)
            : ComponentLowering.UnionAll(cx.Lowering, inputs, cx.Step));
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
                [
                    "select, rename or cast columns so that every input has the same column names and types",
                    // The canvas contract makes differing columns an error (canvas-format.md section 5); .cwf has the NULL-filling form.
                    .. (missing.Count + extra.Count > 0 ? new[] { "or write the union in .cwf as `union by name`, which fills a column an input lacks with NULL" } : []),
                ]);
            ok = false;
        }
        return ok ? cx.Builder.UnionAll(inputs.Select(i => i.Node), step.Name, step.Origin).Id : null;
    }

    /// <summary>
    /// <c>union by name</c>: the columns of every input, matched by name (the first
    /// input's in its order, then those only later inputs have, in the order met), each of the common type
    /// of its inputs (the IR's widening; no common type is CWF2503). An input that lacks a column or holds a
    /// narrower type is adapted by a projection (NULL, a cast) of the union's origin; when every input has the
    /// same columns the union is exactly <see cref="UnionAll"/>.
    /// </summary>
    public static int? UnionByName(LoweringContext cx, IReadOnlyList<(int Node, Location Location)> inputs, StepInfo step)
    {
        var schemas = inputs.Select(i => cx.Builder.SchemaOf(i.Node)).ToList();
        if (inputs.Count == 0 || schemas.Any(s => s.IsOpen) || schemas.Skip(1).All(s => SameColumns(s, schemas[0])))
            return UnionAll(cx, inputs, step);

        var columns = new List<Column>();
        var firstSeen = new List<int>();
        bool ok = true;
        for (int i = 0; i < inputs.Count; i++)
            foreach (var column in schemas[i].Columns)
            {
                int at = columns.FindIndex(c => string.Equals(c.Name, column.Name, StringComparison.OrdinalIgnoreCase));
                if (at < 0)
                {
                    columns.Add(column with { Nullable = column.Nullable || i > 0 });
                    firstSeen.Add(i);
                }
                else if (SqlTypeFacts.CommonType(columns[at].Type, column.Type) is { } common)
                    columns[at] = columns[at] with { Type = common, Nullable = columns[at].Nullable || column.Nullable };
                else if (ok)
                {
                    cx.Diagnostics.Report(DiagnosticCodes.UnionTypesDiffer, inputs[i].Location,
                        $"column '{column.Name}' is {columns[at].Type.Name()} in '{cx.Builder[inputs[firstSeen[at]].Node].Name}' but {column.Type.Name()} in '{cx.Builder[inputs[i].Node].Name}', which have no common type",
                        $"cast one of them, e.g. derive {column.Name} = cast({column.Name} as string), or rename it");
                    ok = false;
                }
            }
        if (!ok) return null;
        // A column missing from some input is NULL there.
        for (int c = 0; c < columns.Count; c++)
            if (schemas.Any(s => !s.Contains(columns[c].Name))) columns[c] = columns[c] with { Nullable = true };

        var adapted = new List<int>();
        for (int i = 0; i < inputs.Count; i++)
        {
            var schema = schemas[i];
            if (schema.Columns.Count == columns.Count && columns.Select((c, k) => schema.Columns[k].Name == c.Name && schema.Columns[k].Type == c.Type).All(x => x))
            {
                adapted.Add(inputs[i].Node);
                continue;
            }
            var projection = columns.Select(c => new NamedExpr(c.Name, schema.Find(c.Name) is { } own
                ? ExprFactory.Cast(ExprFactory.Column(own, 0), c.Type)
                : Literal.Null(c.Type)));
            adapted.Add(cx.Builder.Project(inputs[i].Node, projection, $"{step.Name}_{i + 1}", step.Origin).Id);
        }
        return cx.Builder.UnionAll(adapted, step.Name, step.Origin).Id;
    }

    private static bool SameColumns(Schema a, Schema b) =>
        a.Columns.Count == b.Columns.Count && a.Columns.All(c => b.Find(c.Name) is { } other && other.Type == c.Type);
}
