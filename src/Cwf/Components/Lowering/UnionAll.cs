using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components;

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
