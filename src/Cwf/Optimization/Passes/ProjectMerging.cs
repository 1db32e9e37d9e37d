using System.Runtime.InteropServices;
using Cwf.Ir;

namespace Cwf.Optimization.Passes;

/// <summary>
/// Fewer, simpler projections: a projection that passes its input through unchanged (same
/// columns, same order) disappears, and a projection over a projection nothing else reads
/// becomes one, its references replaced by the inner definitions (one CTE instead of two).
/// Merging stops where it would compute work twice (an expensive or non-deterministic inner
/// column read more than once), drop a non-deterministic column, or grow an expression beyond
/// <see cref="SubstitutionBound"/> (so a long chain of <c>x := x + 1</c> becomes a projection
/// every fifty steps, not one expression thousands of nodes large and deep, and a chain of
/// <c>x := x * x</c> does not double its size at every merge).
/// </summary>
public sealed class ProjectMerging : OptimizerPass
{
    public override string Name => "project-merging";
    public override string Description => "remove pass-through projections and merge consecutive ones";

    public override Workflow Run(Workflow workflow, OptimizerTarget target)
    {
        var rw = new WorkflowRewriter(workflow);
        foreach (var original in workflow.Nodes)
        {
            if (!rw.Contains(original.Id) || rw[original.Id] is not ProjectNode outer) continue;
            var input = rw[outer.Input];
            if (IsIdentity(outer, input.Schema))
            {
                rw.Redirect(outer.Id, input.Id);
                continue;
            }
            if (input is not ProjectNode inner || rw.Readers(inner.Id) != 1 || Merge(outer, inner) is not { } merged) continue;
            rw.Redirect(inner.Id, inner.Input);
            rw.Replace(outer with { Input = inner.Input, Columns = merged });
        }
        return rw.ToWorkflow();
    }

    private static bool IsIdentity(ProjectNode p, Schema input)
    {
        if (input.IsOpen || p.Columns.Count != input.Count) return false;
        for (int i = 0; i < p.Columns.Count; i++)
        {
            var c = p.Columns[i];
            if (c.Expr is not ColumnRef { Input: 0 } r || r.Name != c.Name || input[i].Name != c.Name || input[i].Type != r.Type) return false;
        }
        return true;
    }

    private static Seq<NamedExpr>? Merge(ProjectNode outer, ProjectNode inner)
    {
        var definitions = new Dictionary<string, Expr>(inner.Columns.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var c in inner.Columns) definitions.Add(c.Name, c.Expr);
        // How many times the outer projection reads each column.
        var reads = new Dictionary<string, int>(inner.Columns.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var c in outer.Columns)
            Predicates.AllColumns(c.Expr, reads, static (r, counts) =>
            {
                CollectionsMarshal.GetValueRefOrAddDefault(counts, r.Name, out _)++;
                return true;
            });
        foreach (var column in inner.Columns)
        {
            int count = reads.GetValueOrDefault(column.Name);
            bool deterministic = Predicates.IsDeterministic(column.Expr);
            if (!deterministic && count != 1) return null;
            if (count > 1 && !Predicates.IsCheap(column.Expr)) return null;
        }
        Func<ColumnRef, Expr?> definition = r => definitions[r.Name];
        var merged = outer.Columns.Map(c => c with { Expr = Predicates.Substitute(c.Expr, definition) });
        for (int i = 0; i < merged.Count; i++)
            if (!SubstitutionBound.Allows(outer.Columns[i].Expr, merged[i].Expr)) return null;
        return merged;
    }
}
