using Cwf.Ir;

namespace Cwf.Components;

/// <summary>
/// The two outputs of a filter component (contract 5a.1): <c>match</c>, and <c>unmatch</c> with exactly the
/// other input rows (the condition false or NULL). Each output that is read becomes an IR node of its own.
/// </summary>
internal static class FilterOutputs
{
    public static Seq<string> Names { get; } = ["match", "unmatch"];

    /// <summary>Builds the node of each used output, match first, and stops at the first error.</summary>
    public static void Lower(ComponentLoweringContext cx, Func<FilterBranch, StepInfo, int?> build)
    {
        foreach (var output in cx.UsedOutputs)
        {
            if (build(output == "unmatch" ? FilterBranch.Unmatch : FilterBranch.Match, cx.StepOf(output)) is not { } id) return;
            cx.Output(output, id);
        }
    }
}
