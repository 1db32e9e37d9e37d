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
        var definitions = new InnerColumns(inner.Columns);
        // How many times the outer projection reads each inner column, by its position (a merge per step of a chain: no table of names).
        var reads = new int[inner.Columns.Count];
        foreach (var c in outer.Columns)
            Predicates.AllColumns(c.Expr, (reads, definitions), static (r, s) =>
            {
                if (s.definitions.PositionOf(r.Name) is >= 0 and var at) s.reads[at]++;
                return true;
            });
        for (int i = 0; i < inner.Columns.Count; i++)
        {
            var column = inner.Columns[i];
            int count = reads[i];
            bool deterministic = Predicates.IsDeterministic(column.Expr);
            if (!deterministic && count != 1) return null;
            if (count > 1 && !Predicates.IsCheap(column.Expr)) return null;
        }
        Func<ColumnRef, Expr?> definition = definitions.Definition;
        var merged = outer.Columns.Map(c => Predicates.Substitute(c.Expr, definition) is var e && ReferenceEquals(e, c.Expr) ? c : c with { Expr = e });
        for (int i = 0; i < merged.Count; i++)
            if (!SubstitutionBound.Allows(outer.Columns[i].Expr, merged[i].Expr)) return null;
        return merged;
    }

    /// <summary>The inner projection's columns found by name: compared in order when they are few, through a table otherwise.</summary>
    private sealed class InnerColumns
    {
        private const int SearchedInPlace = 8;
        private readonly Seq<NamedExpr> _columns;
        private readonly Dictionary<string, int>? _positions;

        public InnerColumns(Seq<NamedExpr> columns)
        {
            _columns = columns;
            if (columns.Count <= SearchedInPlace) return;
            _positions = new(columns.Count, StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < columns.Count; i++) _positions.Add(columns[i].Name, i);
        }

        public int PositionOf(string name)
        {
            if (_positions is not null) return _positions.TryGetValue(name, out int at) ? at : -1;
            for (int i = 0; i < _columns.Count; i++)
                if (_columns[i].Name.Equals(name, StringComparison.OrdinalIgnoreCase)) return i;
            return -1;
        }

        public Expr Definition(ColumnRef r) =>
            PositionOf(r.Name) is >= 0 and var at ? _columns[at].Expr : throw new KeyNotFoundException($"The inner projection defines no column '{r.Name}'.");
    }
}
