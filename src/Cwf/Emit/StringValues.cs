using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Text;

namespace Cwf.Emit;

/// <summary>
/// Checks the string values the script writes as literals (the parameters' values and the string
/// literals of the steps written) before any is written: a value with an unpaired surrogate is
/// CWF6061 (no UTF-8 script can carry it, and no dialect has an escape for it), a NUL where the
/// warehouse's text cannot hold one is CWF6060. Each problem is reported once per parameter or step.
/// </summary>
internal static class StringValues
{
    public static void Check(EmitGraph graph, EmitContext context)
    {
        var workflow = context.Workflow;
        foreach (var parameter in workflow.Parameters)
            if (parameter.Value is string value)
                Check(value, $"parameter @{parameter.Name}", parameter.Origin ?? Location.None, context);
        // One stack and list for every step: the walk runs over every expression of the script.
        var stack = new Stack<Expr>();
        var values = new List<string>();
        foreach (var id in graph.Needed)
        {
            var node = workflow[id];
            values.Clear();
            foreach (var expression in node.Expressions)
            {
                stack.Push(expression);
                while (stack.TryPop(out var e))
                {
                    if (e is Literal { Value: string value }) values.Add(value);
                    for (int i = e.ChildCount - 1; i >= 0; i--) stack.Push(e.ChildAt(i));
                }
            }
            // Checked as one text, in which a surrogate pair split between two literals is whole.
            if (values.Count > 0) Check(values.Count == 1 ? values[0] : string.Concat(values), $"step '{node.Name}'", EmitContext.LocationOf(node), context);
        }
    }

    private static void Check(string text, string owner, Location location, EmitContext context)
    {
        if (JsonStrings.IndexOfLoneSurrogate(text) is var at and >= 0)
            context.Diagnostics.Report(DiagnosticCodes.UnpairedSurrogateInText, location,
                $"A string value of {owner} holds an unpaired surrogate (U+{(int)text[at]:X4}), which no UTF-8 script can carry.",
                "write the whole character (both halves of its surrogate pair) or remove it");
        if (text.Contains('\0') && !context.Dialect.StringsHoldNul)
            context.Diagnostics.Report(DiagnosticCodes.NulInText, location,
                $"A string value of {owner} holds a NUL character (U+0000), which {context.Dialect.DisplayName} text cannot hold.",
                "remove the NUL character from the value");
    }
}
