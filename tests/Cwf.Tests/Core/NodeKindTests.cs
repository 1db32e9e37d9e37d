using Cwf.Analysis;
using Cwf.Diagnostics;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Optimization;
using Cwf.Planning;

namespace Cwf.Tests.Core;

/// <summary>
/// Every IR node kind (every concrete <see cref="RelNode"/> type, found by reflection) goes
/// through every stage: printing, validation, each optimizer pass for every target, the planner,
/// emission for every registered dialect in every mode, and the interpreter. A kind with no
/// sample in <see cref="NodeKindSamples"/> fails here.
/// </summary>
public class NodeKindTests
{
    public static TheoryData<string> Kinds => [.. NodeKinds().Select(t => t.Name)];

    private static IEnumerable<Type> NodeKinds() =>
        typeof(RelNode).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(RelNode)) && !t.IsAbstract)
            .OrderBy(t => t.Name, StringComparer.Ordinal);

    private static readonly IReadOnlyList<OptimizerTarget> Targets =
        [OptimizerTarget.Conservative, .. Dialects.All.Select(d => d.OptimizerTarget)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_has_a_sample_that_contains_it(string kind) =>
        Assert.Contains(SampleOf(kind).Workflow.Nodes, n => n.GetType() == Kind(kind));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_prints_and_validates(string kind)
    {
        var (workflow, node) = Sample(kind);
        Assert.Empty(IrValidator.Validate(workflow));
        Assert.Contains($"%{node.Id} = {node.OperatorName}", IrPrinter.Print(workflow, withSchemas: true));
        Assert.Contains(node.OperatorName, IrPrinter.PrintCanonical(workflow));
        foreach (var format in Enum.GetValues<GraphFormat>())
            Assert.Contains(node.OperatorName, GraphRenderer.Render(workflow, format));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_rebuilds_itself_from_its_own_parts(string kind)
    {
        var (workflow, node) = Sample(kind);
        Schema SchemaOf(int id) => workflow[id].Schema;
        Assert.Equal(node, node.WithInputs(node.Inputs).WithSchemaFrom(SchemaOf));
        Assert.Equal(node, node.WithExpressions(node.Expressions).WithSchemaFrom(SchemaOf));
        Assert.Same(node, node.MapExpressions(e => e));
        Assert.Same(node, node.WithSchemaFrom(SchemaOf));
        Assert.Equal(node.Inputs.Count, node.ColumnsRead(null).Count);
        Assert.Equal(node.Inputs.Count, node.ColumnsRead(new HashSet<string>()).Count);
        Assert.Equal(node.OperatorName, node.Accept(new KindName()));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_optimizer_pass_and_the_planner_handle_every_kind(string kind)
    {
        var (workflow, _) = Sample(kind);
        foreach (var target in Targets)
        {
            foreach (var pass in PassManager.Default.Passes)
            {
                var after = pass.Run(workflow, target);
                Assert.True(IrValidator.Validate(after).Count == 0, $"{pass.Name} for {target.Name}: " + string.Join("; ", IrValidator.Validate(after)));
            }
            var optimized = PassManager.Default.Run(workflow, OptimizerOptions.Default with { Target = target, VerifyEachPass = true });
            Assert.DoesNotContain(optimized.Diagnostics, d => d.IsError || d.Descriptor == DiagnosticCodes.PassFailed);
            foreach (var planned in new[] { workflow, optimized.Optimized })
            {
                // Every result read twice (the sample's node is) gets a decision; scans are read where they are.
                var plan = Planner.Plan(planned, target);
                var shared = planned.Consumers().Where(c => c.Value.Length > 1 && planned[c.Key] is not ScanNode).Select(c => c.Key);
                Assert.Equal(shared.Order(), plan.Decisions.Keys);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_dialect_emits_every_kind_in_every_mode(string kind)
    {
        var (workflow, _) = Sample(kind);
        var unavailable = SampleOf(kind).UnavailableOn ?? new HashSet<string>();
        foreach (var dialect in Dialects.All)
        {
            foreach (var mode in Enum.GetValues<EmitMode>())
            {
                foreach (bool optimize in new[] { false, true })
                {
                    var result = Compiler.Compile(workflow, new CompileOptions(dialect) { Mode = mode, Optimize = optimize });
                    var where = $"{dialect.Name} {mode}{(optimize ? "" : " --no-opt")}";
                    Assert.DoesNotContain(result.Diagnostics, d => d.Descriptor == DiagnosticCodes.InternalError);
                    if (unavailable.Contains(dialect.Name))
                    {
                        Assert.Contains(result.Diagnostics, d => d.Descriptor == DiagnosticCodes.FunctionNotSupported && d.Message.Contains(dialect.DisplayName, StringComparison.Ordinal));
                        continue;
                    }
                    if (mode != EmitMode.Script) continue;
                    Assert.True(result.Sql is not null, $"{where}: " + string.Join("; ", result.Diagnostics.Select(d => d.Message)));
                    Assert.Contains(dialect.TableName(TableName.TryParse("out.second")!), result.Sql);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_interpreter_runs_every_kind(string kind)
    {
        var sample = SampleOf(kind);
        var optimized = PassManager.Default.Run(sample.Workflow, OptimizerOptions.Default).Optimized;
        foreach (var workflow in new[] { sample.Workflow, optimized })
        {
            var result = Interpreter.Run(workflow, NodeKindSamples.Data);
            if (sample.RowsPerOutput is not { } rows)
            {
                Assert.Contains(result.Diagnostics, d => d.Descriptor == DiagnosticCodes.OpaqueStepNotInterpretable);
                continue;
            }
            Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics.Select(d => d.Message)));
            Assert.Equal(rows, result.Outputs["out.first"].Count);
            Assert.Equal(rows, result.Outputs["out.second"].Count);
        }
    }

    private static Type Kind(string name) => NodeKinds().Single(t => t.Name == name);

    private static NodeKindSample SampleOf(string kind)
    {
        Assert.True(NodeKindSamples.ByKind.TryGetValue(Kind(kind), out var sample), $"no sample workflow for {kind}: add one to NodeKindSamples");
        return sample;
    }

    private static (Workflow Workflow, RelNode Node) Sample(string kind)
    {
        var workflow = SampleOf(kind).Workflow;
        return (workflow, workflow.Nodes.First(n => n.GetType() == Kind(kind)));
    }

    /// <summary>A visitor that names the arm it was called on: Accept must call the node's own.</summary>
    private sealed class KindName : IRelNodeVisitor<string>
    {
        public string VisitScan(ScanNode node) => "scan";
        public string VisitValues(ValuesNode node) => "values";
        public string VisitFilter(FilterNode node) => "filter";
        public string VisitProject(ProjectNode node) => "project";
        public string VisitAggregate(AggregateNode node) => "aggregate";
        public string VisitJoin(JoinNode node) => "join";
        public string VisitSemiJoin(SemiJoinNode node) => node.Anti ? "antijoin" : "semijoin";
        public string VisitNearest(NearestNode node) => "nearest";
        public string VisitUnionAll(UnionAllNode node) => "union";
        public string VisitSort(SortNode node) => "sort";
        public string VisitLimit(LimitNode node) => "limit";
        public string VisitDistinct(DistinctNode node) => "distinct";
        public string VisitSink(SinkNode node) => "sink";
        public string VisitCheck(CheckNode node) => "check";
        public string VisitOpaque(OpaqueNode node) => "opaque";
        public string VisitWindow(WindowNode node) => "window";
        public string VisitExplode(ExplodeNode node) => "explode";
    }
}
