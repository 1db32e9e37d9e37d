using System.Runtime.InteropServices;
using Cwf.Ir;

namespace Cwf.Optimization.Passes;

/// <summary>
/// Drops the columns no output needs (see <see cref="RequiredColumns"/>): table scans read only
/// the needed columns (BigQuery bills the bytes of the columns a query reads), projections and
/// joins and nearest neighbours stop producing unused columns, aggregates stop computing unused aggregates. Union inputs
/// that would then differ in their column sets (a pass-through step over a wider shared input)
/// get a projection, so every input of a union still has the same names.
/// </summary>
public sealed class ProjectionPruning : OptimizerPass
{
    public override string Name => "projection-pruning";
    public override string Description => "read and compute only the columns the outputs need";

    public override Workflow Run(Workflow workflow, OptimizerTarget target)
    {
        using var required = RequiredColumns.Compute(workflow);
        var rw = new WorkflowRewriter(workflow);
        foreach (var node in workflow.Nodes)
        {
            var needed = required.Of(node.Id);
            switch (node)
            {
                case ScanNode s when !KeepsAll(s.TableSchema.Columns, needed, static c => c.Name):
                    var columns = s.KeptColumns(needed);
                    if (columns.Count != s.TableSchema.Count) rw.Replace(s with { TableSchema = new Schema(columns.ToSeq(), s.TableSchema.IsOpen) });
                    break;
                case ProjectNode p when !KeepsAll(p.Columns, needed, static c => c.Name):
                    var kept = p.KeptColumns(needed);
                    if (kept.Count != p.Columns.Count) rw.Replace(p with { Columns = kept.ToSeq() });
                    break;
                case AggregateNode a when !KeepsAll(a.Aggregates, needed, static c => c.Name):
                    var aggregates = a.KeptAggregates(needed);
                    if (aggregates.Count != a.Aggregates.Count) rw.Replace(a with { Aggregates = aggregates.ToSeq() });
                    break;
                case JoinNode j when !KeepsAll(j.Outputs, needed, static o => o.Name):
                    var outputs = j.KeptOutputs(needed);
                    if (outputs.Count != j.Outputs.Count) rw.Replace(j with { Outputs = outputs.ToSeq() });
                    break;
                case NearestNode n when !KeepsAll(n.Outputs, needed, static o => o.Name):
                    var neighbours = n.KeptOutputs(needed);
                    if (neighbours.Count != n.Outputs.Count) rw.Replace(n with { Outputs = neighbours.ToSeq() });
                    break;
            }
        }
        var pruned = rw.ToWorkflow();
        return ReferenceEquals(pruned, workflow) ? workflow : AlignUnions(pruned);
    }

    // Whether every output is needed (most nodes): then nothing is pruned and no kept list is built.
    private static bool KeepsAll<T>(Seq<T> outputs, IReadOnlySet<string>? needed, Func<T, string> name)
    {
        if (needed is null) return true;
        foreach (var output in outputs)
            if (!needed.Contains(name(output))) return false;
        return true;
    }

    // After pruning, a union input that passes a wider shared result through may carry extra columns.
    private static Workflow AlignUnions(Workflow workflow)
    {
        WorkflowRewriter? rw = null;
        foreach (var node in workflow.Nodes)
        {
            if (node is not UnionAllNode union) continue;
            // Every input has at least the needed names; keep the names all inputs share.
            var names = new List<string>(union.Schema.Count);
            foreach (var column in union.Schema.Columns)
                if (AllHave(workflow, union.Sources, column.Name)) names.Add(column.Name);
            var sources = union.Sources;
            int[]? aligned = null;
            for (int i = 0; i < sources.Count; i++)
            {
                var schema = workflow[sources[i]].Schema;
                // The shared names are in every input's schema (unique ignoring case), so the same count means the same names.
                if (schema.IsOpen || schema.Count == names.Count) continue;
                var columns = schema.Columns.Where(c => names.Contains(c.Name, StringComparer.OrdinalIgnoreCase))
                    .Select(c => new NamedExpr(c.Name, ExprFactory.Column(c)));
                rw ??= new WorkflowRewriter(workflow);
                (aligned ??= [.. sources])[i] = rw.Insert(new ProjectNode(rw.NewId(), union.Name, sources[i], columns.ToSeq()) { Origin = union.Origin }, before: union.Id).Id;
            }
            if (aligned is not null) rw!.Replace(union with { Sources = ImmutableCollectionsMarshal.AsImmutableArray(aligned) });
        }
        return rw?.ToWorkflow() ?? workflow;
    }

    private static bool AllHave(Workflow workflow, Seq<int> sources, string name)
    {
        foreach (var source in sources)
            if (!workflow[source].Schema.Contains(name)) return false;
        return true;
    }
}
