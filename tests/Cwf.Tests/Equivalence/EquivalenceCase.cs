using System.Collections.Immutable;
using System.Text;
using CsCheck;
using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Planning;
using Cwf.Tests.Generators;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Equivalence;

/// <summary>
/// One generated workflow with its input data and a random materialization plan (some steps
/// become temporary tables, so that both the CTE and the temp-table paths of the backends run),
/// and the CsCheck seed that regenerates it.
/// </summary>
public sealed record EquivalenceCase(string Seed, GeneratedCase Generated, MaterializationPlan Plan)
{
    public Workflow Workflow => Generated.Workflow;
    public Database Inputs => Generated.Inputs;

    /// <summary>The IR (with schemas), the materialization plan and every input table.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Seed.Length > 0) text.Append("seed ").Append(Seed).Append('\n');
        text.Append(Generated);
        if (!Plan.Decisions.IsEmpty)
            text.Append("\nmaterialized: ").AppendJoin(", ", Plan.Decisions.Values.Select(d => $"%{d.NodeId} {d.Kind}"));
        return text.ToString();
    }
}

/// <summary>
/// Generates <see cref="EquivalenceCase"/>s. The cases of a property run come from one fixed
/// master seed (<see cref="Property"/>), each remembering the seed that regenerates it, so a
/// failing case can be replayed alone and shrunk.
/// </summary>
public static class EquivalenceCases
{
    public static Gen<EquivalenceCase> Gen(GeneratorOptions options, double tempTableChance = 0.2) =>
        new CaseGen(WorkflowGenerator.Cases(options), tempTableChance);

    /// <summary>
    /// <paramref name="count"/> cases from the fixed master seed of <paramref name="stream"/> (one per
    /// property, so that properties see different cases), or from CWF_PROPERTY_SEED when set;
    /// each case carries the seed that regenerates it.
    /// </summary>
    public static IReadOnlyList<EquivalenceCase> Batch(Gen<EquivalenceCase> gen, int count, uint stream) =>
        [.. Property.Cases(gen, count, stream).Select(c => c.Value with { Seed = c.Seed })];

    /// <summary>Every expression of a workflow, sub-expressions included (aggregate arguments too).</summary>
    public static IEnumerable<Expr> Expressions(Workflow workflow) =>
        workflow.Nodes.SelectMany(n => n.Expressions.Concat(n is AggregateNode a ? a.Aggregates.Select(c => c.Argument).OfType<Expr>() : []))
            .SelectMany(e => e.DescendantsAndSelf());

    private sealed class CaseGen(Gen<GeneratedCase> cases, double tempTableChance) : Gen<EquivalenceCase>
    {
        public override EquivalenceCase Generate(PCG pcg, Size? min, out Size size)
        {
            var generated = cases.Generate(pcg, min, out size);
            var decisions = ImmutableSortedDictionary.CreateBuilder<int, NodePlan>();
            foreach (var node in generated.Workflow.Nodes)
            {
                bool chosen = pcg.Next() < tempTableChance * uint.MaxValue;
                if (chosen && node is not (ScanNode or SinkNode))
                    decisions[node.Id] = new NodePlan(node.Id, Materialization.TempTable, "equivalence test");
            }
            return new EquivalenceCase("", generated, new MaterializationPlan(decisions.ToImmutable()));
        }
    }
}
