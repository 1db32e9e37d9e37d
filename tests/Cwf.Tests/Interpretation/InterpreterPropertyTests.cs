using CsCheck;
using Cwf.Diagnostics;
using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Tests.Generators;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Interpretation;

/// <summary>Properties of the interpreter over random workflows and data (CsCheck; failures print the shrunk workflow).</summary>
public class InterpreterPropertyTests
{
    private static string Print(GeneratedCase c) => c.ToString();

    [Fact]
    public void Generated_workflows_are_valid_and_the_interpreter_never_throws()
    {
        WorkflowGenerator.Cases(GeneratorOptions.Everything).Check(c =>
        {
            Assert.Empty(IrValidator.Validate(c.Workflow));
            var result = Interpreter.Run(c.Workflow, c.Inputs);
            var internalErrors = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.InternalError.Code).ToList();
            Assert.True(internalErrors.Count == 0, string.Join("\n", internalErrors));
        }, iterations: 4 * TestSettings.PropertyIterations, print: Print);
    }

    [Theory]
    [MemberData(nameof(SafePresets))]
    public void Workflows_generated_without_runtime_errors_run_without_errors(string preset)
    {
        var options = Presets[preset];
        WorkflowGenerator.Cases(options).Check(c =>
        {
            Assert.Empty(IrValidator.Validate(c.Workflow));
            var result = Interpreter.Run(c.Workflow, c.Inputs);
            // A failing data check is the data's verdict (CWF7700), not a run-time error; nothing else may fail.
            var errors = result.Diagnostics.Where(d => d.IsError && d.Code != DiagnosticCodes.CheckFailed.Code).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", result.Diagnostics));
            Assert.NotNull(result.Outputs.Find(TableName.TryParse("out1")!));
        }, iterations: 3 * TestSettings.PropertyIterations, print: Print);
    }

    private static readonly Dictionary<string, GeneratorOptions> Presets = new()
    {
        ["default"] = new GeneratorOptions(),
        ["postgresql"] = GeneratorOptions.PostgreSql,
        ["nonspatial"] = GeneratorOptions.NonSpatial with { MaxSteps = 8 },
    };

    public static TheoryData<string> SafePresets => [.. Presets.Keys];

    [Fact]
    public void Runs_are_deterministic()
    {
        WorkflowGenerator.Cases(GeneratorOptions.Everything with { OrderDependentResults = true }).Check(c =>
        {
            var first = Interpreter.Run(c.Workflow, c.Inputs);
            var second = Interpreter.Run(c.Workflow, c.Inputs);
            Assert.Equal(Describe(first), Describe(second));
        }, iterations: TestSettings.PropertyIterations, print: Print);
    }

    private static string Describe(InterpretationResult r) =>
        string.Join("\n", r.Outputs.Tables.Select(t => $"{t.Name}\n{t.Table.Format()}")) + string.Join("\n", r.Diagnostics);

    [Fact]
    public void Filter_branches_and_semi_anti_joins_partition_their_input()
    {
        var schema = new Schema([new Column("a", SqlType.Int64), new Column("s", SqlType.String), new Column("g", SqlType.Geography), new Column("f", SqlType.Float64)]);
        var gen = Gen.Select(WorkflowGenerator.Tables(schema), WorkflowGenerator.Tables(schema), WorkflowGenerator.Expressions(schema, SqlType.Bool));
        gen.Check(((Table Left, Table Right, Expr Predicate) x) =>
        {
            var b = new WorkflowBuilder("partition");
            var left = b.Scan(TableName.TryParse("l")!, schema, "l");
            var right = b.Scan(TableName.TryParse("r")!, schema, "r");
            var match = b.Filter(left.Id, x.Predicate, FilterBranch.Match, "match");
            var unmatch = b.Filter(left.Id, x.Predicate, FilterBranch.Unmatch, "unmatch");
            // A join condition over both sides: the predicate on the left plus a spatial test.
            var condition = ExprFactory.And(x.Predicate, ExprFactory.Call(Functions.Intersects, ExprFactory.Column(schema.Find("g")!), ExprFactory.Column(schema.Find("g")!, 1)));
            var semi = b.SemiJoin(left.Id, right.Id, condition, anti: false, "semi");
            var anti = b.SemiJoin(left.Id, right.Id, condition, anti: true, "anti");
            foreach (var (id, name) in new[] { (match.Id, "m"), (unmatch.Id, "u"), (semi.Id, "s"), (anti.Id, "a") })
                b.Sink(id, TableName.TryParse(name)!, WriteMode.Replace, name);
            var result = Interpreter.Run(b.ToWorkflow(), Database.Empty.With(TableName.TryParse("l")!, x.Left).With(TableName.TryParse("r")!, x.Right));
            if (!result.Succeeded) return; // a run-time error in the predicate: nothing to partition
            var o = result.Outputs;
            Assert.Equal(Sorted(x.Left), Sorted(o["m"], o["u"]));
            Assert.Equal(Sorted(x.Left), Sorted(o["s"], o["a"]));
        }, iterations: 3 * TestSettings.PropertyIterations);
    }

    private static List<string> Sorted(params Table[] tables) =>
        [.. tables.SelectMany(t => t.Format().Split('\n').Skip(1)).Where(l => l.Length > 0).Order(StringComparer.Ordinal)];
}
