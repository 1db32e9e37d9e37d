using System.Globalization;
using System.Text;
using Cwf.Ir;
using Cwf.Optimization;

namespace Cwf.Planning;

/// <summary>
/// The text of `cwf explain`: what the optimizer did (every pass run with its time, and for each
/// pass that changed something the IR lines it removed and added), the optimized IR, and the
/// materialization plan with the reason for every decision. With <c>timings: false</c> the text
/// is deterministic (for tests and diffs).
/// </summary>
public static class Explainer
{
    public static string Explain(OptimizationResult result, MaterializationPlan plan, OptimizerTarget target, bool timings = true)
    {
        var sb = new StringBuilder();
        var optimized = result.Optimized;
        sb.Append("workflow \"").Append(optimized.Name).Append("\" for ").Append(target.Name).Append('\n');

        sb.Append("\n== optimizer: ");
        if (result.Runs.IsEmpty) sb.Append("off (--no-opt); dead steps removed\n");
        else
        {
            sb.Append(result.Iterations).Append(result.Iterations == 1 ? " round, " : " rounds, ")
              .Append(result.ReachedFixedPoint ? "fixed point reached" : "stopped at the iteration bound");
            if (timings) sb.Append(", ").Append(Ms(result.Elapsed));
            sb.Append('\n');
            int width = result.Runs.Max(r => r.Pass.Length);
            foreach (var run in result.Runs)
            {
                var line = $"  {run.Iteration}  {run.Pass.PadRight(width)}  {(run.Changed ? "changed" : "-"),-7}  {(timings ? Ms(run.Elapsed) : "")}";
                sb.Append(line.TrimEnd()).Append('\n');
            }
        }

        var changes = result.Changes.Where(r => r.Before is not null && r.After is not null).ToList();
        if (changes.Count > 0)
        {
            sb.Append("\n== changes\n");
            foreach (var run in changes)
            {
                sb.Append("round ").Append(run.Iteration).Append(", ").Append(run.Pass).Append(":\n");
                AppendDiff(sb, run.Before!, run.After!);
            }
        }

        sb.Append("\n== optimized IR\n").Append(IrPrinter.Print(optimized, withSchemas: false));

        sb.Append("\n== plan\n");
        foreach (var decision in plan.Decisions.Values)
        {
            sb.Append(Node(optimized, decision.NodeId)).Append(": ").Append(Planner.Describe(decision.Kind)).Append('\n')
              .Append("    ").Append(decision.Reason).Append('\n');
        }
        foreach (var spatial in plan.SpatialJoins.Values)
        {
            sb.Append(Node(optimized, spatial.NodeId)).Append(": spatial join through an indexed ")
              .Append(spatial.IndexedSide == 0 ? "left" : "right").Append(" input (").Append(spatial.GeoColumn)
              .Append(spatial.Subdivide ? ", subdivided" : "").Append(")\n")
              .Append("    ").Append(spatial.Reason).Append('\n');
        }
        sb.Append(plan.Decisions.IsEmpty && plan.SpatialJoins.IsEmpty ? "every step: CTE\n" : "every other step: CTE\n");
        return sb.ToString();
    }

    /// <summary>
    /// The IR nodes a pass changed: each old version (-) right above its new one (+), then the
    /// nodes it removed and added; unchanged nodes and lines are left out.
    /// </summary>
    private static void AppendDiff(StringBuilder sb, string before, string after)
    {
        var old = Blocks(before);
        var @new = Blocks(after);
        var newById = @new.Where(b => b.Id is not null).ToDictionary(b => b.Id!, b => b.Text);
        var oldIds = old.Where(b => b.Id is not null).Select(b => b.Id!).ToHashSet();
        var oldTexts = old.Select(b => b.Text).ToHashSet();
        void Line(char sign, string text) => sb.Append("  ").Append(sign).Append(' ').Append(text.Replace("\n", "\n    ")).Append('\n');
        foreach (var (id, text) in old)
        {
            if (id is not null && newById.TryGetValue(id, out var replacement))
            {
                if (replacement == text) continue;
                Line('-', text);
                Line('+', replacement);
            }
            else if (id is not null || !@new.Any(b => b.Text == text)) Line('-', text);
        }
        foreach (var (id, text) in @new)
            if (id is null ? !oldTexts.Contains(text) : !oldIds.Contains(id)) Line('+', text);
    }

    // One block per node (its "%id = ..." line plus the schema line under it); other lines are blocks without an id.
    private static List<(string? Id, string Text)> Blocks(string ir)
    {
        var blocks = new List<(string? Id, string Text)>();
        foreach (var line in ir.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("    : ", StringComparison.Ordinal) && blocks.Count > 0) blocks[^1] = (blocks[^1].Id, blocks[^1].Text + "\n" + line.Trim());
            else blocks.Add((line.StartsWith('%') && line.IndexOf(" = ", StringComparison.Ordinal) is > 0 and var end ? line[..end] : null, line));
        }
        return blocks;
    }

    private static string Node(Workflow workflow, int id) =>
        workflow.Contains(id) && workflow[id].Name.Length > 0 ? $"%{id} {workflow[id].Name}" : $"%{id}";

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0.000", CultureInfo.InvariantCulture) + " ms";
}
