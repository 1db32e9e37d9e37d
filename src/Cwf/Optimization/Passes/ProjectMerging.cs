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
        var inner = new InnerColumns();
        foreach (var original in workflow.Nodes)
        {
            if (!rw.Contains(original.Id) || rw[original.Id] is not ProjectNode outer) continue;
            var input = rw[outer.Input];
            if (IsIdentity(outer, input.Schema))
            {
                rw.Redirect(outer.Id, input.Id);
                continue;
            }
            if (input is not ProjectNode below || rw.Readers(below.Id) != 1 || Merge(outer, inner.Of(below)) is not { } merged) continue;
            rw.Redirect(below.Id, below.Input);
            rw.Replace(outer with { Input = below.Input, Columns = merged });
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

    private static Seq<NamedExpr>? Merge(ProjectNode outer, InnerColumns inner)
    {
        // How many times the outer projection reads each inner column.
        var reads = inner.Reads;
        foreach (var c in outer.Columns)
            Predicates.AllColumns(c.Expr, inner, static (r, s) =>
            {
                if (s.PositionOf(r.Name) is >= 0 and var at) s.Reads[at]++;
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
        var merged = new NamedExpr[outer.Columns.Count];
        for (int i = 0; i < merged.Length; i++)
        {
            var c = outer.Columns[i];
            var e = Predicates.Substitute(c.Expr, inner.Definition);
            if (!SubstitutionBound.Allows(c.Expr, e)) return null;
            merged[i] = ReferenceEquals(e, c.Expr) ? c : c with { Expr = e };
        }
        return new Seq<NamedExpr>(ImmutableCollectionsMarshal.AsImmutableArray(merged));
    }

    /// <summary>
    /// The inner projection of a merge: its columns found by name (compared in order when they are few, through a
    /// table otherwise) and how often the outer one reads each. One per pass, set to each inner projection in turn
    /// (<see cref="Of"/> forgets the previous one's names and counts), so a merge per step of a chain makes no tables.
    /// </summary>
    private sealed class InnerColumns
    {
        private const int SearchedInPlace = 8;
        private readonly Dictionary<string, int> _positions = new(StringComparer.OrdinalIgnoreCase);
        private bool _indexed;
        private int[] _reads = [];

        public InnerColumns() => Definition = r =>
            PositionOf(r.Name) is >= 0 and var at ? Columns[at].Expr : throw new KeyNotFoundException($"The inner projection defines no column '{r.Name}'.");

        public Seq<NamedExpr> Columns { get; private set; }

        /// <summary>By position: how many times the outer projection reads the column (zero after <see cref="Of"/>).</summary>
        public int[] Reads => _reads;

        /// <summary>A reference's definition in the inner projection.</summary>
        public Func<ColumnRef, Expr?> Definition { get; }

        public InnerColumns Of(ProjectNode inner)
        {
            Columns = inner.Columns;
            if (_reads.Length < Columns.Count) _reads = new int[Math.Max(Columns.Count, 2 * _reads.Length)];
            else Array.Clear(_reads, 0, Columns.Count);
            _positions.Clear();
            _indexed = Columns.Count > SearchedInPlace;
            if (_indexed)
                for (int i = 0; i < Columns.Count; i++) _positions.Add(Columns[i].Name, i);
            return this;
        }

        public int PositionOf(string name)
        {
            if (_indexed) return _positions.TryGetValue(name, out int at) ? at : -1;
            for (int i = 0; i < Columns.Count; i++)
                if (Columns[i].Name.Equals(name, StringComparison.OrdinalIgnoreCase)) return i;
            return -1;
        }
    }
}
